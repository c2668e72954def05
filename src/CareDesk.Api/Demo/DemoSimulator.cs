using CareDesk.Api.Channels;
using CareDesk.Api.Channels.Demo;
using CareDesk.Api.Features.Ingest;
using CareDesk.Data;
using CareDesk.Data.Entities;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Api.Demo;

/// <summary>
/// SIMULATOR, not a real network: produces realistic mentions on the demo channel at Demo:MentionsPerMinute
/// (new posts, DMs, and follow-ups in open threads from several authors) through the same ingest as real connectors.
/// </summary>
public sealed class DemoSimulator(IServiceScopeFactory scopes, IOptions<DemoOptions> options, TimeProvider clock, ILogger<DemoSimulator> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var demo = options.Value;
        if (!demo.Enabled || demo.MentionsPerMinute <= 0)
            return;

        var interval = TimeSpan.FromMinutes(1 / demo.MentionsPerMinute);
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(interval * (0.5 + Random.Shared.NextDouble()), stoppingToken);
            try
            {
                await PostOne(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "The demo simulator could not post a mention; it goes on with the next.");
            }
        }
    }

    private async Task PostOne(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareDeskDbContext>();
        var channelId = await db.Channels.Where(c => c.Type == DemoConnector.ChannelType).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (channelId is null)
            return;

        var followUp = Random.Shared.NextDouble() < 0.2
            ? await db.Conversations.AsNoTracking()
                .Where(c => c.ChannelId == channelId && c.Status == ConversationStatus.Open && c.FirstResponseAt == null)
                .OrderByDescending(c => c.LastMessageAt)
                .Select(c => new { c.ThreadId, c.Contact.PlatformUserId })
                .FirstOrDefaultAsync(ct)
            : null;

        IncomingMention mention;
        var now = clock.GetUtcNow().UtcDateTime;
        var id = $"sim-{Guid.NewGuid():N}";
        if (followUp is not null)
        {
            var person = DemoScript.People.First(p => p.Id == followUp.PlatformUserId);
            var line = DemoScript.FollowUps[Random.Shared.Next(DemoScript.FollowUps.Length)];
            mention = new IncomingMention(id, line.Kind, line.Text, now, Author(person), followUp.ThreadId, followUp.ThreadId, Permalink(id));
        }
        else
        {
            var person = DemoScript.People[Random.Shared.Next(DemoScript.People.Length)];
            var line = DemoScript.Openers[Random.Shared.Next(DemoScript.Openers.Length)];
            mention = new IncomingMention(id, line.Kind, line.Text, now, Author(person), Url: Permalink(id));
        }
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new IngestMention.Command(channelId.Value, mention), ct);
    }

    public static MentionAuthor Author(DemoScript.Persona person) => new(person.Id, person.Handle, person.Name, person.Followers);

    public static string Permalink(string id) => $"https://demo.caredesk.invalid/posts/{id}";
}
