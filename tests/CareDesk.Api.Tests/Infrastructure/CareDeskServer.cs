using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CareDesk.Api;
using CareDesk.Api.Demo;
using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Api.Tests.Infrastructure;

/// <summary>
/// The real desk on a real Kestrel server (loopback, a free port) with a real SQLite file in its own folder.
/// Demo users are seeded; the simulator stays quiet so tests see only their own traffic.
/// </summary>
public sealed class CareDeskServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private CareDeskServer(WebApplication app, string dataFolder)
    {
        this.app = app;
        DataFolder = dataFolder;
        BaseAddress = new Uri(app.Urls.First());
    }

    public Uri BaseAddress { get; }

    public string DataFolder { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<CareDeskServer> StartAsync(IDictionary<string, string?>? settings = null, string? dataFolder = null)
    {
        dataFolder ??= Path.Combine(Path.GetTempPath(), "caredesk-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        var defaults = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["CareDesk:DataFolder"] = dataFolder,
            ["Demo:Enabled"] = "true",
            ["Demo:MentionsPerMinute"] = "0",
            ["Demo:CustomerAnswerRate"] = "0",
            ["Delivery:FirstRetryDelay"] = "00:00:00.200",
            ["Hangfire:SchedulePollingInterval"] = "00:00:00.200",
            ["Hangfire:WorkerCount"] = "4",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            defaults[key] = value;

        var app = CareDeskApp.Build(defaults.Select(kv => $"--{kv.Key}={kv.Value}").ToArray());
        await app.Services.MigrateDatabaseAsync();
        await app.Services.SeedAsync();
        await app.StartAsync();
        return new CareDeskServer(app, dataFolder);
    }

    public HttpClient CreateClient(string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> LoginAsync(string email, string password = "Demo!pass1")
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("accessToken").GetString()!;
    }

    public async Task<HttpClient> ClientForAsync(string email) => CreateClient(await LoginAsync(email));

    /// <summary>The id of a demo user, as the login answer names it.</summary>
    public async Task<string> UserIdAsync(string email)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "Demo!pass1" });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("user").GetProperty("id").GetString()!;
    }

    /// <summary>A connected SignalR client of the inbox hub, as the browser client connects.</summary>
    public async Task<HubConnection> ConnectHubAsync(string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, InboxHubPath), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .AddJsonProtocol(options => JsonDefaults.Configure(options.PayloadSerializerOptions))
            .Build();
        await connection.StartAsync();
        // StartAsync returns after the handshake; the hub joins the connection's groups and records it just after.
        // Waiting for that record means pushes from here on reach it, as they reach a browser that has settled.
        await Eventually.Get(() => WithDbAsync(db => db.HubConnections.AnyAsync(c => c.ConnectionId == connection.ConnectionId)), recorded => recorded);
        return connection;
    }

    public const string InboxHubPath = "/hubs/inbox";

    /// <summary>Runs something against the server's own database, for arranging and asserting stored state.</summary>
    public async Task<T> WithDbAsync<T>(Func<CareDeskDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CareDeskDbContext>());
    }

    /// <summary>Runs something against the server's own database that needs no answer.</summary>
    public Task WithDbAsync(Func<CareDeskDbContext, Task> work) => WithDbAsync(async db => { await work(db); return true; });

    /// <summary>Sends a MediatR request in a scope of the server, as a job or an endpoint would.</summary>
    public async Task<T> SendAsync<T>(MediatR.IRequest<T> request)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(request);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
