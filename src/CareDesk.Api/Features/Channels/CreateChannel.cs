using System.Text.Json;
using System.Text.Json.Nodes;
using CareDesk.Api.Channels;
using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using FluentValidation;
using MediatR;

namespace CareDesk.Api.Features.Channels;

/// <summary>
/// Connects a channel: <c>{ "type", "name", ...the type's settings }</c>. Secret settings are stored encrypted and
/// never returned; CareDesk also generates a secret of its own, shown this once.
/// </summary>
public static class CreateChannel
{
    public sealed record Command(string? Type, string? Name, IReadOnlyDictionary<string, JsonElement> Settings) : IRequest<Result>;

    public sealed record Result(Guid Id, string Type, string Name, string Key, string Secret, string WebhookUrl, JsonObject Settings);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IEnumerable<IChannelConnector> connectors)
        {
            var byType = connectors.ToDictionary(c => c.Type);
            RuleFor(c => c.Type).NotEmpty().Must(t => byType.ContainsKey(t!))
                .WithMessage($"type must be one of: {string.Join(", ", byType.Keys.Order())}.");
            RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
            RuleFor(c => c).Custom((command, context) =>
            {
                if (command.Type is null || !byType.TryGetValue(command.Type, out var connector))
                    return;
                foreach (var failure in SettingErrors(connector, command.Settings))
                    context.AddFailure(failure.Name, failure.Error);
            });
        }

        private static IEnumerable<(string Name, string Error)> SettingErrors(IChannelConnector connector, IReadOnlyDictionary<string, JsonElement> settings)
        {
            foreach (var name in settings.Keys.Where(name => connector.Settings.All(s => s.Name != name)))
                yield return (name, $"{name} is not a setting of {connector.Type} channels.");
            foreach (var setting in connector.Settings)
            {
                var given = settings.TryGetValue(setting.Name, out var value);
                if (!given)
                {
                    if (setting.Required)
                        yield return (setting.Name, $"{setting.Name} is required for {connector.Type} channels.");
                    continue;
                }
                if (value.ValueKind != JsonValueKind.String || value.GetString()!.Length is 0 or > 4000)
                    yield return (setting.Name, $"{setting.Name} must be a non-empty string.");
                else if (setting.IsUrl && !(Uri.TryCreate(value.GetString(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
                    yield return (setting.Name, $"{setting.Name} must be an absolute http(s) URL.");
            }
        }
    }

    public sealed class Handler(CareDeskDbContext db, IEnumerable<IChannelConnector> connectors, ChannelSecrets secrets, TimeProvider clock)
        : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var connector = connectors.Single(c => c.Type == command.Type);
            var generated = ChannelSecrets.NewSecret();
            var secretValues = new Dictionary<string, string> { [ChannelSecrets.Generated] = generated };
            var publicSettings = new JsonObject();
            foreach (var setting in connector.Settings.Where(s => command.Settings.ContainsKey(s.Name) && command.Settings[s.Name].ValueKind == JsonValueKind.String))
            {
                var value = command.Settings[setting.Name].GetString()!;
                if (setting.Secret)
                    secretValues[setting.Name] = value;
                else
                    publicSettings[setting.Name] = value;
            }

            var channel = new Channel
            {
                Id = Guid.NewGuid(),
                Type = connector.Type,
                Name = command.Name!,
                Key = ChannelSecrets.NewKey(),
                ProtectedSecrets = secrets.Protect(secretValues),
                SettingsJson = publicSettings.ToJsonString(),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Channels.Add(channel);
            await db.SaveChangesAsync(cancellationToken);
            return new Result(channel.Id, channel.Type, channel.Name, channel.Key, generated, WebhookPath(channel), publicSettings);
        }
    }

    public static string WebhookPath(Channel channel) => $"/api/webhooks/{channel.Type}/{channel.Key}";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/channels", async (JsonObject body, IMediator mediator, CancellationToken ct) =>
            {
                // A null setting is the same as leaving it out.
                var settings = body.Where(p => p.Key is not ("type" or "name") && p.Value is not null)
                    .ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value));
                var result = await mediator.Send(new Command(Text(body, "type"), Text(body, "name"), settings), ct);
                return TypedResults.Created($"/api/channels/{result.Id}", result);
            })
            .RequireAuthorization(Policies.Admin);

    private static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
