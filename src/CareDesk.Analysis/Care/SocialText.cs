using System.Buffers;
using CareDesk.Analysis.Vader;

namespace CareDesk.Analysis.Care;

/// <summary>
/// A social post made readable for the analyzers: @handles and URLs dropped, a leading "RT" dropped, hashtags turned
/// into their words ("#NeverAgain" → "Never Again"), elongations shortened ("sooo" → "so") and curly quotes straightened.
/// </summary>
internal sealed record SocialText(string Text, bool IsRetweet, int Handles, int Urls, int Hashtags, int Words)
{
    private static readonly SearchValues<char> CurlyQuotes = SearchValues.Create("\u2018\u2019\u02BC\u201C\u201D");

    public static SocialText Clean(string raw, CareVocabulary vocabulary)
    {
        // Splitting hashtags adds at most one space per character.
        var buffer = ArrayPool<char>.Shared.Rent(raw.Length * 2 + 1);
        var text = new TextBuffer(buffer);
        bool retweet = false;
        int handles = 0, urls = 0, hashtags = 0, words = 0;
        foreach (var range in raw.AsSpan().SplitAny(" \t\r\n\u00A0"))
        {
            var token = raw.AsSpan(range);
            if (token.IsEmpty) continue;
            if (token.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                || token.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                || token.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
            {
                urls++;
                continue;
            }

            if (token.Length > 1 && token[0] == '@')
            {
                handles++;
                continue;
            }

            if (words == 0 && handles == 0 && token is "RT" or "rt")
            {
                retweet = true;
                continue;
            }

            if (text.Length > 0) text.Append(' ');
            if (token.Length > 1 && token[0] == '#' && char.IsLetterOrDigit(token[1]))
            {
                hashtags++;
                AppendHashtagWords(ref text, token[1..]);
            }
            else
            {
                AppendWord(ref text, token, vocabulary);
            }

            words++;
        }

        var cleaned = text.ToString();
        ArrayPool<char>.Shared.Return(buffer);
        return new SocialText(cleaned, retweet, handles, urls, hashtags, words);
    }

    private static void AppendHashtagWords(ref TextBuffer text, ReadOnlySpan<char> tag)
    {
        for (var i = 0; i < tag.Length; i++)
        {
            var c = tag[i];
            if (i > 0 && char.IsUpper(c) && char.IsLower(tag[i - 1])) text.Append(' ');
            text.Append(c == '_' ? ' ' : c);
        }
    }

    /// <summary>Letters repeated three or more times shrink to two when that makes a known word ("goood"), else to one ("sooo").</summary>
    private static void AppendWord(ref TextBuffer text, ReadOnlySpan<char> token, CareVocabulary vocabulary)
    {
        if (token.Length > 64 || !HasElongation(token))
        {
            AppendStraightQuotes(ref text, token);
            return;
        }

        Span<char> buffer = stackalloc char[token.Length];
        Span<char> lower = stackalloc char[token.Length];
        var shortened = Shorten(token, buffer, keep: 2);
        shortened.ToLowerInvariant(lower);
        if (!IsKnown(Bare(lower[..shortened.Length]), vocabulary))
        {
            shortened = Shorten(token, buffer, keep: 1);
        }

        AppendStraightQuotes(ref text, shortened);
    }

    private static bool IsKnown(ReadOnlySpan<char> word, CareVocabulary vocabulary) =>
        VaderLexicon.Default.Valences.Contains(word) || VaderRules.Boosters.Contains(word) || VaderRules.Negations.Contains(word)
        || vocabulary.StartsAnyCue(word);

    private static ReadOnlySpan<char> Bare(ReadOnlySpan<char> word) => word.Trim("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");

    private static bool HasElongation(ReadOnlySpan<char> token)
    {
        for (var i = 2; i < token.Length; i++)
        {
            if (char.IsLetter(token[i]) && char.ToLowerInvariant(token[i]) == char.ToLowerInvariant(token[i - 1])
                && char.ToLowerInvariant(token[i]) == char.ToLowerInvariant(token[i - 2]))
            {
                return true;
            }
        }

        return false;
    }

    private static ReadOnlySpan<char> Shorten(ReadOnlySpan<char> token, Span<char> buffer, int keep)
    {
        var length = 0;
        var i = 0;
        while (i < token.Length)
        {
            var run = 1;
            while (i + run < token.Length && char.ToLowerInvariant(token[i + run]) == char.ToLowerInvariant(token[i])) run++;
            var copy = char.IsLetter(token[i]) && run >= 3 ? keep : run;
            token.Slice(i, copy).CopyTo(buffer[length..]);
            length += copy;
            i += run;
        }

        return buffer[..length];
    }

    private static void AppendStraightQuotes(ref TextBuffer text, scoped ReadOnlySpan<char> token)
    {
        if (token.IndexOfAny(CurlyQuotes) < 0)
        {
            text.Append(token);
            return;
        }

        foreach (var c in token)
        {
            text.Append(c switch
            {
                '\u2018' or '\u2019' or '\u02BC' => '\'',
                '\u201C' or '\u201D' => '"',
                _ => c,
            });
        }
    }

    /// <summary>Appends into a pooled array that the caller sized for the worst case.</summary>
    private ref struct TextBuffer(char[] chars)
    {
        private readonly char[] chars = chars;

        public int Length { get; private set; }

        public void Append(char c) => chars[Length++] = c;

        public void Append(scoped ReadOnlySpan<char> span)
        {
            span.CopyTo(chars.AsSpan(Length));
            Length += span.Length;
        }

        public override readonly string ToString() => new(chars, 0, Length);
    }
}
