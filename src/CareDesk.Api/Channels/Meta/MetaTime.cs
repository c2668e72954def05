namespace CareDesk.Api.Channels.Meta;

public static class MetaTime
{
    // Below this a unix time is in seconds: milliseconds reached it in 1973, seconds will in the year 5138.
    private const long MillisecondsThreshold = 100_000_000_000;

    /// <summary>Meta mixes seconds (feed, Instagram changes) and milliseconds (messaging) in the same field names.</summary>
    public static DateTime? FromUnix(long? value) => value switch
    {
        null or <= 0 => null,
        < MillisecondsThreshold => DateTimeOffset.FromUnixTimeSeconds(value.Value).UtcDateTime,
        _ => DateTimeOffset.FromUnixTimeMilliseconds(value.Value).UtcDateTime,
    };
}
