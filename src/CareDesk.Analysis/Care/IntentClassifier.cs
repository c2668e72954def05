using System.Globalization;

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

    private static readonly string[] QuestionOpeners =
    [
        "how", "what", "why", "when", "where", "who", "which", "can", "could", "does", "do", "did", "is", "are",
        "will", "would", "should", "any", "anyone", "has", "have",
    ];

    public static IntentResult Classify(SocialText social, double compound, IReadOnlyList<CueMatch> cues)
    {
        Span<double> scores = stackalloc double[5];
        var reasons = new List<string>[5];
        for (var i = 0; i < reasons.Length; i++) reasons[i] = [];

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
            Add(scores, reasons, intent, weight, $"phrase \"{cue.Text}\"");
        }

        // Negative text addressed to a company is nearly always a complaint; positive text needs more to be praise,
        // since buyers and askers are polite too.
        if (compound <= -CareAnalyzer.PolarityThreshold)
        {
            Add(scores, reasons, IntentLabel.Complaint, 1 - compound * SentimentWeight, Format("negative sentiment ({0:0.00})", compound));
        }
        var questionMark = social.Text.Contains('?');
        var opener = FirstWord(social.Text);
        var questionOpener = Array.IndexOf(QuestionOpeners, opener) >= 0;
        if (compound >= CareAnalyzer.PolarityThreshold)
        {
            // Friendly questions ("Love this! Does it come in blue?") are questions first.
            var weight = 0.5 + compound * SentimentWeight;
            Add(scores, reasons, IntentLabel.Praise, questionMark ? weight / 2 : weight, Format("positive sentiment (+{0:0.00})", compound));
        }

        // A buying signal is usually asked as a question; the question form then is no evidence against it.
        var buyingCue = scores[(int)IntentLabel.Buying] >= MinimumEvidence;
        if (questionMark && !buyingCue)
        {
            Add(scores, reasons, IntentLabel.Question, 1.0, "question mark");
        }

        if (questionOpener && !buyingCue)
        {
            Add(scores, reasons, IntentLabel.Question, 0.75, $"opens with \"{opener}\"");
        }

        if (social.IsRetweet && social.Words <= 1)
        {
            Add(scores, reasons, IntentLabel.Other, 3, "retweet without comment");
        }

        if (social.Hashtags + social.Handles >= 5)
        {
            Add(scores, reasons, IntentLabel.Other, 1.5, "mostly tags and handles");
        }

        var best = 0;
        var second = -1;
        for (var i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best])
            {
                second = best;
                best = i;
            }
            else if (second < 0 || scores[i] > scores[second])
            {
                second = i;
            }
        }

        if (scores[best] < MinimumEvidence)
        {
            return new IntentResult(IntentLabel.Other, 0.5, ["no intent cue strong enough"]);
        }

        var confidence = scores[best] / (scores[best] + scores[second] + 1);
        return new IntentResult((IntentLabel)best, Math.Round(confidence, 3), reasons[best]);
    }

    private static void Add(Span<double> scores, List<string>[] reasons, IntentLabel intent, double weight, string reason)
    {
        scores[(int)intent] += weight;
        reasons[(int)intent].Add(reason);
    }

    private static string FirstWord(string text)
    {
        var end = text.IndexOfAny([' ', ',', '?', '!', '.']);
        return (end < 0 ? text : text[..end]).ToLowerInvariant();
    }

    private static string Format(string format, double value) => string.Format(CultureInfo.InvariantCulture, format, value);
}
