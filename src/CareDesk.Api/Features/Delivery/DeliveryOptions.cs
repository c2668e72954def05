namespace CareDesk.Api.Features.Delivery;

public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>Attempts before a reply is marked failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the second attempt; it doubles for each further one, with jitter.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one delivery attempt holds a reply before another worker may take it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
}
