namespace CareDesk.Api.Hubs;

/// <summary>A hub payload. Its sequence is its place in the event log, set when it is logged.</summary>
public interface IInboxMessage
{
    long Sequence { get; set; }
}
