namespace CareDesk.Analysis.Tests;

/// <summary>
/// One line of a labelled set of our own in Data/: mentions.tsv, the set the care cues were developed against, and
/// holdout.tsv, written after that work and never used to tune anything.
/// </summary>
public sealed record LabelledMention(string Platform, IntentLabel Intent, SentimentLabel Polarity, string Text)
{
    public static IReadOnlyList<LabelledMention> Load(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", file);
        return File.ReadLines(path)
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(Parse)
            .ToList();
    }

    private static LabelledMention Parse(string line)
    {
        var fields = line.Split('\t');
        if (fields.Length != 4) throw new FormatException($"a labelled mention needs 4 fields: {line}");
        return new LabelledMention(
            fields[0],
            Enum.Parse<IntentLabel>(fields[1], ignoreCase: true),
            Enum.Parse<SentimentLabel>(fields[2], ignoreCase: true),
            fields[3]);
    }
}
