using System.Text;
using static CareDesk.Api.Channels.Bluesky.BlueskyPayloads;

namespace CareDesk.Api.Channels.Bluesky;

/// <summary>
/// Facets index a post's text by UTF-8 byte offsets (start inclusive, end exclusive), never by .NET string
/// positions, which count UTF-16 code units.
/// </summary>
public static class BlueskyRichText
{
    /// <summary>The text of a byte range, or null when the range is outside the text or cuts a character in two.</summary>
    public static string? Slice(string text, int byteStart, int byteEnd)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return IsValidRange(bytes, byteStart, byteEnd) ? Encoding.UTF8.GetString(bytes, byteStart, byteEnd - byteStart) : null;
    }

    /// <summary>
    /// The text an agent reads: as written, except that a link shown shortened ("example.com/very/lo...") becomes its
    /// full address. Mentions and tags already read as @handle and #tag.
    /// </summary>
    public static string PlainText(string text, IReadOnlyList<Facet>? facets)
    {
        if (facets is null || facets.Count == 0)
            return text;
        var bytes = Encoding.UTF8.GetBytes(text);
        var result = new StringBuilder();
        var position = 0;
        foreach (var facet in facets.OrderBy(f => f.Index.ByteStart))
        {
            var uri = facet.Features.FirstOrDefault(f => f.Type == LinkFeature)?.Uri;
            var (start, end) = (facet.Index.ByteStart, facet.Index.ByteEnd);
            if (uri is null || start < position || !IsValidRange(bytes, start, end))
                continue;
            result.Append(Encoding.UTF8.GetString(bytes, position, start - position)).Append(uri);
            position = end;
        }
        return result.Append(Encoding.UTF8.GetString(bytes, position, bytes.Length - position)).ToString();
    }

    /// <summary>
    /// Our reply addressed to the customer: their @handle (put in front unless the agent already wrote it) with a
    /// mention facet over its UTF-8 byte range, which is what notifies them.
    /// </summary>
    public static (string Text, Facet Mention) AddressTo(string text, string handle, string did)
    {
        var mention = "@" + handle.TrimStart('@');
        var at = IndexOfWord(text, mention);
        if (at < 0)
        {
            text = $"{mention} {text}";
            at = 0;
        }
        var byteStart = Encoding.UTF8.GetByteCount(text.AsSpan(0, at));
        var byteEnd = byteStart + Encoding.UTF8.GetByteCount(mention);
        return (text, new Facet(new ByteSlice(byteStart, byteEnd), [new FacetFeature(MentionFeature, Did: did)]));
    }

    private static int IndexOfWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + word.Length;
            var endsWord = end == text.Length || !(char.IsLetterOrDigit(text[end]) || text[end] is '.' or '-' && end + 1 < text.Length && char.IsLetterOrDigit(text[end + 1]));
            var startsWord = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            if (startsWord && endsWord)
                return at;
        }
        return -1;
    }

    private static bool IsValidRange(byte[] bytes, int start, int end) =>
        start >= 0 && end <= bytes.Length && start < end && !IsContinuation(bytes, start) && !IsContinuation(bytes, end);

    private static bool IsContinuation(byte[] bytes, int index) => index < bytes.Length && (bytes[index] & 0b1100_0000) == 0b1000_0000;
}
