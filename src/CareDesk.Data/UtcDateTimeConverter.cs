using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CareDesk.Data;

/// <summary>Providers hand back DateTimes of unspecified kind; every time CareDesk stores is UTC.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
