using CareDesk.Analysis;
using CareDesk.Api.Channels;
using CareDesk.Api.Channels.Bluesky;
using CareDesk.Api.Channels.Demo;
using CareDesk.Api.Channels.Generic;
using CareDesk.Api.Channels.LinkedIn;
using CareDesk.Api.Channels.Mastodon;
using CareDesk.Api.Channels.Meta;
using CareDesk.Api.Channels.X;
using CareDesk.Api.Demo;
using CareDesk.Api.Features;
using CareDesk.Api.Features.Channels;
using CareDesk.Api.Features.Conversations;
using CareDesk.Api.Features.Delivery;
using CareDesk.Api.Features.Ingest;
using CareDesk.Api.Features.Metrics;
using CareDesk.Api.Features.Sla;
using CareDesk.Api.Hubs;
using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using StackExchange.Redis;

namespace CareDesk.Api;

/// <summary>Composes the desk. Kept apart from Program so tests start the very same app on a real Kestrel server.</summary>
public static class CareDeskApp
{
    public const string DefaultUrl = "http://localhost:5080";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration["urls"]) && string.IsNullOrEmpty(configuration["http_ports"]))
            builder.WebHost.UseUrls(DefaultUrl);

        var services = builder.Services;
        services.AddOptions<CareDeskOptions>().Bind(configuration.GetSection(CareDeskOptions.Section));
        var dataFolder = Path.GetFullPath(configuration.GetSection(CareDeskOptions.Section).Get<CareDeskOptions>()?.DataFolder ?? "data", builder.Environment.ContentRootPath);
        Directory.CreateDirectory(dataFolder);

        services.AddSingleton(TimeProvider.System);
        services.AddCareDeskDatabase(configuration, dataFolder);
        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Lockout.MaxFailedAccessAttempts = 10;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CareDeskDbContext>();
        services.AddCareDeskAuth(configuration, dataFolder);
        services.AddCareDeskMediator();
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // A query string or body that does not bind throws, so the exception handler can say what was wrong.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options => JsonDefaults.Configure(options.SerializerOptions));
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);

        var redis = configuration["Redis:Connection"];
        var dataProtection = services.AddDataProtection().SetApplicationName("CareDesk");
        var signalR = services.AddSignalR().AddJsonProtocol(options => JsonDefaults.Configure(options.PayloadSerializerOptions));
        if (!string.IsNullOrWhiteSpace(redis))
        {
            // Scale-out: every instance shares the hub backplane and the keys that protect channel secrets.
            var multiplexer = ConnectionMultiplexer.Connect(redis);
            services.AddSingleton<IConnectionMultiplexer>(multiplexer);
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = RedisChannel.Literal("CareDesk"));
            dataProtection.PersistKeysToStackExchangeRedis(multiplexer, "CareDesk:DataProtection-Keys");
        }
        else
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataFolder, "keys")));
        }

        services.AddCareDeskJobs(configuration);
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.Section))
            .Validate(o => o.MaxAttempts >= 1, "Delivery:MaxAttempts must be at least 1.").ValidateOnStart();
        services.AddOptions<SlaOptions>().Bind(configuration.GetSection(SlaOptions.Section))
            .Validate(o => o.AtRiskShare is > 0 and < 1, "Sla:AtRiskShare must be between 0 and 1.").ValidateOnStart();
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section))
            .Validate(o => o.MentionsPerMinute is >= 0 and <= 6000, "Demo:MentionsPerMinute must be between 0 and 6000.").ValidateOnStart();
        services.AddOptions<BootstrapOptions>().Bind(configuration.GetSection(BootstrapOptions.Section));

        services.AddSingleton<ITextAnalyzer, CareAnalyzer>();
        services.AddSingleton<ChannelSecrets>();
        services.AddScoped<ChannelStore>();
        services.AddScoped<InboxPublisher>();
        services.AddScoped<PresenceTracker>();
        services.AddScoped<ConversationChanges>();
        services.AddScoped<AutoAssigner>();
        services.AddSingleton<LocalHubConnections>();
        services.AddSingleton<QueueMetricsSignal>();
        services.AddHostedService<HubConnectionHeartbeat>();
        services.AddHostedService<QueueMetricsBroadcaster>();
        services.AddOptions<ChannelHealthOptions>().Bind(configuration.GetSection(ChannelHealthOptions.Section))
            .Validate(o => o.QuietAfter > TimeSpan.Zero, "Channels:QuietAfter must be positive.").ValidateOnStart();
        services.AddGenericConnector();
        services.AddDemoConnector();
        services.AddMetaConnector();
        services.AddXConnector();
        services.AddLinkedInConnector();
        services.AddMastodonConnector(configuration);
        services.AddBlueskyConnector(configuration);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        // Routing after static files: otherwise the client's fallback route claims every asset request first.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        app.MapCareDeskHealth();
        app.MapCareDeskEndpoints();
        app.MapHub<InboxHub>(InboxHub.Path);
        app.MapCareDeskJobs();
        if (File.Exists(Path.Combine(app.Environment.WebRootPath ?? "", "index.html")))
            app.MapFallbackToFile("{*path:regex(^(?!api/|hubs/|health/|hangfire).*$)}", "index.html");
        app.Lifetime.ApplicationStarted.Register(() =>
            app.Logger.LogInformation("CareDesk is running at {Urls}", string.Join(", ", app.Urls)));
        return app;
    }
}
