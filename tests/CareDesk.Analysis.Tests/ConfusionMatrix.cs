using System.Globalization;
using System.Text;

namespace CareDesk.Analysis.Tests;

/// <summary>Counts of (expected, predicted) pairs over an enum's values, with per-class precision and recall.</summary>
public sealed class ConfusionMatrix<TLabel> where TLabel : struct, Enum
{
    private readonly TLabel[] labels = Enum.GetValues<TLabel>();
    private readonly int[,] counts;

    public ConfusionMatrix(IEnumerable<(TLabel Expected, TLabel Predicted)> pairs)
    {
        counts = new int[labels.Length, labels.Length];
        foreach (var (expected, predicted) in pairs) counts[Index(expected), Index(predicted)]++;
    }

    public int Total => Sum((_, _) => true);

    public double Accuracy => (double)Sum((e, p) => e == p) / Total;

    public double Precision(TLabel label)
    {
        var predicted = Sum((_, p) => p == Index(label));
        return predicted == 0 ? 0 : (double)counts[Index(label), Index(label)] / predicted;
    }

    public double Recall(TLabel label)
    {
        var expected = Sum((e, _) => e == Index(label));
        return expected == 0 ? 0 : (double)counts[Index(label), Index(label)] / expected;
    }

    public string Report(string title)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{title}: accuracy {Accuracy:P1} of {Total}");
        text.AppendLine("| class | precision | recall | support |");
        text.AppendLine("|---|---|---|---|");
        foreach (var label in labels)
        {
            var support = Sum((e, _) => e == Index(label));
            text.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {Precision(label):0.000} | {Recall(label):0.000} | {support} |");
        }

        text.AppendLine();
        text.AppendLine("| expected \\ predicted | " + string.Join(" | ", labels) + " |");
        text.AppendLine("|---" + string.Concat(Enumerable.Repeat("|---", labels.Length)) + "|");
        for (var e = 0; e < labels.Length; e++)
        {
            var row = Enumerable.Range(0, labels.Length).Select(p => counts[e, p].ToString(CultureInfo.InvariantCulture));
            text.AppendLine($"| {labels[e]} | " + string.Join(" | ", row) + " |");
        }

        return text.ToString();
    }

    private int Index(TLabel label) => Array.IndexOf(labels, label);

    private int Sum(Func<int, int, bool> include)
    {
        var sum = 0;
        for (var e = 0; e < labels.Length; e++)
        {
            for (var p = 0; p < labels.Length; p++)
            {
                if (include(e, p)) sum += counts[e, p];
            }
        }

        return sum;
    }
}
