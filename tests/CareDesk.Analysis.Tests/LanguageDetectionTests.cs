namespace CareDesk.Analysis.Tests;

public class LanguageDetectionTests
{
    private readonly CareAnalyzer analyzer = new();

    [Theory]
    [InlineData("Mi pedido no ha llegado y nadie responde", "es")]
    [InlineData("Ich warte seit drei Tagen auf eine Antwort von euch", "de")]
    [InlineData("Toujours pas de réponse, c'est vraiment nul", "fr")]
    [InlineData("Meu pedido ainda não chegou, péssimo atendimento", "pt")]
    [InlineData("Il mio ordine non è ancora arrivato, che schifo", "it")]
    [InlineData("Mijn bestelling is nog steeds niet aangekomen", "nl")]
    public void Reports_unsupported_languages_instead_of_guessing(string text, string language)
    {
        var result = analyzer.Analyze(text);

        Assert.Equal(language, result.Language);
        Assert.Equal(SentimentLabel.Neutral, result.Sentiment.Label);
        Assert.Equal(0, result.Sentiment.Score);
        Assert.Equal(["unsupported language"], result.Sentiment.Reasons);
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("no")]
    [InlineData("thanks!")]
    [InlineData("gracias @acme, all sorted")]
    [InlineData("Love the new app @acme")]
    [InlineData("is the app down?")]
    [InlineData("Die Hard is my favourite film and the app is down")]
    public void Keeps_short_english_english(string text)
    {
        Assert.Equal("en", analyzer.Analyze(text).Language);
    }

    [Theory]
    [InlineData("😍😍😍")]
    [InlineData("@acme @support https://t.co/xyz")]
    [InlineData("🔥🔥 @acme")]
    public void Leaves_texts_without_words_unlabelled_but_analyzed(string text)
    {
        var result = analyzer.Analyze(text);

        Assert.Null(result.Language);
        Assert.DoesNotContain("unsupported language", result.Sentiment.Reasons);
    }
}
