using CareDesk.Analysis.Vader;

namespace CareDesk.Analysis.Tests;

public class VaderScorerTests
{
    private readonly VaderScorer vader = new();

    /// <summary>
    /// The compound scores the Python reference (vaderSentiment) publishes in its README for its example sentences.
    /// Where the JavaScript port (npm vader-sentiment 1.1.3) prints something else, the Python value is the one matched;
    /// see docs/analysis.md.
    /// </summary>
    [Theory]
    [InlineData("VADER is smart, handsome, and funny.", 0.8316)]
    [InlineData("VADER is smart, handsome, and funny!", 0.8439)]
    [InlineData("VADER is very smart, handsome, and funny.", 0.8545)]
    [InlineData("VADER is VERY SMART, handsome, and FUNNY.", 0.9227)]
    [InlineData("VADER is VERY SMART, handsome, and FUNNY!!!", 0.9342)]
    [InlineData("VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!", 0.9469)]
    [InlineData("VADER is not smart, handsome, nor funny.", -0.7424)]
    [InlineData("The book was good.", 0.4404)]
    [InlineData("At least it isn't a horrible book.", 0.431)]
    [InlineData("The book was only kind of good.", 0.3832)]
    [InlineData("The plot was good, but the characters are uncompelling and the dialog is not great.", -0.7042)]
    [InlineData("Today SUX!", -0.5461)]
    [InlineData("Today only kinda sux! But I'll get by, lol", 0.5249)]
    [InlineData("Make sure you :) or :D today!", 0.8633)]
    [InlineData("Catch utf-8 emoji such as 💘 and 💋 and 😁", 0.7003)]
    [InlineData("Not bad at all", 0.431)]
    [InlineData("Watch the rose wilt.", 0.0)]
    public void Reproduces_the_reference_compound_scores(string text, double compound)
    {
        Assert.Equal(compound, vader.Score(text).Compound, precision: 4);
    }

    [Theory]
    [InlineData("VADER is smart, handsome, and funny.", 0.0, 0.254, 0.746)]
    [InlineData("At least it isn't a horrible book.", 0.0, 0.678, 0.322)]
    [InlineData("The plot was good, but the characters are uncompelling and the dialog is not great.", 0.327, 0.579, 0.094)]
    [InlineData("Today only kinda sux! But I'll get by, lol", 0.127, 0.556, 0.317)]
    public void Reproduces_the_reference_proportions(string text, double negative, double neutral, double positive)
    {
        var scores = vader.Score(text);
        Assert.Equal((negative, neutral, positive), (scores.Negative, scores.Neutral, scores.Positive));
    }

    [Fact]
    public void Scores_empty_text_as_zero()
    {
        Assert.Equal(default, vader.Score("   "));
    }
}
