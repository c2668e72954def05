namespace CareDesk.Api.Infrastructure;

public sealed class HangfireOptions
{
    public const string Section = "Hangfire";

    /// <summary>How often the server looks for scheduled jobs (reply retries) that are due.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int WorkerCount { get; set; } = Math.Min(Environment.ProcessorCount * 5, 20);
}
