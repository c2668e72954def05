using System.Net.Http.Json;
using System.Text.Json;
using CareDesk.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Tests.Channels.Mastodon;

/// <summary>A desk with quick Mastodon timings, and a Mastodon channel on it pointed at the fake instance.</summary>
public static class MastodonDesk
{
    public static Dictionary<string, string?> Settings(TimeSpan? pollInterval = null) => new()
    {
        ["Mastodon:PollInterval"] = (pollInterval ?? TimeSpan.FromMilliseconds(300)).ToString(),
        ["Mastodon:ChannelRefreshInterval"] = "00:00:00.200",
        ["Mastodon:FirstRetryDelay"] = "00:00:00.100",
        ["Mastodon:MaxRetryDelay"] = "00:00:00.500",
    };

    public static async Task<Guid> CreateChannelAsync(CareDeskServer server, FakeMastodon fake, string? accountId = null)
    {
        using var admin = await server.ClientForAsync(DemoAccounts.Admin);
        var response = await admin.PostAsJsonAsync("/api/channels", new
        {
            type = "mastodon", name = "Mastodon support", instanceUrl = fake.BaseAddress.ToString(), accessToken = FakeMastodon.Token, accountId,
        });
        response.EnsureSuccessStatusCode();
        return Guid.Parse((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
    }

    /// <summary>Waits until the status is stored as a mention; returns its conversation.</summary>
    public static Task<Guid> WaitForMentionAsync(CareDeskServer server, string statusId) =>
        Eventually.Get(
            () => server.WithDbAsync(db => db.Messages.Where(m => m.PlatformMessageId == statusId).Select(m => (Guid?)m.ConversationId).FirstOrDefaultAsync()),
            id => id is not null).ContinueWith(t => t.Result!.Value);

    /// <summary>
    /// Waits until the new conversation is analysed and routed: replying earlier races the routing handlers for the
    /// conversation row (its concurrency token), which is not what these tests are about.
    /// </summary>
    public static Task WaitForRoutedAsync(CareDeskServer server, Guid conversationId) =>
        Eventually.Get(() => server.WithDbAsync(db => db.Conversations.Where(c => c.Id == conversationId).Select(c => c.SlaDueAt).SingleAsync()), due => due is not null);
}
