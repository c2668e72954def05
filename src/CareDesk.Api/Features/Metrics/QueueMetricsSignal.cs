using System.Threading.Channels;

namespace CareDesk.Api.Features.Metrics;

/// <summary>Raised by whatever changes a queue's numbers; the broadcaster coalesces the raises into few pushes.</summary>
public sealed class QueueMetricsSignal
{
    // Capacity one, dropping further raises: one pending push covers every change made before it runs.
    private readonly Channel<bool> pending = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Changed() => pending.Writer.TryWrite(true);

    public async Task WaitAsync(CancellationToken ct) => await pending.Reader.ReadAsync(ct);
}
