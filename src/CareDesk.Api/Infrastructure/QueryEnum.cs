using FluentValidation;
using FluentValidation.Results;

namespace CareDesk.Api.Infrastructure;

/// <summary>
/// Enum values in query strings, spelled as the JSON spells them ("open", "won"). Minimal APIs bind enums
/// case-sensitively by member name ("Open"), which would refuse the documented values.
/// </summary>
public static class QueryEnum
{
    public static TEnum? Parse<TEnum>(string? value, string name) where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
            return null;
        if (!int.TryParse(value, out _) && Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed))
            return parsed;
        var allowed = string.Join(", ", Enum.GetNames<TEnum>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
        throw new ValidationException([new ValidationFailure(name, $"{name} must be one of: {allowed}.")]);
    }
}
