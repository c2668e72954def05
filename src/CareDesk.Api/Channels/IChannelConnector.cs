namespace CareDesk.Api.Channels;

/// <summary>
/// A platform CareDesk connects channels to: one implementation per channel type, registered in DI. It declares
/// the settings an admin gives when connecting a channel; its webhook endpoints, stream readers and reply sender
/// live beside it in Channels/&lt;Platform&gt;/.
/// </summary>
public interface IChannelConnector
{
    /// <summary>The channel type, as given to POST /api/channels ("meta", "x", ...).</summary>
    string Type { get; }

    IReadOnlyList<ChannelSetting> Settings { get; }
}

/// <param name="Secret">Stored encrypted, never returned by the API nor logged.</param>
/// <param name="IsUrl">Must be an absolute http(s) URL.</param>
public sealed record ChannelSetting(string Name, bool Required, bool Secret = false, bool IsUrl = false, string? Description = null);
