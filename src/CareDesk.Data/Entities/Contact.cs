namespace CareDesk.Data.Entities;

/// <summary>One author identity on one channel.</summary>
public class Contact
{
    public Guid Id { get; set; }
    public Guid ChannelId { get; set; }
    public string PlatformUserId { get; set; } = "";
    public string Handle { get; set; } = "";
    public string Name { get; set; } = "";
    public int Followers { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
