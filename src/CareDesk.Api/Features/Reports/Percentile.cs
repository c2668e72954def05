namespace CareDesk.Api.Features.Reports;

public static class Percentile
{
    /// <summary>Linear-interpolated percentile of an ascending list (the same definition as Excel's PERCENTILE.INC).</summary>
    public static double? Of(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
            return null;
        var rank = p * (sorted.Count - 1);
        var lower = (int)Math.Floor(rank);
        var upper = (int)Math.Ceiling(rank);
        return Math.Round(sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower), 2);
    }
}
