namespace CareDesk.Analysis.Vader;

/// <summary>VADER's polarity scores: proportions of negative, neutral and positive text, and the normalized compound.</summary>
public readonly record struct VaderScores(double Negative, double Neutral, double Positive, double Compound);
