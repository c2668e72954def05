using CareDesk.Api.Hubs;
using MediatR;

namespace CareDesk.Api.Features.Metrics;

/// <summary>
/// Pushes <c>QueueMetricsChanged</c> to supervisors after changes, at most a few times a second, and only
/// when the numbers differ from the last push.
/// </summary>
public sealed class QueueMetricsBroadcaster(IServiceScopeFactory scopes, QueueMetricsSignal signal, ILogger<QueueMetricsBroadcaster> logger) : BackgroundService
{
    private static readonly TimeSpan MinimumGap = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        List<QueueMetricsRow>? last = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            await signal.WaitAsync(stoppingToken);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var rows = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetQueueMetrics.Query(), stoppingToken);
                if (last is null || !rows.SequenceEqual(last))
                {
                    await scope.ServiceProvider.GetRequiredService<InboxPublisher>().QueueMetricsChanged(new QueueMetricsChanged(rows), stoppingToken);
                    last = rows;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Could not push queue metrics; the next change will try again.");
            }
            await Task.Delay(MinimumGap, stoppingToken);
        }
    }
}
