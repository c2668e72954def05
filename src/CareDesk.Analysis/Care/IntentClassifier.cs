namespace CareDesk.Analysis.Care;

/// <summary>
/// Weighs the evidence for each intent (care cues, sentiment, question form, spam signs) and picks the strongest.
/// A buying cue in a text that also carries a complaint cue counts half: "charged twice for my seats" is billing
/// trouble, not a lead, and the sales feed needs precision.
/// </summary>
internal static class IntentClassifier
{
    private const double MinimumEvidence = 1.0;
    private const double SentimentWeight = 2.0;
    private const string NoCue = "no intent cue strong enough";

    private static readonly WordTable<bool> QuestionOpeners = new(new[]
    {
        "how", "what", "why", "when", "where", "who", "which", "can", "could", "does", "do", "did", "is", "are",
        "will", "would", "should", "any", "anyone", "has", "have",
    }.ToDictionary(word => word, _ => true));

    public static IntentResult Classify(SocialText social, double compound, IReadOnlyList<CueMatch> cues)
    {
        var evidence = new Evidence();
        var hasComplaintCue = false;
        foreach (var cue in cues)
        {
            if (cue.Phrase.Intent == IntentLabel.Complaint) hasComplaintCue = true;
        }

        var coveredUntil = 0;
        foreach (var cue in cues)
        {
            // A cue inside a longer one ("down for 3 hours" in "been down for 3 hours", "pricing" in "pricing page")
            // is the same evidence, or none.
            if (cue.Start + cue.Length <= coveredUntil) continue;
            coveredUntil = cue.Start + cue.Length;
            if (cue.Phrase.Intent is not { } intent) continue;
            var weight = intent == IntentLabel.Buying && hasComplaintCue ? cue.Phrase.Weight / 2 : cue.Phrase.Weight;
            evidence.Add(intent, weight, $"phrase \"{cue.Text}\"");
        }

        var questionMark = social.Text.Contains('?');
        Span<char> opener = stackalloc char[16];
        opener = FirstWordLowerCased(social.Text, opener);
        var questionOpener = QuestionOpeners.Contains(opener);

        // Negative text addressed to a company is nearly always a complaint; positive text needs more to be praise,
        // since buyers and askers are polite too, and friendly questions ("Love it! Does it come in blue?") are questions.
        if (compound <= -CareAnalyzer.PolarityThreshold)
        {
            evidence.Add(IntentLabel.Complaint, 1 - compound * SentimentWeight, $"negative sentiment ({SignedNumber.Format(compound)})");
        }
        else if (compound >= CareAnalyzer.PolarityThreshold)
        {
            var weight = 0.5 + compound * SentimentWeight;
            evidence.Add(IntentLabel.Praise, questionMark ? weight / 2 : weight, $"positive sentiment ({SignedNumber.Format(compound)})");
        }

        // A buying signal is usually asked as a question; the question form then is no evidence against it.
        var buyingCue = evidence.Score(IntentLabel.Buying) >= MinimumEvidence;
        if (questionMark && !buyingCue) evidence.Add(IntentLabel.Question, 1.0, "question mark");
        if (questionOpener && !buyingCue)
        {
            evidence.Add(IntentLabel.Question, 0.75, $"opens with \"{opener.ToString()}\"");
        }

        if (social.IsRetweet && social.Words <= 1) evidence.Add(IntentLabel.Other, 3, "retweet without comment");
        if (social.Hashtags + social.Handles + social.Urls >= 5) evidence.Add(IntentLabel.Other, 1.5, "mostly tags, handles and links");

        var (best, second) = evidence.TopTwo();
        if (evidence.Score(best) < MinimumEvidence) return new IntentResult(IntentLabel.Other, 0.5, [NoCue]);

        var confidence = evidence.Score(best) / (evidence.Score(best) + evidence.Score(second) + 1);
        return new IntentResult(best, Math.Round(confidence, 3), evidence.ReasonsFor(best));
    }

    private static Span<char> FirstWordLowerCased(string text, Span<char> buffer)
    {
        var end = text.AsSpan().IndexOfAny(" ,?!.");
        var word = end < 0 ? text.AsSpan() : text.AsSpan(0, end);
        if (word.Length > buffer.Length) return [];
        return buffer[..word.ToLowerInvariant(buffer)];
    }

    /// <summary>Weights per intent and the reasons behind them.</summary>
    private sealed class Evidence
    {
        private readonly double[] scores = new double[Enum.GetValues<IntentLabel>().Length];
        private readonly List<(IntentLabel Label, string Reason)> reasons = [];

        public void Add(IntentLabel label, double weight, string reason)
        {
            scores[(int)label] += weight;
            reasons.Add((label, reason));
        }

        public double Score(IntentLabel label) => scores[(int)label];

        public (IntentLabel Best, IntentLabel Second) TopTwo()
        {
            var best = 0;
            var second = 1;
            for (var i = 1; i < scores.Length; i++)
            {
                if (scores[i] > scores[best])
                {
                    second = best;
                    best = i;
                }
                else if (i != best && (second == best || scores[i] > scores[second]))
                {
                    second = i;
                }
            }

            return ((IntentLabel)best, (IntentLabel)second);
        }

        public List<string> ReasonsFor(IntentLabel label)
        {
            var chosen = new List<string>(reasons.Count);
            foreach (var reason in reasons)
            {
                if (reason.Label == label) chosen.Add(reason.Reason);
            }

            return chosen;
        }
    }
}
