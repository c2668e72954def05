namespace CareDesk.Api.Channels;

/// <summary>Timing of a pull connector (one that reads a platform's stream or polls its API itself).</summary>
public abstract class PullConnectorOptions
{
    /// <summary>How often the platform is polled for new events (also while a stream is connected, as its safety net).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the list of channels is re-read, so a newly connected channel starts without a restart.</summary>
    public TimeSpan ChannelRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first wait before reconnecting after a failure; it doubles per failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    public bool IsValid() =>
        PollInterval > TimeSpan.Zero && ChannelRefreshInterval > TimeSpan.Zero && FirstRetryDelay > TimeSpan.Zero && MaxRetryDelay >= FirstRetryDelay;
}
