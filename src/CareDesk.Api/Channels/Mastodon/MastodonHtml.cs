using System.Net;
using System.Text;

namespace CareDesk.Api.Channels.Mastodon;

/// <summary>
/// Turns a status' HTML content into the plain text an agent reads: paragraphs become blank lines, &lt;br&gt; a line
/// break, mentions and hashtags keep their visible text (@user, #tag), other links become their full address
/// (Mastodon shortens the shown text with invisible spans), entities are decoded and all other markup dropped.
/// </summary>
public static class MastodonHtml
{
    private static readonly HashSet<string> Blocks = ["p", "blockquote", "pre", "ul", "ol"];

    public static string ToText(string? html)
    {
        if (string.IsNullOrEmpty(html))
            return "";
        var text = new StringBuilder();
        var position = 0;
        while (position < html.Length)
        {
            var tagStart = html.IndexOf('<', position);
            if (tagStart < 0)
            {
                text.Append(Decode(html[position..]));
                break;
            }
            text.Append(Decode(html[position..tagStart]));
            var tagEnd = html.IndexOf('>', tagStart);
            if (tagEnd < 0)
                break;
            var tag = Tag.Parse(html[(tagStart + 1)..tagEnd]);
            position = tagEnd + 1;

            if (tag.Name == "a" && !tag.Closing)
                position = AppendLink(html, position, tag, text);
            else if (tag.Name == "br")
                text.Append('\n');
            else if (tag.Name == "li" && !tag.Closing)
                StartLine(text, "- ");
            else if (Blocks.Contains(tag.Name))
                StartBlock(text);
        }
        return text.ToString().Trim();
    }

    /// <returns>The position after the link's closing tag.</returns>
    private static int AppendLink(string html, int contentStart, Tag tag, StringBuilder text)
    {
        var close = html.IndexOf("</a>", contentStart, StringComparison.OrdinalIgnoreCase);
        var contentEnd = close < 0 ? html.Length : close;
        var shown = ToText(html[contentStart..contentEnd]);
        var href = tag.Attribute("href");
        var isMentionOrTag = tag.Attribute("class")?.Split(' ').Any(c => c is "mention" or "hashtag") == true || shown.StartsWith('@') || shown.StartsWith('#');
        if (isMentionOrTag || string.IsNullOrEmpty(href) || shown == href)
            text.Append(shown);
        else if (shown.Length == 0)
            text.Append(href);
        else
            text.Append(shown).Append(" (").Append(href).Append(')');
        return close < 0 ? html.Length : close + "</a>".Length;
    }

    private static void StartBlock(StringBuilder text)
    {
        TrimTrailingSpaces(text);
        if (text.Length == 0)
            return;
        while (!EndsWith(text, "\n\n"))
            text.Append('\n');
    }

    private static void StartLine(StringBuilder text, string prefix)
    {
        TrimTrailingSpaces(text);
        if (text.Length > 0 && text[^1] != '\n')
            text.Append('\n');
        text.Append(prefix);
    }

    private static void TrimTrailingSpaces(StringBuilder text)
    {
        while (text.Length > 0 && text[^1] == ' ')
            text.Length--;
    }

    private static bool EndsWith(StringBuilder text, string end) =>
        text.Length >= end.Length && text.ToString(text.Length - end.Length, end.Length) == end;

    private static string Decode(string text) => WebUtility.HtmlDecode(text);

    private sealed record Tag(string Name, bool Closing, string Source)
    {
        public static Tag Parse(string inside)
        {
            var closing = inside.StartsWith('/');
            var body = inside.TrimStart('/').TrimEnd('/').Trim();
            var nameEnd = body.IndexOfAny([' ', '\t', '\n', '\r']);
            var name = (nameEnd < 0 ? body : body[..nameEnd]).ToLowerInvariant();
            return new Tag(name, closing, body);
        }

        public string? Attribute(string attribute)
        {
            var at = 0;
            while ((at = Source.IndexOf(attribute + "=", at, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                var startsWord = at > 0 && char.IsWhiteSpace(Source[at - 1]);
                var valueStart = at + attribute.Length + 1;
                at = valueStart;
                if (!startsWord || valueStart >= Source.Length)
                    continue;
                var quote = Source[valueStart];
                if (quote is '"' or '\'')
                {
                    var valueEnd = Source.IndexOf(quote, valueStart + 1);
                    return Decode(valueEnd < 0 ? Source[(valueStart + 1)..] : Source[(valueStart + 1)..valueEnd]);
                }
                var bare = Source.IndexOf(' ', valueStart);
                return Decode(bare < 0 ? Source[valueStart..] : Source[valueStart..bare]);
            }
            return null;
        }
    }
}
