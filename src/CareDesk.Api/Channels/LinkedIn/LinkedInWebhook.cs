using MediatR;

namespace CareDesk.Api.Channels.LinkedIn;

/// <summary>
/// The LinkedIn webhook: <c>GET ?challengeCode=</c> is LinkedIn's validation of the URL (on registration and every
/// two hours), <c>POST</c> delivers signed organization social action notifications.
/// </summary>
public static class LinkedInWebhook
{
    public const string Path = "/api/webhooks/linkedin/{channelKey}";

    public sealed record ChallengeAnswer(string ChallengeCode, string ChallengeResponse);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Validate).AllowAnonymous();
        app.MapPost(Path, Receive).AllowAnonymous();
    }

    private static async Task<IResult> Validate(string channelKey, string? challengeCode, ChannelStore channels, CancellationToken ct)
    {
        var channel = await channels.FindByKeyAsync(LinkedInConnector.ChannelType, channelKey, ct);
        if (channel is null)
            return UnknownChannel();
        if (string.IsNullOrEmpty(challengeCode))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing challengeCode.",
                detail: "LinkedIn validates a webhook with GET ?challengeCode=<uuid>.");
        return TypedResults.Ok(new ChallengeAnswer(challengeCode, LinkedInSignature.ChallengeResponse(challengeCode, channel.Secret(LinkedInConnector.ClientSecret)!)));
    }

    private static async Task<IResult> Receive(
        string channelKey, HttpRequest request, ChannelStore channels, LinkedInProfiles profiles, IMediator mediator, TimeProvider clock, CancellationToken ct)
    {
        var channel = await channels.FindByKeyAsync(LinkedInConnector.ChannelType, channelKey, ct);
        if (channel is null)
            return UnknownChannel();
        var body = await WebhookBody.ReadAsync(request, ct);
        if (body is null)
            return WebhookBody.TooLarge();

        var secret = channel.Secret(LinkedInConnector.ClientSecret)!;
        var readingSetting = channel.Setting(LinkedInConnector.SignatureReadingSetting);
        if (!LinkedInSignature.TryParseReading(readingSetting, out var reading))
        {
            await channels.RecordErrorAsync(channel.Id, $"signatureReading is '{readingSetting}'; it must be prefixed-body, prefixed-header or either. Notifications are refused until it is.", ct);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Signature cannot be checked.",
                detail: "The channel's signatureReading setting is not one of prefixed-body, prefixed-header, either.");
        }
        var signature = request.Headers[LinkedInSignature.Header].ToString();
        if (!LinkedInSignature.IsValid(body, secret, signature, reading))
        {
            await RecordIfOtherReadingMatches(channels, channel, body, secret, signature, reading, ct);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Bad signature.",
                detail: $"{LinkedInSignature.Header} does not match the HMAC-SHA256 of the body keyed with the app's client secret.");
        }

        IReadOnlyList<PlatformEvent> events;
        try
        {
            events = LinkedInNotifications.Parse(PayloadJson.ParseObject(body), channel.Setting(LinkedInConnector.OrganizationUrn)!, clock.GetUtcNow().UtcDateTime);
        }
        catch (MalformedPayloadException exception)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed LinkedIn notification.", detail: exception.Message);
        }
        events = await profiles.WithAuthorsAsync(channel, events, ct);
        return TypedResults.Ok(await PlatformEvents.ApplyAsync(mediator, channel.Id, events, ct));
    }

    /// <summary>
    /// The documentation is ambiguous about what is signed: when a delivery fails the configured reading but matches the
    /// other one, the channel's last error says so, so that an admin can switch instead of losing every notification.
    /// </summary>
    private static async Task RecordIfOtherReadingMatches(
        ChannelStore channels, ChannelConfig channel, byte[] body, string secret, string signature, SignatureReading reading, CancellationToken ct)
    {
        var other = reading == SignatureReading.PrefixedBody ? SignatureReading.PrefixedHeader : SignatureReading.PrefixedBody;
        if (reading != SignatureReading.Either && LinkedInSignature.IsValid(body, secret, signature, other))
            await channels.RecordErrorAsync(channel.Id,
                $"A notification was refused: its {LinkedInSignature.Header} matches the {Name(other)} reading, not the configured {Name(reading)}. Set signatureReading to {Name(other)} (or either).", ct);
    }

    private static string Name(SignatureReading reading) => reading == SignatureReading.PrefixedBody ? "prefixed-body" : "prefixed-header";

    private static IResult UnknownChannel() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown channel.", detail: "No LinkedIn channel has this key.");
}
