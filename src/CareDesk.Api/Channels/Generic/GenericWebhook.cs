using System.Text.Json;
using CareDesk.Api.Features.Ingest;
using CareDesk.Api.Infrastructure;
using CareDesk.Data.Entities;
using MediatR;

namespace CareDesk.Api.Channels.Generic;

/// <summary>The generic signed webhook: any system that can sign its body with the channel secret can feed mentions.</summary>
public static class GenericWebhook
{
    public sealed record Payload(
        string? Id, string? Kind, string? Text, DateTime? CreatedAt, PayloadAuthor? Author,
        string? ThreadId, string? ParentId, string? Url, string? Language);

    public sealed record PayloadAuthor(string? Id, string? Handle, string? Name, int? Followers);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/webhooks/generic/{channelKey}", Receive).AllowAnonymous();

    private static async Task<IResult> Receive(
        string channelKey, HttpRequest request, ChannelStore channels, IMediator mediator, TimeProvider clock, CancellationToken ct)
    {
        var channel = await channels.FindByKeyAsync(GenericConnector.ChannelType, channelKey, ct);
        if (channel is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown channel.", detail: "No generic channel has this key.");

        var body = await WebhookBody.ReadAsync(request, ct);
        if (body is null)
            return WebhookBody.TooLarge();
        if (!WebhookSignature.IsValid(body, channel.GeneratedSecret, request.Headers[WebhookSignature.Header]))
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Bad signature.",
                detail: $"{WebhookSignature.Header} must be sha256=<hex HMAC-SHA256 of the raw body keyed with the channel secret>.");

        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(body, JsonDefaults.Options);
        }
        catch (JsonException exception)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed body.", detail: exception.Message);
        }
        if (payload is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed body.", detail: "The body must be a JSON object.");
        if (!TryParseKind(payload.Kind, out var kind))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = ["kind must be post, comment or direct."] });

        var author = payload.Author;
        var mention = new IncomingMention(
            payload.Id ?? "",
            kind,
            payload.Text!,
            payload.CreatedAt ?? clock.GetUtcNow().UtcDateTime,
            author is null ? null! : new MentionAuthor(author.Id ?? "", author.Handle ?? "", author.Name ?? "", author.Followers ?? 0),
            payload.ThreadId, payload.ParentId, payload.Url, payload.Language);
        var result = await mediator.Send(new IngestMention.Command(channel.Id, mention), ct);
        return result.Duplicate ? TypedResults.Ok(result) : TypedResults.Accepted((string?)null, result);
    }

    private static bool TryParseKind(string? kind, out MentionKind parsed)
    {
        parsed = kind switch
        {
            "post" => MentionKind.Post,
            "comment" => MentionKind.Comment,
            "direct" => MentionKind.Direct,
            _ => (MentionKind)(-1),
        };
        return Enum.IsDefined(parsed);
    }
}
