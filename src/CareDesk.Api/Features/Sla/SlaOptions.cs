namespace CareDesk.Api.Features.Sla;

public sealed class SlaOptions
{
    public const string Section = "Sla";

    /// <summary>A conversation is at risk when less than this share of its SLA window is left.</summary>
    public double AtRiskShare { get; set; } = 0.25;
}
