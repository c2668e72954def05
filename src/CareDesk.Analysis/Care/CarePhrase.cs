using System.Globalization;
using CareDesk.Analysis.Vader;

namespace CareDesk.Analysis.Care;

/// <summary>
/// One line of care_cues.tsv: a word pattern with the sentiment valence it carries (VADER scale, or none) and the
/// intent it is evidence for (or none), with a weight. Pattern elements are separated by spaces; an element is a
/// set of alternatives ("account|subscription"), may be optional (trailing "?"), or is a class: &lt;n&gt; a number
/// or quantity word, &lt;dur&gt; a duration ("3 hours", "a couple of days", "48h"). Elements match greedily.
/// A pattern starts with a literal word, or with &lt;n&gt; that then matches digits only ("40 seats").
/// </summary>
internal sealed class CarePhrase
{
    public const string NumberClass = "<n>";

    private readonly Element[] elements;

    private CarePhrase(Element[] elements, double? valence, IntentLabel? intent, double weight)
    {
        this.elements = elements;
        Valence = valence;
        Intent = intent;
        Weight = weight;
    }

    public double? Valence { get; }

    public IntentLabel? Intent { get; }

    public double Weight { get; }

    /// <summary>The words a match can start with; <see cref="NumberClass"/> for a pattern that starts with a number.</summary>
    public IReadOnlyList<string> FirstWords => elements[0].Class == WordClass.Number ? [NumberClass] : elements[0].Words;

    public static CarePhrase Parse(string line)
    {
        var fields = line.Split('\t', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 4) throw new FormatException($"care cue needs 4 tab-separated fields: {line}");
        var elements = fields[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Element.Parse).ToArray();
        if (elements[0].Optional || elements[0].Class == WordClass.Duration)
        {
            throw new FormatException($"care cue must start with a required word or number: {line}");
        }

        double? valence = fields[1] == "-" ? null : double.Parse(fields[1], CultureInfo.InvariantCulture);
        IntentLabel? intent = fields[2] == "-" ? null : Enum.Parse<IntentLabel>(fields[2], ignoreCase: true);
        return new CarePhrase(elements, valence, intent, double.Parse(fields[3], CultureInfo.InvariantCulture));
    }

    /// <summary>The number of tokens the pattern covers from <paramref name="start"/>, or 0 when it does not match.</summary>
    public int MatchLength(SentiText senti, int start)
    {
        var at = start;
        foreach (var element in elements)
        {
            var length = at < senti.Count ? element.MatchLength(senti, at) : 0;
            if (length == 0 && !element.Optional) return 0;
            at += length;
        }

        return at - start;
    }

    /// <summary>Digits, with thousands separators or a trailing "+" ("1,200", "200+").</summary>
    public static bool IsDigits(ReadOnlySpan<char> token)
    {
        var digits = token.TrimEnd('+');
        return digits.Length > 0 && char.IsAsciiDigit(digits[0]) && digits.IndexOfAnyExcept("0123456789,.") < 0;
    }

    private enum WordClass { Literal, Number, Duration }

    private sealed record Element(string[] Words, WordClass Class, bool Optional)
    {
        private static readonly WordTable<bool> NumberWords = Table(
            "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "fifteen", "twenty", "thirty", "forty", "few", "couple", "several", "many", "multiple",
            "of", "over", "almost", "nearly", "like", "about", "half", "for");

        private static readonly WordTable<bool> TimeUnits = Table(
            "min", "mins", "minute", "minutes", "hr", "hrs", "hour", "hours", "day", "days", "week", "weeks",
            "month", "months", "year", "years", "ages", "forever");

        public static Element Parse(string text)
        {
            var optional = text.EndsWith('?');
            if (optional) text = text[..^1];
            return text switch
            {
                "<n>" => new Element([], WordClass.Number, optional),
                "<dur>" => new Element([], WordClass.Duration, optional),
                _ => new Element(text.Split('|'), WordClass.Literal, optional),
            };
        }

        public int MatchLength(SentiText senti, int at)
        {
            var token = senti.LowerBare(at);
            return Class switch
            {
                WordClass.Literal => IsAnyOf(token, Words) ? 1 : 0,
                WordClass.Number => IsNumber(token) ? 1 : 0,
                _ => DurationLength(senti, at),
            };
        }

        /// <summary>A unit ("hours", "ages"), a glued number ("48h"), or up to four quantity words then a unit.</summary>
        private static int DurationLength(SentiText senti, int at)
        {
            var token = senti.LowerBare(at);
            if (TimeUnits.Contains(token) || IsGluedDuration(token)) return 1;
            for (var length = 1; length <= 4 && at + length < senti.Count && IsNumber(senti.LowerBare(at + length - 1)); length++)
            {
                if (TimeUnits.Contains(senti.LowerBare(at + length))) return length + 1;
            }

            return 0;
        }

        private static bool IsAnyOf(ReadOnlySpan<char> token, string[] words)
        {
            foreach (var candidate in words)
            {
                if (token.SequenceEqual(candidate)) return true;
            }

            return false;
        }

        private static bool IsNumber(ReadOnlySpan<char> token) => IsDigits(token) || NumberWords.Contains(token);

        private static bool IsGluedDuration(ReadOnlySpan<char> token)
        {
            var unitStart = token.IndexOfAnyExceptInRange('0', '9');
            return unitStart > 0 && token[unitStart..] is "h" or "m" or "d" or "w" or "min" or "mins" or "hr" or "hrs" or "hours" or "days";
        }

        private static WordTable<bool> Table(params string[] words) =>
            new(words.ToDictionary(word => word, _ => true, StringComparer.Ordinal));
    }
}
