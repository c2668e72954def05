using System.Net.Http.Json;
using System.Text.Json;
using CareDesk.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Tests.Channels.Bluesky;

/// <summary>A desk with quick Bluesky timings, and a Bluesky channel on it pointed at the fake PDS.</summary>
public static class BlueskyDesk
{
    public static Dictionary<string, string?> Settings(int pageSize = 50) => new()
    {
        ["Bluesky:PollInterval"] = "00:00:00.300",
        ["Bluesky:ChannelRefreshInterval"] = "00:00:00.200",
        ["Bluesky:FirstRetryDelay"] = "00:00:00.100",
        ["Bluesky:MaxRetryDelay"] = "00:00:00.500",
        ["Bluesky:PageSize"] = pageSize.ToString(),
    };

    public static async Task<Guid> CreateChannelAsync(CareDeskServer server, FakeBluesky fake, string appPassword = FakeBluesky.AppPassword)
    {
        using var admin = await server.ClientForAsync(DemoAccounts.Admin);
        var response = await admin.PostAsJsonAsync("/api/channels", new
        {
            type = "bluesky", name = "Bluesky support", handle = FakeBluesky.Handle, appPassword, serviceUrl = fake.BaseAddress.ToString(),
        });
        response.EnsureSuccessStatusCode();
        return Guid.Parse((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
    }

    public static Task<Guid> WaitForMentionAsync(CareDeskServer server, string uri) =>
        Eventually.Get(
            () => server.WithDbAsync(db => db.Messages.Where(m => m.PlatformMessageId == uri).Select(m => (Guid?)m.ConversationId).FirstOrDefaultAsync()),
            id => id is not null).ContinueWith(t => t.Result!.Value);
}
