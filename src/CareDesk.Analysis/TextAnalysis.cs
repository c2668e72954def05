namespace CareDesk.Analysis;

public enum SentimentLabel { Negative, Neutral, Positive }

public enum IntentLabel { Complaint, Question, Praise, Buying, Other }

/// <param name="Score">-1 (most negative) to 1 (most positive).</param>
public sealed record SentimentResult(double Score, SentimentLabel Label, IReadOnlyList<string> Reasons);

/// <param name="Confidence">0 to 1: how strong the evidence for the label is.</param>
public sealed record IntentResult(IntentLabel Label, double Confidence, IReadOnlyList<string> Reasons);

/// <param name="Language">ISO 639-1 code of the detected language ("en"), or null when unknown.</param>
public sealed record TextAnalysis(SentimentResult Sentiment, IntentResult Intent, string? Language);
