namespace CareDesk.Analysis.Tests;

/// <summary>
/// One sentence per VADER rule. The expected compounds follow the Python reference's code path (vaderSentiment 3.3.2);
/// where the JavaScript port (npm vader-sentiment 1.1.3) prints something else, it is noted: the port lacks the "no"
/// rule, lower-cases negations differently and applies "never so" and "????" differently.
/// </summary>
public class VaderRuleTests
{
    private readonly CareDesk.Analysis.Vader.VaderScorer vader = new();

    [Theory]
    [InlineData("The service was never so good.", 0.6626)] // never so: x1.25 at distance 2 and again at 3 (reference precedence quirk); JS port prints 0.7279
    [InlineData("This is never this bad.", -0.7101)] // never this; JS port prints -0.7709
    [InlineData("It is without doubt the best support.", 0.8406)] // without doubt does not negate; JS port prints 0.1134
    [InlineData("I am not happy.", -0.4585)] // negation
    [InlineData("I am never happy with this.", -0.4585)] // negation by never
    [InlineData("It isn't really that great.", -0.5423)] // n't negation two words back
    [InlineData("The staff were VERY helpful, thanks.", 0.8272)] // ALL-CAPS booster among lower-case words
    [InlineData("GREAT service", 0.7034)] // ALL-CAPS word
    [InlineData("Why is this so bad??", -0.7051)] // two question marks
    [InlineData("Why is this so bad????", -0.7544)] // more than three question marks; JS port prints 0.0000
    [InlineData("Is it good???", 0.533)] // question marks on positive text
    [InlineData("This is the least helpful support ever.", 0.0946)] // least negates
    [InlineData("He is the very least helpful person.", 0.4728)] // very least does not
    [InlineData("This product is the shit.", 0.6124)] // idiom the shit
    [InlineData("I waited at the bus stop.", 0.0)] // bus stop is neutral; JS port prints -0.2960
    [InlineData("Yeah right, great support.", 0.8402)] // yeah right
    [InlineData("It was the kiss of death for the project.", -0.6124)] // kiss of death
    [InlineData("The movie was sort of good.", 0.3832)] // sort of dampens
    [InlineData("The service was kinda bad.", -0.4951)] // kinda dampens a negative
    [InlineData("no good deed", -0.3412)] // no negates the next lexicon word; JS port prints 0.1779
    [InlineData("No problems at all.", 0.3089)] // no problems; JS port prints -0.5994
    [InlineData("I have no money or friends.", -0.5795)] // no ... or; JS port prints 0.2263
    [InlineData("Terrible :(", -0.7184)] // emoticon
    [InlineData("<3 you guys", 0.4404)] // emoticon heart
    [InlineData("The app is slow but good.", 0.5927)] // but shifts weight to what follows
    [InlineData("The app is good, but the support is terrible but fast.", 0.09)] // only the first but counts
    [InlineData("You are hardly helpful.", 0.3626)] // dampener
    [InlineData("Extremely disappointed!!!", -0.645)] // exclamation marks on negative text
    [InlineData("EXTREMELY disappointed", -0.6281)] // ALL-CAPS booster on a negative
    [InlineData("Never good.", -0.3412)] // capitalized negation; JS port prints 0.4404
    [InlineData("Not very good.", -0.3865)] // negation across a booster; JS port prints 0.4927
    public void Applies_each_rule_as_the_reference_does(string text, double compound)
    {
        Assert.Equal(compound, vader.Score(text).Compound, precision: 4);
    }
}
