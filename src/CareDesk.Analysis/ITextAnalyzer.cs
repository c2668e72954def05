namespace CareDesk.Analysis;

/// <summary>
/// Turns one social post into a sentiment and an intent, each with the reasons that produced it.
/// The built-in <see cref="CareAnalyzer"/> is the default; a hosted model can be plugged in behind
/// this interface by configuration. Implementations must be thread-safe.
/// </summary>
public interface ITextAnalyzer
{
    TextAnalysis Analyze(string text);
}
