namespace CareDesk.Data.Entities;

public class Channel
{
    public Guid Id { get; set; }
    public string Type { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>Public, URL-safe key that appears in webhook URLs.</summary>
    public string Key { get; set; } = "";

    /// <summary>The channel's secrets (a JSON object: generated secret, app secret, tokens), encrypted with Data Protection.</summary>
    public string ProtectedSecrets { get; set; } = "";

    /// <summary>Type-specific settings that are not secret, as a JSON object (reply URL, page id, account handle...).</summary>
    public string SettingsJson { get; set; } = "{}";

    /// <summary>Where a pull connector (stream or poll) resumes: the platform's cursor or last seen id.</summary>
    public string? Cursor { get; set; }

    /// <summary>Whether a pull connector's stream is connected now; null for push (webhook) channels.</summary>
    public bool? Connected { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? LastEventAt { get; set; }
    public string? LastError { get; set; }
    public DateTime? LastErrorAt { get; set; }
}
