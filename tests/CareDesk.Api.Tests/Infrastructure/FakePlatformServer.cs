using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace CareDesk.Api.Tests.Infrastructure;

/// <summary>
/// A stand-in for a social platform's API on loopback (Kestrel, a free port): tests map the documented routes,
/// and every request it receives is recorded with its headers and raw body.
/// </summary>
public sealed class FakePlatformServer : IAsyncDisposable
{
    public sealed record Recorded(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, byte[] Body)
    {
        public string Text => System.Text.Encoding.UTF8.GetString(Body);
    }

    private readonly WebApplication app;

    private FakePlatformServer(WebApplication app) => this.app = app;

    public ConcurrentQueue<Recorded> Requests { get; } = new();

    public Uri BaseAddress => new(app.Urls.First());

    /// <param name="routes">Maps the platform's routes; handlers can read the recorded body from <see cref="Requests"/>.</param>
    public static async Task<FakePlatformServer> StartAsync(Action<IEndpointRouteBuilder, FakePlatformServer> routes)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var server = new FakePlatformServer(app);
        app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            context.Request.Body.Position = 0;
            server.Requests.Enqueue(new Recorded(
                context.Request.Method, context.Request.Path, context.Request.QueryString.Value ?? "",
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                buffer.ToArray()));
            await next(context);
        });
        routes(app, server);
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
