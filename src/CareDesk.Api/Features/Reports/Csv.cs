using System.Globalization;

namespace CareDesk.Api.Features.Reports;

public static class Csv
{
    /// <summary>A text cell, quoted when needed; a leading formula character is defused so spreadsheets show it as text.</summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }

    public static string Number(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
