namespace CareDesk.Data.Entities;

public class Channel
{
    public Guid Id { get; set; }
    public string Type { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>Public, URL-safe key that appears in webhook URLs.</summary>
    public string Key { get; set; } = "";

    /// <summary>The channel's secret, encrypted with ASP.NET Core Data Protection.</summary>
    public string ProtectedSecret { get; set; } = "";

    /// <summary>Type-specific settings as JSON (reply URL, page id, account handle...).</summary>
    public string SettingsJson { get; set; } = "{}";

    public DateTime CreatedAt { get; set; }
    public DateTime? LastEventAt { get; set; }
    public string? LastError { get; set; }
    public DateTime? LastErrorAt { get; set; }
}
