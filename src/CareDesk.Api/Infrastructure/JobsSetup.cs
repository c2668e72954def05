using CareDesk.Api.Jobs;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.SqlServer;

namespace CareDesk.Api.Infrastructure;

/// <summary>Hangfire on SQL Server in production, in process memory on the embedded default; the outbox rows are the truth either way.</summary>
public static class JobsSetup
{
    public static IServiceCollection AddCareDeskJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(HangfireOptions.Section).Get<HangfireOptions>() ?? new HangfireOptions();
        var onSqlServer = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.IsSqlServer == true;
        // The storage is this app's own service rather than Hangfire's process-wide default, so that two apps in one
        // process (a restart test) never work each other's jobs.
        services.AddSingleton<JobStorage>(_ => onSqlServer
            ? new SqlServerStorage(configuration.GetConnectionString("CareDesk"), new SqlServerStorageOptions { PrepareSchemaIfNecessary = true })
            : new InMemoryStorage(new InMemoryStorageOptions()));
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHangfireServer(server =>
        {
            server.SchedulePollingInterval = options.SchedulePollingInterval;
            server.WorkerCount = options.WorkerCount;
        });
        return services;
    }

    public static void MapCareDeskJobs(this WebApplication app)
    {
        // The dashboard keeps Hangfire's default: only requests from the machine itself.
        app.MapHangfireDashboard("/hangfire");
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<SweepOutboxJob>(SweepOutboxJob.Id, job => job.Run(CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<CheckSlasJob>(CheckSlasJob.Id, job => job.Run(CancellationToken.None), Cron.Minutely());
        app.Lifetime.ApplicationStarted.Register(() =>
            app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<SweepOutboxJob>(job => job.Run(CancellationToken.None)));
    }
}
