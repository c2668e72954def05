using CareDesk.Api.Channels;
using CareDesk.Api.Demo;
using CareDesk.Api.Features.Ingest;
using CareDesk.Data;
using CareDesk.Data.Entities;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Jobs;

/// <summary>SIMULATOR: the simulated customer answers an agent's reply in the same thread.</summary>
public sealed class DemoCustomerAnswerJob(CareDeskDbContext db, IMediator mediator, TimeProvider clock)
{
    public async Task Run(Guid channelId, Guid conversationId, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.AsNoTracking()
            .Where(c => c.Id == conversationId)
            .Select(c => new { c.ThreadId, c.Contact.PlatformUserId, c.Contact.Handle, c.Contact.Name, c.Contact.Followers })
            .SingleOrDefaultAsync(cancellationToken);
        if (conversation is null)
            return;
        var id = $"sim-{Guid.NewGuid():N}";
        var text = DemoScript.CustomerAnswers[Random.Shared.Next(DemoScript.CustomerAnswers.Length)];
        var author = new MentionAuthor(conversation.PlatformUserId, conversation.Handle, conversation.Name, conversation.Followers);
        var mention = new IncomingMention(id, MentionKind.Comment, text, clock.GetUtcNow().UtcDateTime, author,
            conversation.ThreadId, conversation.ThreadId, DemoSimulator.Permalink(id));
        await mediator.Send(new IngestMention.Command(channelId, mention), cancellationToken);
    }
}
