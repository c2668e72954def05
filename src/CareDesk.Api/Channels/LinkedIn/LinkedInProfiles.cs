using CareDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Channels.LinkedIn;

/// <summary>
/// Who a person URN is: name and vanity name from the People API, followers from networkSizes. A contact already
/// looked up is not asked about again; a failed lookup never fails ingest: the URN stands in, with 0 followers.
/// </summary>
public sealed class LinkedInProfiles(LinkedInApiClient linkedIn, CareDeskDbContext db, ILogger<LinkedInProfiles> logger)
{
    /// <summary>LinkedIn waits only a few seconds for a webhook's answer; a slow lookup gives way to the fallback.</summary>
    private static readonly TimeSpan LookupBudget = TimeSpan.FromSeconds(3);

    private const string PersonPrefix = "urn:li:person:";

    public static MentionAuthor Unknown(string urn) => new(urn, "", urn, 0);

    public async Task<IReadOnlyList<PlatformEvent>> WithAuthorsAsync(ChannelConfig channel, IReadOnlyList<PlatformEvent> events, CancellationToken ct)
    {
        var urns = events.Select(Author).OfType<MentionAuthor>().Select(a => a.Id).Distinct().ToList();
        if (urns.Count == 0)
            return events;
        var known = await db.Contacts.AsNoTracking()
            .Where(c => c.ChannelId == channel.Id && urns.Contains(c.PlatformUserId) && c.Name != c.PlatformUserId)
            .ToDictionaryAsync(c => c.PlatformUserId, c => new MentionAuthor(c.PlatformUserId, c.Handle, c.Name, c.Followers), ct);
        foreach (var urn in urns.Where(u => !known.ContainsKey(u)))
            known[urn] = await LookUpAsync(channel, urn, ct);

        return events.Select(e => e switch
        {
            PlatformEvent.Mention m => new PlatformEvent.Mention(m.Value with { Author = known[m.Value.Author.Id] }),
            PlatformEvent.Edited ed => ed with { Value = ed.Value with { Author = known[ed.Value.Author.Id] } },
            _ => e,
        }).ToList();
    }

    private static MentionAuthor? Author(PlatformEvent e) => e switch
    {
        PlatformEvent.Mention m => m.Value.Author,
        PlatformEvent.Edited ed => ed.Value.Author,
        _ => null,
    };

    private async Task<MentionAuthor> LookUpAsync(ChannelConfig channel, string urn, CancellationToken ct)
    {
        if (!urn.StartsWith(PersonPrefix, StringComparison.Ordinal))
            return Unknown(urn);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(LookupBudget);
        try
        {
            var person = await linkedIn.SendAsync(channel, HttpMethod.Get, $"rest/people/(id:{Uri.EscapeDataString(urn[PersonPrefix.Length..])})", null, budget.Token);
            if (person.Failure is not null)
            {
                logger.LogWarning("Could not look up LinkedIn member {Urn}: {Error}", urn, person.Failure.Error);
                return Unknown(urn);
            }
            var name = string.Join(" ", new[] { person.Body.String("localizedFirstName"), person.Body.String("localizedLastName") }.Where(n => !string.IsNullOrWhiteSpace(n)));
            var network = await linkedIn.SendAsync(channel, HttpMethod.Get, $"rest/networkSizes/{Uri.EscapeDataString(urn)}?edgeType=CompanyFollowedByMember", null, budget.Token);
            if (network.Failure is not null)
                logger.LogWarning("Could not look up the followers of LinkedIn member {Urn}: {Error}", urn, network.Failure.Error);
            return new MentionAuthor(urn, person.Body.String("vanityName") ?? "", name.Length > 0 ? name : urn, network.Body.Count("firstDegreeSize"));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Looking up LinkedIn member {Urn} took longer than {Budget}", urn, LookupBudget);
            return Unknown(urn);
        }
    }
}
