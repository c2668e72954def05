using System.Security.Claims;
using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace CareDesk.Api.Features.Conversations;

/// <summary>A supervisor gives a conversation to an agent, taking it from whoever held it.</summary>
public static class AssignConversation
{
    public sealed record Body(string? AgentId);

    public sealed record Command(Guid Id, string? AgentId, Actor Actor) : IRequest<ConversationSummary>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.AgentId).NotEmpty();
    }

    public sealed class Handler(CareDeskDbContext db, UserManager<AppUser> users, ConversationChanges changes) : IRequestHandler<Command, ConversationSummary>
    {
        public async Task<ConversationSummary> Handle(Command command, CancellationToken cancellationToken)
        {
            var conversation = await ConversationAccess.LoadForChangeAsync(db, command.Id, command.Actor, cancellationToken);
            var agent = await users.FindByIdAsync(command.AgentId!);
            if (agent is null || !(await users.IsInRoleAsync(agent, Roles.Agent) || await users.IsInRoleAsync(agent, Roles.Supervisor)))
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("agentId", "agentId must name an agent or a supervisor.")]);

            conversation.AssigneeId = agent.Id;
            await db.SaveChangesAsync(cancellationToken);
            return await changes.Announce(conversation.Id, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/conversations/{id:guid}/assign", async (Guid id, Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(id, body.AgentId, Actor.From(user)), ct)))
            .RequireAuthorization(Policies.Supervisor);
}
