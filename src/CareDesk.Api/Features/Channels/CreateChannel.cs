using CareDesk.Api.Channels;
using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using FluentValidation;
using MediatR;

namespace CareDesk.Api.Features.Channels;

/// <summary>Connects a channel. Its secret is generated here and shown this once.</summary>
public static class CreateChannel
{
    public sealed record Command(string? Type, string? Name, string? ReplyUrl) : IRequest<Result>;

    public sealed record Result(Guid Id, string Type, string Name, string Key, string Secret, string WebhookUrl, string? ReplyUrl);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Type).NotEmpty().Must(t => ChannelTypes.Supported.Contains(t))
                .WithMessage($"type must be one of: {string.Join(", ", ChannelTypes.Supported)}.");
            RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
            RuleFor(c => c.ReplyUrl)
                .Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                .When(c => c.ReplyUrl is not null)
                .WithMessage("replyUrl must be an absolute http(s) URL.");
        }
    }

    public sealed class Handler(CareDeskDbContext db, ChannelSecrets secrets, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var secret = ChannelSecrets.NewSecret();
            var channel = new Channel
            {
                Id = Guid.NewGuid(),
                Type = command.Type!,
                Name = command.Name!,
                Key = ChannelSecrets.NewKey(),
                ProtectedSecret = secrets.Protect(secret),
                SettingsJson = new ChannelSettings(command.ReplyUrl).Write(),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Channels.Add(channel);
            await db.SaveChangesAsync(cancellationToken);
            return new Result(channel.Id, channel.Type, channel.Name, channel.Key, secret, WebhookPath(channel), command.ReplyUrl);
        }
    }

    public static string WebhookPath(Channel channel) => $"/api/webhooks/{channel.Type}/{channel.Key}";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/channels", async (Command command, IMediator mediator, CancellationToken ct) =>
            {
                var result = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/channels/{result.Id}", result);
            })
            .RequireAuthorization(Policies.Admin);
}
