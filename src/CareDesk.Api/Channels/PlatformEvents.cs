using CareDesk.Api.Features.Ingest;
using MediatR;

namespace CareDesk.Api.Channels;

/// <summary>What a platform webhook's items came to: the answer body, so the platform's logs (and ours) show why.</summary>
public sealed record WebhookReceipt(int Ingested, int Duplicates, int Edited, int Deleted, int Skipped, IReadOnlyDictionary<string, int> SkippedReasons);

public static class PlatformEvents
{
    public const string UnknownDeletion = "deletion of a message CareDesk never stored";

    /// <summary>Applies a webhook's items in order. Every command is idempotent, so a platform's retry of the batch changes nothing.</summary>
    public static async Task<WebhookReceipt> ApplyAsync(IMediator mediator, Guid channelId, IEnumerable<PlatformEvent> events, CancellationToken ct)
    {
        int ingested = 0, duplicates = 0, edited = 0, deleted = 0;
        var skipped = new Dictionary<string, int>();
        foreach (var item in events)
        {
            switch (item)
            {
                case PlatformEvent.Mention mention:
                    if ((await mediator.Send(new IngestMention.Command(channelId, mention.Value), ct)).Duplicate)
                        duplicates++;
                    else
                        ingested++;
                    break;
                case PlatformEvent.Edited edit:
                    if (await mediator.Send(new EditMention.Command(channelId, edit.Value.PlatformMessageId, edit.Value.Text, edit.EditedAt), ct))
                        edited++;
                    else if ((await mediator.Send(new IngestMention.Command(channelId, edit.Value), ct)).Duplicate)
                        duplicates++;
                    else
                        ingested++;
                    break;
                case PlatformEvent.Deleted deletion:
                    if (await mediator.Send(new DeleteMention.Command(channelId, deletion.PlatformMessageId, deletion.DeletedAt), ct))
                        deleted++;
                    else
                        Count(skipped, UnknownDeletion);
                    break;
                case PlatformEvent.Skipped skip:
                    Count(skipped, skip.Reason);
                    break;
            }
        }
        return new WebhookReceipt(ingested, duplicates, edited, deleted, skipped.Values.Sum(), skipped);
    }

    private static void Count(Dictionary<string, int> counts, string reason) => counts[reason] = counts.GetValueOrDefault(reason) + 1;
}
