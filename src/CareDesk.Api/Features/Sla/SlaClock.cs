namespace CareDesk.Api.Features.Sla;

public static class SlaClock
{
    /// <summary>An answer after the platform's reply window closes cannot be published, so the SLA never ends later than it.</summary>
    public static DateTime DueAt(DateTime slaDue, DateTime? replyWindowClosesAt) =>
        replyWindowClosesAt is { } closes && closes < slaDue ? closes : slaDue;
}
