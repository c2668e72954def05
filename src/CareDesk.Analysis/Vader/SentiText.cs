using System.Buffers;

namespace CareDesk.Analysis.Vader;

/// <summary>
/// A text split the way VADER splits it: on white space, with leading and trailing punctuation removed
/// unless that leaves two characters or fewer (so ":)" and "by," stay as they are).
/// Tokens are ranges over the text and its lower-cased copy; the buffers are pooled.
/// </summary>
internal sealed class SentiText : IDisposable
{
    /// <summary>Python's string.punctuation, which the reference strips from token ends.</summary>
    public static readonly SearchValues<char> Punctuation = SearchValues.Create("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");

    private readonly char[] lower;
    private readonly Token[] tokens;

    private SentiText(string text, char[] lower, Token[] tokens, int count)
    {
        Text = text;
        this.lower = lower;
        this.tokens = tokens;
        Count = count;
    }

    public string Text { get; }

    public int Count { get; }

    public static SentiText Create(string text)
    {
        var lower = ArrayPool<char>.Shared.Rent(Math.Max(text.Length, 1));
        text.AsSpan().ToLowerInvariant(lower);
        var tokens = ArrayPool<Token>.Shared.Rent(text.Length / 2 + 1);
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i == text.Length) break;
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            tokens[count++] = Token.Of(text, start, i - start);
        }

        return new SentiText(text, lower, tokens, count);
    }

    public ReadOnlySpan<char> Word(int index) => Text.AsSpan(tokens[index].Start, tokens[index].Length);

    public ReadOnlySpan<char> Lower(int index) => lower.AsSpan(tokens[index].Start, tokens[index].Length);

    /// <summary>The lower-cased token with all surrounding punctuation removed, whatever its length.</summary>
    public ReadOnlySpan<char> LowerBare(int index) => lower.AsSpan(tokens[index].BareStart, tokens[index].BareLength);

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(lower);
        ArrayPool<Token>.Shared.Return(tokens);
    }

    /// <summary>Python's str.isupper(): at least one cased character and no lower-case one (":D" is upper).</summary>
    public static bool IsUpper(ReadOnlySpan<char> word)
    {
        var cased = false;
        foreach (var c in word)
        {
            if (char.IsLower(c)) return false;
            if (char.IsUpper(c)) cased = true;
        }

        return cased;
    }

    private readonly record struct Token(int Start, int Length, int BareStart, int BareLength)
    {
        public static Token Of(string text, int start, int length)
        {
            var bareStart = start;
            var bareEnd = start + length;
            while (bareStart < bareEnd && Punctuation.Contains(text[bareStart])) bareStart++;
            while (bareEnd > bareStart && Punctuation.Contains(text[bareEnd - 1])) bareEnd--;
            var bare = text.AsSpan(bareStart, bareEnd - bareStart);
            return CodePoints(bare) <= 2
                ? new Token(start, length, bareStart, bare.Length)
                : new Token(bareStart, bare.Length, bareStart, bare.Length);
        }

        private static int CodePoints(ReadOnlySpan<char> span)
        {
            var count = span.Length;
            foreach (var c in span)
            {
                if (char.IsLowSurrogate(c)) count--;
            }

            return count;
        }
    }
}
