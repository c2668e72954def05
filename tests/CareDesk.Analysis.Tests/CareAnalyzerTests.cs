namespace CareDesk.Analysis.Tests;

public class CareAnalyzerTests
{
    private readonly CareAnalyzer analyzer = new();

    [Theory]
    [InlineData("@Acme your app has been down for 3 hours. #fail", "been down for 3 hours")]
    [InlineData("charged twice for my order and still waiting on a refund", "charged twice")]
    [InlineData("on hold for 45 minutes again, no reply to my emails either", "on hold for 45 minutes")]
    [InlineData("please cancel my account, I'm done", "cancel my account")]
    [InlineData("You lost my parcel. Again.", "lost my parcel")]
    public void Reads_care_complaints_as_negative_complaints(string text, string phrase)
    {
        var result = analyzer.Analyze(text);

        Assert.Equal(SentimentLabel.Negative, result.Sentiment.Label);
        Assert.Equal(IntentLabel.Complaint, result.Intent.Label);
        Assert.Contains(result.Intent.Reasons, reason => reason.Contains($"\"{phrase}\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("You guys are legends, fixed it in 10 minutes 🙌")]
    [InlineData("All sorted now, thanks @acme!")]
    public void Reads_resolutions_as_positive_praise(string text)
    {
        var result = analyzer.Analyze(text);

        Assert.Equal(SentimentLabel.Positive, result.Sentiment.Label);
        Assert.Equal(IntentLabel.Praise, result.Intent.Label);
    }

    [Theory]
    [InlineData("Looking for alternatives to Zendesk, need 40 seats. Can we get a demo?")]
    [InlineData("Can I get a quote for the enterprise plan?")]
    public void Flags_buying_signals(string text)
    {
        Assert.Equal(IntentLabel.Buying, analyzer.Analyze(text).Intent.Label);
    }

    [Fact]
    public void Reads_a_billing_complaint_as_a_complaint_not_a_lead()
    {
        var result = analyzer.Analyze("You charged twice for our 20 seats this month. Sort it out.");

        Assert.Equal(IntentLabel.Complaint, result.Intent.Label);
    }

    [Fact]
    public void Reads_a_how_to_as_a_question()
    {
        var result = analyzer.Analyze("How do I export my invoices?");

        Assert.Equal(IntentLabel.Question, result.Intent.Label);
        Assert.Contains("question mark", result.Intent.Reasons);
    }

    [Fact]
    public void Reads_promotion_as_other()
    {
        Assert.Equal(IntentLabel.Other, analyzer.Analyze("Follow back! Check out my page for a giveaway").Intent.Label);
    }

    [Fact]
    public void Gives_lexicon_reasons_with_valences()
    {
        var result = analyzer.Analyze("The new dashboard is great");

        Assert.Contains("lexicon \"great\" (+3.1)", result.Sentiment.Reasons);
    }

    [Fact]
    public void Confidence_grows_with_evidence()
    {
        var weak = analyzer.Analyze("still waiting");
        var strong = analyzer.Analyze("Still waiting for a reply, charged twice and now the app is down for 2 days. Unacceptable.");

        Assert.Equal(IntentLabel.Complaint, weak.Intent.Label);
        Assert.True(strong.Intent.Confidence > weak.Intent.Confidence, $"{strong.Intent.Confidence} > {weak.Intent.Confidence}");
    }

    [Fact]
    public void Analyzes_from_many_threads_alike()
    {
        string[] texts = ["charged twice!!", "legends 🙌", "how much for 50 seats?", "meh"];
        var expected = texts.Select(analyzer.Analyze).ToArray();

        Parallel.For(0, 2000, i =>
        {
            var actual = analyzer.Analyze(texts[i % texts.Length]);
            Assert.Equal(expected[i % texts.Length].Sentiment.Score, actual.Sentiment.Score);
            Assert.Equal(expected[i % texts.Length].Intent.Label, actual.Intent.Label);
        });
    }
}
