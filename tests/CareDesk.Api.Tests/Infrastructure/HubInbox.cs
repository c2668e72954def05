using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace CareDesk.Api.Tests.Infrastructure;

/// <summary>Records every inbox message a hub connection receives, by wire name, as raw JSON.</summary>
public sealed class HubInbox
{
    public static readonly string[] Messages =
    [
        "ConversationCreated", "MentionReceived", "ConversationChanged", "ReplyStatusChanged",
        "MentionUpdated", "PresenceChanged", "QueueMetricsChanged", "BuyingSignalFlagged", "SlaAlert",
    ];

    public ConcurrentQueue<(string Type, JsonElement Payload)> Received { get; } = new();

    public HubInbox(HubConnection connection)
    {
        foreach (var message in Messages)
            connection.On<JsonElement>(message, payload => Received.Enqueue((message, payload)));
    }

    public Task<JsonElement> WaitFor(string type, Func<JsonElement, bool>? match = null, TimeSpan? timeout = null) =>
        Eventually.Get(
            () => Task.FromResult(Received.Where(r => r.Type == type && (match?.Invoke(r.Payload) ?? true)).Select(r => (JsonElement?)r.Payload).FirstOrDefault()),
            found => found is not null,
            timeout).ContinueWith(t => t.Result!.Value);
}
