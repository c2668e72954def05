using System.Globalization;

namespace CareDesk.Analysis;

/// <summary>
/// Signed numbers to two decimals for reasons ("+3.1", "-0.74"), from a table for the usual range: formatting doubles
/// with a custom pattern was a visible share of the analysis time.
/// </summary>
internal static class SignedNumber
{
    private const int Hundredths = 1000;
    private static readonly string[] Table = Enumerable.Range(-Hundredths, 2 * Hundredths + 1).Select(Build).ToArray();

    public static string Format(double value)
    {
        var hundredths = Math.Round(value * 100);
        return Math.Abs(hundredths) <= Hundredths ? Table[(int)hundredths + Hundredths] : Build(value);
    }

    private static string Build(int hundredths) => Build(hundredths / 100.0);

    private static string Build(double value) => value.ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture);
}
