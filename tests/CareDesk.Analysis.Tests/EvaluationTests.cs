using CareDesk.Analysis.Vader;
using Xunit.Abstractions;

namespace CareDesk.Analysis.Tests;

/// <summary>
/// Measures the analyzer on our labelled set and holds it at the figures it reached. The floors sit a little below
/// the achieved values; raise them when the analyzer improves, never lower them.
/// </summary>
public class EvaluationTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<LabelledMention> Mentions = LabelledMention.LoadAll();
    private static readonly CareAnalyzer Analyzer = new();

    [Fact]
    public void The_set_is_large_and_varied()
    {
        Assert.True(Mentions.Count >= 300, $"{Mentions.Count} mentions");
        Assert.All(Enum.GetValues<IntentLabel>(), intent => Assert.True(Mentions.Count(m => m.Intent == intent) >= 30, $"{intent}"));
        Assert.Equal(5, Mentions.Select(m => m.Platform).Distinct().Count());
    }

    [Fact]
    public void Intent_holds_its_precision_and_recall()
    {
        var matrix = new ConfusionMatrix<IntentLabel>(Mentions.Select(m => (m.Intent, Analyzer.Analyze(m.Text).Intent.Label)));
        output.WriteLine(matrix.Report("Intent"));
        PrintMisses(m => m.Intent.ToString(), m => Analyzer.Analyze(m.Text).Intent.Label.ToString());

        AssertAtLeast(matrix, accuracy: 0.90, new()
        {
            [IntentLabel.Complaint] = (Precision: 0.92, Recall: 0.86),
            [IntentLabel.Question] = (Precision: 0.92, Recall: 0.90),
            [IntentLabel.Praise] = (Precision: 0.91, Recall: 0.92),
            [IntentLabel.Buying] = (Precision: 0.82, Recall: 0.97),
            [IntentLabel.Other] = (Precision: 0.91, Recall: 0.94),
        });
    }

    [Fact]
    public void Care_layer_polarity_beats_plain_vader_and_holds_its_figures()
    {
        var vader = new VaderScorer();
        var plain = new ConfusionMatrix<SentimentLabel>(Mentions.Select(m => (m.Polarity, CareAnalyzer.LabelOf(vader.Score(m.Text).Compound))));
        var care = new ConfusionMatrix<SentimentLabel>(Mentions.Select(m => (m.Polarity, Analyzer.Analyze(m.Text).Sentiment.Label)));
        output.WriteLine(plain.Report("Polarity, VADER only"));
        output.WriteLine(care.Report("Polarity, VADER + care layer"));
        PrintMisses(m => m.Polarity.ToString(), m => Analyzer.Analyze(m.Text).Sentiment.Label.ToString());

        Assert.True(care.Accuracy > plain.Accuracy, $"care {care.Accuracy:0.000} vs VADER {plain.Accuracy:0.000}");
        AssertAtLeast(care, accuracy: 0.90, new()
        {
            [SentimentLabel.Negative] = (Precision: 0.91, Recall: 0.83),
            [SentimentLabel.Neutral] = (Precision: 0.91, Recall: 0.93),
            [SentimentLabel.Positive] = (Precision: 0.86, Recall: 0.94),
        });
    }

    private static void AssertAtLeast<TLabel>(
        ConfusionMatrix<TLabel> matrix, double accuracy, Dictionary<TLabel, (double Precision, double Recall)> floors)
        where TLabel : struct, Enum
    {
        Assert.True(matrix.Accuracy >= accuracy, $"accuracy {matrix.Accuracy:0.000} < {accuracy}");
        foreach (var (label, floor) in floors)
        {
            Assert.True(matrix.Precision(label) >= floor.Precision, $"{label} precision {matrix.Precision(label):0.000} < {floor.Precision}");
            Assert.True(matrix.Recall(label) >= floor.Recall, $"{label} recall {matrix.Recall(label):0.000} < {floor.Recall}");
        }
    }

    private void PrintMisses(Func<LabelledMention, string> expected, Func<LabelledMention, string> predicted)
    {
        output.WriteLine("Misses:");
        foreach (var mention in Mentions)
        {
            var actual = predicted(mention);
            if (actual != expected(mention)) output.WriteLine($"  expected {expected(mention)}, got {actual}: {mention.Text}");
        }
    }
}
