namespace CareDesk.Analysis.Care;

/// <summary>What one scoring produced besides the scores: readable reasons and the care cues that matched.</summary>
internal sealed class ScoreTrace
{
    public List<string> Reasons { get; } = [];

    /// <summary>Every cue match, ordered by start token, longest first at the same start.</summary>
    public List<CueMatch> Cues { get; } = [];
}

/// <param name="Text">The matched words as written, lower-cased.</param>
internal readonly record struct CueMatch(CarePhrase Phrase, int Start, int Length, string Text);
