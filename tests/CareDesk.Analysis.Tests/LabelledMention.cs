namespace CareDesk.Analysis.Tests;

/// <summary>One line of Data/mentions.tsv: our own labelled evaluation set.</summary>
public sealed record LabelledMention(string Platform, IntentLabel Intent, SentimentLabel Polarity, string Text)
{
    public static IReadOnlyList<LabelledMention> LoadAll()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "mentions.tsv");
        return File.ReadLines(path)
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(Parse)
            .ToList();
    }

    private static LabelledMention Parse(string line)
    {
        var fields = line.Split('\t');
        if (fields.Length != 4) throw new FormatException($"mentions.tsv needs 4 fields: {line}");
        return new LabelledMention(
            fields[0],
            Enum.Parse<IntentLabel>(fields[1], ignoreCase: true),
            Enum.Parse<SentimentLabel>(fields[2], ignoreCase: true),
            fields[3]);
    }
}
