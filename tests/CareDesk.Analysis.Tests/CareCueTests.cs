namespace CareDesk.Analysis.Tests;

public class CareCueTests
{
    private readonly CareAnalyzer analyzer = new();

    [Theory]
    [InlineData("site down for 3 hours", "down for 3 hours")]
    [InlineData("down for a couple of days now", "down for a couple of days")]
    [InlineData("been down 48h", "been down 48h")]
    [InlineData("on hold for over an hour", "on hold for over an hour")]
    [InlineData("support fixed it in 10 mins", "fixed it in 10 mins")]
    public void Matches_durations_in_phrases(string text, string phrase)
    {
        Assert.Contains(analyzer.Analyze(text).Sentiment.Reasons, reason => reason.StartsWith($"phrase \"{phrase}\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Applies_vader_negation_around_a_care_phrase()
    {
        Assert.Equal(SentimentLabel.Positive, analyzer.Analyze("sorted").Sentiment.Label);
        Assert.Equal(SentimentLabel.Negative, analyzer.Analyze("still not sorted").Sentiment.Label);
    }

    [Fact]
    public void Leaves_words_that_are_neutral_in_care_out_of_the_score()
    {
        var result = analyzer.Analyze("Please can support share the invoice");

        Assert.Equal(SentimentLabel.Neutral, result.Sentiment.Label);
        Assert.Empty(result.Sentiment.Reasons);
    }

    [Fact]
    public void Counts_a_number_of_seats_as_a_buying_cue()
    {
        var result = analyzer.Analyze("We need 40 seats by March");

        Assert.Equal(IntentLabel.Buying, result.Intent.Label);
        Assert.Contains("phrase \"40 seats\"", result.Intent.Reasons);
    }

    [Fact]
    public void Reads_a_question_about_an_invoice_as_a_question()
    {
        Assert.Equal(IntentLabel.Question, analyzer.Analyze("Where can I download last month's invoice?").Intent.Label);
    }

    [Fact]
    public void Reads_a_retweet_without_comment_as_other()
    {
        var result = analyzer.Analyze("RT @acme");

        Assert.Equal(IntentLabel.Other, result.Intent.Label);
        Assert.Contains("retweet without comment", result.Intent.Reasons);
    }
}
