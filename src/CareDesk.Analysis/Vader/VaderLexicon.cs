using System.Globalization;
using System.Reflection;
using System.Text;

namespace CareDesk.Analysis.Vader;

/// <summary>VADER's word valences and emoji descriptions, read once from the embedded lexicon files.</summary>
internal sealed class VaderLexicon
{
    private static readonly Lazy<VaderLexicon> Shared = new(Load);

    private VaderLexicon(WordTable<double> valences, Dictionary<int, string> emojiDescriptions)
    {
        Valences = valences;
        EmojiDescriptions = emojiDescriptions;
    }

    public static VaderLexicon Default => Shared.Value;

    /// <summary>Keys as the file spells them; VADER looks tokens up lower-cased, so upper-case keys never match.</summary>
    public WordTable<double> Valences { get; }

    /// <summary>Single code point emoji only: the reference replaces emoji character by character.</summary>
    public Dictionary<int, string> EmojiDescriptions { get; }

    private static VaderLexicon Load()
    {
        var valences = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in ReadLines("CareDesk.Analysis.vader_lexicon.txt"))
        {
            var fields = line.Split('\t');
            // Later duplicates win, as when the reference fills its dict line by line.
            valences[fields[0]] = double.Parse(fields[1], CultureInfo.InvariantCulture);
        }

        var emoji = new Dictionary<int, string>();
        foreach (var line in ReadLines("CareDesk.Analysis.emoji_utf8_lexicon.txt"))
        {
            var tab = line.IndexOf('\t');
            var symbol = line.AsSpan(0, tab);
            if (Rune.DecodeFromUtf16(symbol, out var rune, out var consumed) == System.Buffers.OperationStatus.Done
                && consumed == symbol.Length)
            {
                emoji[rune.Value] = line[(tab + 1)..];
            }
        }

        return new VaderLexicon(new WordTable<double>(valences), emoji);
    }

    private static IEnumerable<string> ReadLines(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0) yield return line;
        }
    }
}
