namespace CareDesk.Data.Entities;

/// <summary>
/// One open inbox connection and what it is looking at. Kept in the database, not in memory, so every
/// API instance sees the same agents online and the same viewers.
/// </summary>
public class HubConnection
{
    public string ConnectionId { get; set; } = "";
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public bool IsAgent { get; set; }
    public Guid? ViewingConversationId { get; set; }
    public bool Typing { get; set; }
    public DateTime ConnectedAt { get; set; }
    public DateTime SeenAt { get; set; }
}
