using CareDesk.Analysis.Care;
using CareDesk.Analysis.Vader;

namespace CareDesk.Analysis;

/// <summary>
/// The built-in analyzer: VADER with a customer-care layer for sentiment, weighed cues for intent, and a check that
/// the text is English. Needs no network; lexicons load once per process. Thread-safe.
/// </summary>
public sealed class CareAnalyzer : ITextAnalyzer
{
    /// <summary>VADER's customary thresholds on the compound score.</summary>
    public const double PolarityThreshold = 0.05;

    private const string UnsupportedLanguage = "unsupported language";

    private readonly VaderScorer vader = new();
    private readonly CareVocabulary vocabulary = CareVocabulary.Default;

    public TextAnalysis Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var social = SocialText.Clean(text, vocabulary);
        var language = LanguageDetector.Detect(social.Text);
        if (language is not null && language != LanguageDetector.English)
        {
            return new TextAnalysis(
                new SentimentResult(0, SentimentLabel.Neutral, [UnsupportedLanguage]),
                new IntentResult(IntentLabel.Other, 0, [UnsupportedLanguage]),
                language);
        }

        var trace = new ScoreTrace();
        var scores = vader.Score(social.Text, vocabulary, trace);
        var sentiment = new SentimentResult(scores.Compound, LabelOf(scores.Compound), trace.Reasons);
        var intent = IntentClassifier.Classify(social, scores.Compound, trace.Cues);
        return new TextAnalysis(sentiment, intent, language);
    }

    public static SentimentLabel LabelOf(double compound) => compound switch
    {
        >= PolarityThreshold => SentimentLabel.Positive,
        <= -PolarityThreshold => SentimentLabel.Negative,
        _ => SentimentLabel.Neutral,
    };
}
