using System.Text.Json.Nodes;
using CareDesk.Data.Entities;

namespace CareDesk.Api.Channels;

/// <summary>A channel with its settings and decrypted secrets, as connectors use it.</summary>
public sealed class ChannelConfig(Channel channel, JsonObject settings, IReadOnlyDictionary<string, string> secrets)
{
    public Channel Channel { get; } = channel;

    public Guid Id => Channel.Id;

    public string? Setting(string name) => settings[name]?.GetValue<string>();

    public string? Secret(string name) => secrets.GetValueOrDefault(name);

    public string GeneratedSecret => secrets[ChannelSecrets.Generated];
}
