using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareDesk.Api.Tests.Channels.Meta;
using CareDesk.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Tests.Channels;

public sealed class GetChannelHealthTests : IAsyncLifetime
{
    private CareDeskServer server = null!;
    private FakePlatformServer graph = null!;

    public async Task InitializeAsync()
    {
        graph = await FakePlatformServer.StartAsync((_, _) => { });
        server = await CareDeskServer.StartAsync(new Dictionary<string, string?> { ["Channels:QuietAfter"] = "01:00:00" });
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await graph.DisposeAsync();
    }

    private Task SetAsync(string id, DateTime? lastEventAt, DateTime createdAt) =>
        server.WithDbAsync(db => db.Channels.Where(c => c.Id == Guid.Parse(id))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastEventAt, lastEventAt).SetProperty(c => c.CreatedAt, createdAt)));

    [Fact]
    public async Task Supervisors_see_each_channels_last_event_error_and_whether_it_went_quiet()
    {
        var now = DateTime.UtcNow;
        var silent = await MetaChannel.CreateAsync(server, graph.BaseAddress);
        var busy = await GenericChannel.CreateAsync(server);
        var neverHeard = await GenericChannel.CreateAsync(server);
        var justConnected = await GenericChannel.CreateAsync(server);
        await SetAsync(silent.Id, now.AddHours(-2), now.AddDays(-3));
        await SetAsync(busy.Id, now.AddMinutes(-10), now.AddDays(-3));
        await SetAsync(neverHeard.Id, null, now.AddHours(-3));
        await silent.PostRawAsync(server, Encoding.UTF8.GetBytes("{}"), signature: "sha256=00");

        using var supervisor = await server.ClientForAsync(DemoAccounts.Supervisor);
        var health = await supervisor.GetFromJsonAsync<JsonElement[]>("/api/channels/health");

        JsonElement Of(string id) => health!.Single(h => h.GetProperty("id").GetString() == id);
        Assert.True(Of(silent.Id).GetProperty("quiet").GetBoolean());
        Assert.Equal("meta", Of(silent.Id).GetProperty("type").GetString());
        Assert.Equal("Rejected a webhook: bad signature", Of(silent.Id).GetProperty("lastError").GetString());
        Assert.NotEqual(JsonValueKind.Null, Of(silent.Id).GetProperty("lastErrorAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, Of(silent.Id).GetProperty("connected").ValueKind);
        Assert.False(Of(busy.Id).GetProperty("quiet").GetBoolean());
        Assert.Equal(JsonValueKind.Null, Of(busy.Id).GetProperty("lastError").ValueKind);
        Assert.True(Of(neverHeard.Id).GetProperty("quiet").GetBoolean());
        Assert.False(Of(justConnected.Id).GetProperty("quiet").GetBoolean());
        Assert.NotEmpty(Of(justConnected.Id).GetProperty("name").GetString()!);
    }

    [Theory]
    [InlineData(DemoAccounts.Admin, HttpStatusCode.OK)]
    [InlineData(DemoAccounts.Agent, HttpStatusCode.Forbidden)]
    [InlineData(DemoAccounts.Sales, HttpStatusCode.Forbidden)]
    public async Task Only_supervisors_and_admins_may_look(string account, HttpStatusCode expected)
    {
        using var client = await server.ClientForAsync(account);
        Assert.Equal(expected, (await client.GetAsync("/api/channels/health")).StatusCode);
    }
}
