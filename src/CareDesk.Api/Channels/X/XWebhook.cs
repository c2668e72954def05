using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace CareDesk.Api.Channels.X;

/// <summary>
/// The X webhook: <c>GET ?crc_token=</c> is X's challenge-response check (CRC), <c>POST</c> delivers signed
/// events of the X Activity API or the Account Activity API.
/// </summary>
public static class XWebhook
{
    public const string Path = "/api/webhooks/x/{channelKey}";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Crc).AllowAnonymous();
        app.MapPost(Path, Receive).AllowAnonymous();
    }

    private static async Task<IResult> Crc(string channelKey, [FromQuery(Name = "crc_token")] string? crcToken, ChannelStore channels, CancellationToken ct)
    {
        var channel = await channels.FindByKeyAsync(XConnector.ChannelType, channelKey, ct);
        if (channel is null)
            return UnknownChannel();
        if (string.IsNullOrEmpty(crcToken))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing crc_token.",
                detail: "X's challenge-response check sends GET ?crc_token=<token>.");
        // The property name is X's (snake_case), not CareDesk's camelCase.
        return TypedResults.Json(new Dictionary<string, string> { ["response_token"] = XSignature.CrcResponseToken(crcToken, channel.Secret(XConnector.ConsumerSecret)!) });
    }

    private static async Task<IResult> Receive(
        string channelKey, HttpRequest request, ChannelStore channels, IMediator mediator, TimeProvider clock, CancellationToken ct)
    {
        var channel = await channels.FindByKeyAsync(XConnector.ChannelType, channelKey, ct);
        if (channel is null)
            return UnknownChannel();
        var body = await WebhookBody.ReadAsync(request, ct);
        if (body is null)
            return WebhookBody.TooLarge();
        if (!XSignature.IsValid(body, channel.Secret(XConnector.ConsumerSecret)!, request.Headers[XSignature.Header]))
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Bad signature.",
                detail: $"{XSignature.Header} must be sha256=<base64 HMAC-SHA256 of the raw body keyed with the app's consumer secret>.");

        XDelivery delivery;
        try
        {
            delivery = XPayloads.Parse(PayloadJson.ParseObject(body), channel.Setting(XConnector.AccountId)!, clock.GetUtcNow().UtcDateTime);
        }
        catch (MalformedPayloadException exception)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed X event.", detail: exception.Message);
        }
        if (delivery.Revoked)
            await channels.RecordErrorAsync(channel.Id, "X reports that the account revoked this app's access: replies will fail until it is connected again.", ct);
        return TypedResults.Ok(await PlatformEvents.ApplyAsync(mediator, channel.Id, delivery.Events, ct));
    }

    private static IResult UnknownChannel() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown channel.", detail: "No X channel has this key.");
}
