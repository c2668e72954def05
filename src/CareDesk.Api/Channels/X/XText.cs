using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CareDesk.Api.Channels.X;

/// <summary>How X measures and shows post text.</summary>
public static partial class XText
{
    public const int MaxPostLength = 280;
    public const int MaxDirectMessageLength = 10000;
    private const int LinkLength = 23;

    /// <summary>
    /// The length X checks against 280 (twitter-text's weighted length): a link counts 23 (t.co), an emoji sequence 2,
    /// a code point in the Latin, Greek, Cyrillic... ranges 1, any other (CJK...) 2. Links are recognised by their http(s) scheme only.
    /// </summary>
    public static int WeightedLength(string text)
    {
        text = text.Normalize(NormalizationForm.FormC);
        var length = Link().Matches(text).Count * LinkLength;
        var elements = StringInfo.GetTextElementEnumerator(Link().Replace(text, ""));
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var runes = element.EnumerateRunes().ToList();
            length += IsEmoji(runes) ? 2 : runes.Sum(r => IsLight(r.Value) ? 1 : 2);
        }
        return length;
    }

    /// <summary>
    /// Whether a post or message read back from X is the text we sent: X escapes &amp;, &lt; and &gt;, wraps links in t.co and
    /// may prefix a reply with the @handles it answers.
    /// </summary>
    public static bool SameText(string published, string sent) => Comparable(WebUtility.HtmlDecode(published)) == Comparable(sent);

    private static string Comparable(string text) =>
        Whitespace().Replace(Link().Replace(LeadingHandles().Replace(text.Trim(), ""), "<link>"), " ").Trim();

    private static bool IsEmoji(List<Rune> runes) =>
        runes.Any(r => r.Value >= 0x1F000 || r.Value is 0x200D or 0xFE0F || r.Value is >= 0x2600 and <= 0x27BF);

    private static bool IsLight(int codePoint) =>
        codePoint is <= 4351 or (>= 8192 and <= 8205) or (>= 8208 and <= 8223) or (>= 8242 and <= 8247);

    [GeneratedRegex(@"https?://\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex(@"^(@\w+\s+)+")]
    private static partial Regex LeadingHandles();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
