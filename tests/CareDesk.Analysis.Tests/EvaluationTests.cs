using CareDesk.Analysis.Vader;
using Xunit.Abstractions;

namespace CareDesk.Analysis.Tests;

/// <summary>
/// Measures the analyzer on our labelled sets and holds it at the figures it reached. The floors sit a little below
/// the achieved values; raise them when the analyzer improves, never lower them. The development set is the one the
/// care cues were written against, so its figures flatter; the holdout set was written afterwards and is the honest one.
/// </summary>
public class EvaluationTests(ITestOutputHelper output)
{
    private const string DevelopmentSet = "mentions.tsv";
    private const string HoldoutSet = "holdout.tsv";

    private static readonly CareAnalyzer Analyzer = new();
    private static readonly VaderScorer Vader = new();

    [Fact]
    public void The_sets_are_large_and_varied()
    {
        var development = LabelledMention.Load(DevelopmentSet);
        var holdout = LabelledMention.Load(HoldoutSet);

        Assert.True(development.Count >= 300, $"{development.Count} mentions");
        Assert.True(holdout.Count >= 100, $"{holdout.Count} mentions");
        Assert.All(Enum.GetValues<IntentLabel>(), intent => Assert.True(development.Count(m => m.Intent == intent) >= 30, $"{intent}"));
        Assert.Equal(5, development.Select(m => m.Platform).Distinct().Count());
        Assert.Empty(development.Select(m => m.Text).Intersect(holdout.Select(m => m.Text)));
    }

    [Fact]
    public void Intent_holds_its_figures_on_the_development_set()
    {
        var matrix = IntentMatrix(DevelopmentSet);

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
    public void Intent_holds_its_figures_on_the_holdout_set()
    {
        var matrix = IntentMatrix(HoldoutSet);

        AssertAtLeast(matrix, accuracy: 0.85, new()
        {
            [IntentLabel.Complaint] = (Precision: 0.95, Recall: 0.76),
            [IntentLabel.Question] = (Precision: 0.83, Recall: 0.90),
            [IntentLabel.Praise] = (Precision: 0.82, Recall: 0.90),
            [IntentLabel.Buying] = (Precision: 0.88, Recall: 0.73),
            [IntentLabel.Other] = (Precision: 0.65, Recall: 0.88),
        });
    }

    [Fact]
    public void Care_layer_beats_plain_vader_on_the_development_set()
    {
        var (plain, care) = PolarityMatrices(DevelopmentSet);

        Assert.True(care.Accuracy > plain.Accuracy, $"care {care.Accuracy:0.000} vs VADER {plain.Accuracy:0.000}");
        AssertAtLeast(care, accuracy: 0.90, new()
        {
            [SentimentLabel.Negative] = (Precision: 0.91, Recall: 0.83),
            [SentimentLabel.Neutral] = (Precision: 0.91, Recall: 0.93),
            [SentimentLabel.Positive] = (Precision: 0.86, Recall: 0.94),
        });
    }

    [Fact]
    public void Care_layer_beats_plain_vader_on_the_holdout_set()
    {
        var (plain, care) = PolarityMatrices(HoldoutSet);

        Assert.True(care.Accuracy > plain.Accuracy, $"care {care.Accuracy:0.000} vs VADER {plain.Accuracy:0.000}");
        AssertAtLeast(care, accuracy: 0.84, new()
        {
            [SentimentLabel.Negative] = (Precision: 0.92, Recall: 0.79),
            [SentimentLabel.Neutral] = (Precision: 0.86, Recall: 0.82),
            [SentimentLabel.Positive] = (Precision: 0.70, Recall: 0.90),
        });
    }

    private ConfusionMatrix<IntentLabel> IntentMatrix(string set)
    {
        var mentions = LabelledMention.Load(set);
        var predicted = mentions.Select(m => Analyzer.Analyze(m.Text).Intent.Label).ToList();
        var matrix = new ConfusionMatrix<IntentLabel>(mentions.Select((m, i) => (m.Intent, predicted[i])));
        output.WriteLine(matrix.Report($"Intent on {set}"));
        PrintMisses(mentions.Select((m, i) => (m.Intent.ToString(), predicted[i].ToString(), m.Text)));
        return matrix;
    }

    private (ConfusionMatrix<SentimentLabel> Plain, ConfusionMatrix<SentimentLabel> Care) PolarityMatrices(string set)
    {
        var mentions = LabelledMention.Load(set);
        var predicted = mentions.Select(m => Analyzer.Analyze(m.Text).Sentiment.Label).ToList();
        var plain = new ConfusionMatrix<SentimentLabel>(mentions.Select(m => (m.Polarity, CareAnalyzer.LabelOf(Vader.Score(m.Text).Compound))));
        var care = new ConfusionMatrix<SentimentLabel>(mentions.Select((m, i) => (m.Polarity, predicted[i])));
        output.WriteLine(plain.Report($"Polarity on {set}, VADER only"));
        output.WriteLine(care.Report($"Polarity on {set}, VADER + care layer"));
        PrintMisses(mentions.Select((m, i) => (m.Polarity.ToString(), predicted[i].ToString(), m.Text)));
        return (plain, care);
    }

    private void PrintMisses(IEnumerable<(string Expected, string Predicted, string Text)> results)
    {
        output.WriteLine("Misses:");
        foreach (var (expected, predicted, text) in results)
        {
            if (expected != predicted) output.WriteLine($"  expected {expected}, got {predicted}: {text}");
        }
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
}
