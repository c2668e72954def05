using System.Buffers;
using System.Text;
using CareDesk.Analysis.Care;
using static CareDesk.Analysis.Vader.VaderRules;

namespace CareDesk.Analysis.Vader;

/// <summary>
/// VADER (Hutto &amp; Gilbert, 2014) as the Python reference vaderSentiment 3.3.2 computes it, including its
/// quirks, so that its published example scores are reproduced. Stateless and thread-safe.
/// </summary>
public sealed class VaderScorer
{
    private const byte PlainToken = 0;
    private const byte PhraseHead = 1;
    private const byte PhraseTail = 2;

    private readonly VaderLexicon lexicon = VaderLexicon.Default;

    public VaderScores Score(string text) => Score(text, care: null, trace: null);

    /// <summary>
    /// Scores with the care-domain vocabulary layered on VADER when <paramref name="care"/> is given: a care phrase
    /// with a valence acts as one lexicon entry in place of its words, and VADER's rules apply around it.
    /// </summary>
    internal VaderScores Score(string text, CareVocabulary? care, ScoreTrace? trace)
    {
        var prepared = DescribeEmoji(text);
        using var senti = SentiText.Create(prepared);
        var count = senti.Count;
        if (count == 0) return default;

        var valences = ArrayPool<double>.Shared.Rent(count);
        var sentiments = ArrayPool<double>.Shared.Rent(count);
        var kinds = ArrayPool<byte>.Shared.Rent(count);
        try
        {
            Array.Clear(kinds, 0, count);
            MarkPhrases(senti, care, trace, valences, kinds);
            for (var i = 0; i < count; i++)
            {
                if (kinds[i] != PlainToken) continue;
                valences[i] = lexicon.Valences.TryGet(senti.Lower(i), out var valence) ? valence : double.NaN;
            }

            var rules = new Rules(senti, valences, CapsDifferential(senti));
            for (var i = 0; i < count; i++)
            {
                var word = senti.Lower(i);
                if (kinds[i] == PhraseTail
                    || (kinds[i] == PlainToken && (Boosters.Contains(word) || (i < count - 1 && word is "kind" && senti.Lower(i + 1) is "of"))))
                {
                    sentiments[i] = 0;
                    continue;
                }

                sentiments[i] = rules.Valence(i);
            }

            ApplyButShift(senti, sentiments.AsSpan(0, count));
            if (trace is not null) TraceTokens(senti, valences, sentiments, kinds, trace);
            return Summarize(prepared, sentiments.AsSpan(0, count), trace);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(valences);
            ArrayPool<double>.Shared.Return(sentiments);
            ArrayPool<byte>.Shared.Return(kinds);
        }
    }

    /// <summary>VADER's normalization of a valence sum into -1..1.</summary>
    public static double Normalize(double score)
    {
        var normalized = score / Math.Sqrt(score * score + NormalizationAlpha);
        return Math.Clamp(normalized, -1, 1);
    }

    private static void MarkPhrases(SentiText senti, CareVocabulary? care, ScoreTrace? trace, double[] valences, byte[] kinds)
    {
        if (care is null) return;
        var cues = trace?.Cues ?? [];
        care.Match(senti, cues);
        var coveredUntil = 0;
        foreach (var cue in cues)
        {
            if (cue.Phrase.Valence is not { } valence || cue.Start < coveredUntil) continue;
            // A zero valence marks words that are neutral in customer care ("support", "please"): they drop out.
            kinds[cue.Start] = valence == 0 ? PhraseTail : PhraseHead;
            valences[cue.Start] = valence == 0 ? double.NaN : valence;
            for (var i = cue.Start + 1; i < cue.Start + cue.Length; i++)
            {
                kinds[i] = PhraseTail;
                valences[i] = double.NaN;
            }

            coveredUntil = cue.Start + cue.Length;
        }
    }

    /// <summary>Emoji become their descriptions, one code point at a time, as the reference does.</summary>
    private string DescribeEmoji(string text)
    {
        // Every emoji in the lexicon is at or above U+00A9 (©).
        if (!text.AsSpan().ContainsAnyExceptInRange('\0', '\u00A8')) return text;
        StringBuilder? described = null;
        var previousSpace = true;
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value >= 0xA9 && lexicon.EmojiDescriptions.TryGetValue(rune.Value, out var description))
            {
                described ??= new StringBuilder(text.Length + 32).Append(text, 0, index);
                if (!previousSpace) described.Append(' ');
                described.Append(description);
                previousSpace = false;
            }
            else
            {
                described?.Append(text, index, rune.Utf16SequenceLength);
                previousSpace = rune.Value == ' ';
            }

            index += rune.Utf16SequenceLength;
        }

        return described?.ToString().Trim() ?? text;
    }

    /// <summary>
    /// The contrastive "but": sentiment before the first "but" is halved, after it raised by half. The reference
    /// finds each value's position with list.index(), so equal values resolve to their first occurrence; kept.
    /// </summary>
    private static void ApplyButShift(SentiText senti, Span<double> sentiments)
    {
        var butIndex = -1;
        for (var i = 0; i < senti.Count; i++)
        {
            if (senti.Lower(i) is "but")
            {
                butIndex = i;
                break;
            }
        }

        if (butIndex < 0) return;
        for (var k = 0; k < sentiments.Length; k++)
        {
            var sentiment = sentiments[k];
            // Scaling a zero changes nothing wherever it lands, so only non-zero values need the search.
            if (sentiment == 0) continue;
            var at = sentiments.IndexOf(sentiment);
            if (at < butIndex) sentiments[at] = sentiment * 0.5;
            else if (at > butIndex) sentiments[at] = sentiment * 1.5;
        }
    }

    private static VaderScores Summarize(string text, ReadOnlySpan<double> sentiments, ScoreTrace? trace)
    {
        var sum = 0.0;
        foreach (var sentiment in sentiments) sum += sentiment;

        var emphasis = PunctuationEmphasis(text);
        if (sum > 0) sum += emphasis;
        else if (sum < 0) sum -= emphasis;
        if (trace is not null && sum != 0 && emphasis > 0)
        {
            trace.Reasons.Add($"punctuation emphasis ({SignedNumber.Format(sum > 0 ? emphasis : -emphasis)})");
        }

        var compound = Normalize(sum);

        double positive = 0, negative = 0, neutral = 0;
        foreach (var sentiment in sentiments)
        {
            // +1 / -1 compensate for neutral words counting 1 each.
            if (sentiment > 0) positive += sentiment + 1;
            if (sentiment < 0) negative += sentiment - 1;
            if (sentiment == 0) neutral += 1;
        }

        if (positive > Math.Abs(negative)) positive += emphasis;
        else if (positive < Math.Abs(negative)) negative -= emphasis;

        var total = positive + Math.Abs(negative) + neutral;
        return new VaderScores(
            Negative: Math.Round(Math.Abs(negative / total), 3),
            Neutral: Math.Round(Math.Abs(neutral / total), 3),
            Positive: Math.Round(Math.Abs(positive / total), 3),
            Compound: Math.Round(compound, 4));
    }

    private static double PunctuationEmphasis(string text)
    {
        var exclamations = text.AsSpan().Count('!');
        var questions = text.AsSpan().Count('?');

        var emphasis = Math.Min(exclamations, MaxExclamations) * ExclamationIncrement;
        if (questions > 1) emphasis += questions <= 3 ? questions * QuestionIncrement : ManyQuestionsIncrement;
        return emphasis;
    }

    /// <summary>True when some but not all words are ALL CAPS, so capitals carry emphasis.</summary>
    private static bool CapsDifferential(SentiText senti)
    {
        var upper = 0;
        for (var i = 0; i < senti.Count; i++)
        {
            if (SentiText.IsUpper(senti.Word(i))) upper++;
        }

        var differential = senti.Count - upper;
        return differential > 0 && differential < senti.Count;
    }

    private static void TraceTokens(SentiText senti, double[] valences, double[] sentiments, byte[] kinds, ScoreTrace trace)
    {
        var phraseAt = 0;
        for (var i = 0; i < senti.Count; i++)
        {
            if (kinds[i] == PhraseHead)
            {
                while (trace.Cues[phraseAt].Start != i || trace.Cues[phraseAt].Phrase.Valence is null) phraseAt++;
                trace.Reasons.Add(Describe("phrase", trace.Cues[phraseAt].Text, valences[i], sentiments[i]));
            }
            else if (kinds[i] == PlainToken && sentiments[i] != 0)
            {
                trace.Reasons.Add(Describe("lexicon", senti.Word(i).ToString(), valences[i], sentiments[i]));
            }
        }
    }

    private static string Describe(string kind, string words, double valence, double adjusted) =>
        Math.Abs(valence - adjusted) < 0.005
            ? $"{kind} \"{words}\" ({SignedNumber.Format(valence)})"
            : $"{kind} \"{words}\" ({SignedNumber.Format(valence)}, as used {SignedNumber.Format(adjusted)})";

    /// <summary>VADER's per-word rules: "no", ALL-CAPS, boosters and dampeners, negation, idioms, "least".</summary>
    private readonly ref struct Rules(SentiText senti, double[] valences, bool capsDifferential)
    {
        private static readonly (int From, int To)[] PrecedingSequences = [(-1, 0), (-2, 0), (-2, -1), (-3, -1), (-3, -2)];
        private static readonly (int From, int To)[] BoosterSequences = [(-3, -1), (-3, -2), (-2, -1)];

        private readonly SentiText senti = senti;
        private readonly double[] valences = valences;
        private readonly bool capsDifferential = capsDifferential;

        public double Valence(int i)
        {
            if (!InLexicon(i)) return 0;
            var item = senti.Lower(i);
            var valence = valences[i];
            var last = senti.Count - 1;

            if (item is "no" && i != last && InLexicon(i + 1))
            {
                // "no" negates the next lexicon word rather than counting on its own.
                valence = 0.0;
            }

            if ((i > 0 && senti.Lower(i - 1) is "no")
                || (i > 1 && senti.Lower(i - 2) is "no")
                || (i > 2 && senti.Lower(i - 3) is "no" && senti.Lower(i - 1) is "or" or "nor"))
            {
                valence = valences[i] * NegationScalar;
            }

            if (SentiText.IsUpper(senti.Word(i)) && capsDifferential)
            {
                valence += valence > 0 ? CapsIncrement : -CapsIncrement;
            }

            for (var distance = 0; distance < 3; distance++)
            {
                var before = i - (distance + 1);
                if (i <= distance || InLexicon(before)) continue;
                var scalar = BoosterScalar(before, valence);
                if (distance == 1) scalar *= 0.95;
                if (distance == 2) scalar *= 0.9;
                valence += scalar;
                valence = Negation(valence, distance, i);
                if (distance == 2) valence = SpecialIdioms(valence, i);
            }

            return Least(valence, i);
        }

        private bool InLexicon(int i) => !double.IsNaN(valences[i]);

        private double BoosterScalar(int index, double valence)
        {
            if (!Boosters.TryGet(senti.Lower(index), out var scalar)) return 0;
            if (valence < 0) scalar = -scalar;
            if (SentiText.IsUpper(senti.Word(index)) && capsDifferential)
            {
                scalar += valence > 0 ? CapsIncrement : -CapsIncrement;
            }

            return scalar;
        }

        private double Negation(double valence, int distance, int i)
        {
            switch (distance)
            {
                case 0:
                    return IsNegation(i - 1) ? valence * NegationScalar : valence;
                case 1:
                    if (senti.Lower(i - 2) is "never" && senti.Lower(i - 1) is "so" or "this") return valence * 1.25;
                    if (senti.Lower(i - 2) is "without" && senti.Lower(i - 1) is "doubt") return valence;
                    return IsNegation(i - 2) ? valence * NegationScalar : valence;
                default:
                    // The reference's operator precedence makes a "so"/"this" right before the word boost it
                    // whether or not "never" comes first; reproduced as is.
                    if ((senti.Lower(i - 3) is "never" && senti.Lower(i - 2) is "so" or "this")
                        || senti.Lower(i - 1) is "so" or "this")
                    {
                        return valence * 1.25;
                    }

                    if (senti.Lower(i - 3) is "without" && (senti.Lower(i - 2) is "doubt" || senti.Lower(i - 1) is "doubt"))
                    {
                        return valence;
                    }

                    return IsNegation(i - 3) ? valence * NegationScalar : valence;
            }
        }

        private bool IsNegation(int index)
        {
            var word = senti.Lower(index);
            return Negations.Contains(word) || word.Contains("n't", StringComparison.Ordinal);
        }

        private double SpecialIdioms(double valence, int i)
        {
            // Same order as the reference: preceding sequences first, then ones that start at the word.
            foreach (var (from, to) in PrecedingSequences)
            {
                if (FindSpecialCase(i + from, i + to) is { } special)
                {
                    valence = special;
                    break;
                }
            }

            if (senti.Count - 1 > i && FindSpecialCase(i, i + 1) is { } following) valence = following;
            if (senti.Count - 1 > i + 1 && FindSpecialCase(i, i + 2) is { } following3) valence = following3;

            foreach (var (from, to) in BoosterSequences)
            {
                foreach (var phrase in BoosterPhrases)
                {
                    if (Matches(phrase, i + from, i + to)) valence += phrase.Value;
                }
            }

            return valence;
        }

        private double? FindSpecialCase(int from, int to)
        {
            foreach (var special in SpecialCases)
            {
                if (Matches(special, from, to)) return special.Value;
            }

            return null;
        }

        private bool Matches(WordSequence sequence, int from, int to)
        {
            if (sequence.Words.Length != to - from + 1) return false;
            for (var k = 0; k < sequence.Words.Length; k++)
            {
                if (!senti.Lower(from + k).SequenceEqual(sequence.Words[k])) return false;
            }

            return true;
        }

        private double Least(double valence, int i)
        {
            if (i > 1 && !InLexicon(i - 1) && senti.Lower(i - 1) is "least")
            {
                if (senti.Lower(i - 2) is not "at" and not "very") valence *= NegationScalar;
            }
            else if (i > 0 && !InLexicon(i - 1) && senti.Lower(i - 1) is "least")
            {
                valence *= NegationScalar;
            }

            return valence;
        }
    }
}
