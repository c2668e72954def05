using CareDesk.Analysis.Care;

namespace CareDesk.Analysis.Tests;

public class SocialTextTests
{
    private static SocialText Clean(string text) => SocialText.Clean(text, CareVocabulary.Default);

    [Fact]
    public void Drops_handles_links_and_a_leading_retweet_mark()
    {
        var social = Clean("RT @acme: big news https://t.co/x1 www.acme.com");

        Assert.Equal("big news", social.Text);
        Assert.True(social.IsRetweet);
        Assert.Equal((1, 2), (social.Handles, social.Urls));
    }

    [Fact]
    public void Turns_hashtags_into_their_words()
    {
        var social = Clean("#fail again #NeverAgain #customer_service");

        Assert.Equal("fail again Never Again customer service", social.Text);
        Assert.Equal(3, social.Hashtags);
    }

    [Theory]
    [InlineData("sooo slow", "so slow")]
    [InlineData("loooove it", "love it")]
    [InlineData("goooood job", "good job")]
    [InlineData("NOOOO!!!", "NO!!!")]
    [InlineData("it’s fine", "it's fine")]
    public void Shortens_elongations_and_straightens_quotes(string text, string cleaned)
    {
        Assert.Equal(cleaned, Clean(text).Text);
    }

    [Fact]
    public void Elongated_words_score_like_the_words_they_stretch()
    {
        var analyzer = new CareAnalyzer();

        Assert.Equal(analyzer.Analyze("so happy").Sentiment.Score, analyzer.Analyze("sooooo happyyyy").Sentiment.Score);
    }
}
