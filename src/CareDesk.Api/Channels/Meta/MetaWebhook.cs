using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CareDesk.Api.Features.Ingest;
using MediatR;

namespace CareDesk.Api.Channels.Meta;

/// <summary>
/// The Meta webhook (Pages feed, Messenger, Instagram): the GET subscription handshake and signed POST batches, handled
/// item by item. The answer counts what happened to every item, so a skipped one is visible, not silently dropped.
/// </summary>
public static class MetaWebhook
{
    public const string Path = "/api/webhooks/meta/{channelKey}";

    public sealed record Outcome(int Ingested, int Duplicates, int Edited, int Deleted, int Skipped, List<string> Skips);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Verify).AllowAnonymous();
        app.MapPost(Path, Receive).AllowAnonymous();
    }

    private static async Task<IResult> Verify(string channelKey, HttpRequest request, ChannelStore channels, CancellationToken ct)
    {
        var channel = await channels.FindByKeyAsync(MetaConnector.ChannelType, channelKey, ct);
        if (channel is null)
            return UnknownChannel();
        var mode = request.Query["hub.mode"].ToString();
        var token = request.Query["hub.verify_token"].ToString();
        var challenge = request.Query["hub.challenge"].ToString();
        if (mode != "subscribe" || !SameSecret(token, channel.Secret(MetaConnector.VerifyToken)) || challenge.Length == 0)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Verification refused.",
                detail: "hub.mode must be subscribe and hub.verify_token the channel's verifyToken.");
        return TypedResults.Text(challenge, "text/plain");
    }

    private static async Task<IResult> Receive(
        string channelKey, HttpRequest request, ChannelStore channels, IMediator mediator, MetaLookups lookups, TimeProvider clock,
        ILoggerFactory loggers, CancellationToken ct)
    {
        var channel = await channels.FindByKeyAsync(MetaConnector.ChannelType, channelKey, ct);
        if (channel is null)
            return UnknownChannel();

        var body = await WebhookBody.ReadAsync(request, ct);
        if (body is null)
            return WebhookBody.TooLarge();
        if (!MetaSignature.IsValid(body, channel.Secret(MetaConnector.AppSecret) ?? "", request.Headers[MetaSignature.Header]))
        {
            await channels.RecordErrorAsync(channel.Id, "Rejected a webhook: bad signature", ct);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Bad signature.",
                detail: $"{MetaSignature.Header} must be sha256=<hex HMAC-SHA256 of the raw body keyed with the app secret>.");
        }

        List<MetaEvent> events;
        try
        {
            var envelope = JsonSerializer.Deserialize<MetaPayloads.Envelope>(body, MetaPayloads.Json)
                ?? throw new JsonException("The body must be a JSON object.");
            var reader = new MetaEventReader(channel.Setting(MetaConnector.PageId) ?? "", channel.Setting(MetaConnector.InstagramAccountId), clock.GetUtcNow().UtcDateTime);
            events = reader.Read(envelope);
        }
        catch (JsonException exception)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed body.", detail: exception.Message);
        }

        var outcome = new Outcome(0, 0, 0, 0, 0, []);
        var failures = new List<string>();
        foreach (var item in events)
        {
            switch (item)
            {
                case MetaEvent.Mention mention:
                    outcome = await Ingest(mention, outcome);
                    break;
                case MetaEvent.Edit edit:
                    if (await mediator.Send(new EditMention.Command(channel.Id, edit.MessageId, edit.Text, edit.EditedAt), ct))
                        outcome = outcome with { Edited = outcome.Edited + 1 };
                    else if (edit.IfUnknown is { } unknown)
                        outcome = await Ingest(unknown, outcome);
                    else
                        outcome = Skip(outcome, $"edit of {edit.MessageId}, which CareDesk never stored");
                    break;
                case MetaEvent.Delete delete:
                    outcome = await mediator.Send(new DeleteMention.Command(channel.Id, delete.MessageId, delete.DeletedAt), ct)
                        ? outcome with { Deleted = outcome.Deleted + 1 }
                        : Skip(outcome, $"removal of {delete.MessageId}, which CareDesk never stored (or is ours)");
                    break;
                case MetaEvent.InstagramMentionLookup lookup:
                    var (fetched, failure) = await lookups.InstagramMentionAsync(channel, lookup, ct);
                    if (fetched is not null)
                        outcome = await Ingest(new MetaEvent.Mention(fetched, MetaProfileSource.None), outcome);
                    else
                        failures.Add(failure!);
                    break;
                case MetaEvent.Skipped skipped:
                    outcome = Skip(outcome, skipped.Reason);
                    break;
            }
        }

        if (failures.Count > 0)
        {
            // Everything else is stored (idempotently); failing the delivery makes Meta send the batch again later.
            var error = string.Join(" ", failures);
            await channels.RecordErrorAsync(channel.Id, error, ct);
            loggers.CreateLogger(typeof(MetaWebhook)).LogWarning("Meta webhook on channel {ChannelId} is asked again: {Error}", channel.Id, error);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Could not fetch every item.", detail: error,
                extensions: new Dictionary<string, object?> { ["outcome"] = outcome });
        }
        return TypedResults.Ok(outcome);

        async Task<Outcome> Ingest(MetaEvent.Mention mention, Outcome counted)
        {
            var incoming = await lookups.WithProfileAsync(channel, mention.Incoming, mention.Profile, ct);
            var result = await mediator.Send(new IngestMention.Command(channel.Id, incoming), ct);
            return result.Duplicate ? counted with { Duplicates = counted.Duplicates + 1 } : counted with { Ingested = counted.Ingested + 1 };
        }
    }

    private static Outcome Skip(Outcome outcome, string reason)
    {
        outcome.Skips.Add(reason);
        return outcome with { Skipped = outcome.Skipped + 1 };
    }

    private static bool SameSecret(string given, string? expected) =>
        expected is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    private static IResult UnknownChannel() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown channel.", detail: "No Meta channel has this key.");
}
