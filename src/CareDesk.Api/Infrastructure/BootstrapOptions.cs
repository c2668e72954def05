namespace CareDesk.Api.Infrastructure;

/// <summary>The first administrator of an installation without demo data (production).</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    public string AdminEmail { get; set; } = "";
    public string AdminPassword { get; set; } = "";
}
