using System.Text.Json;
using CareDesk.Api.Infrastructure;

namespace CareDesk.Api.Channels;

/// <summary>The type-specific settings of a channel, stored as JSON on the channel row.</summary>
public sealed record ChannelSettings(string? ReplyUrl = null)
{
    public static ChannelSettings Read(string json) => JsonSerializer.Deserialize<ChannelSettings>(json, JsonDefaults.Options) ?? new();

    public string Write() => JsonSerializer.Serialize(this, JsonDefaults.Options);
}
