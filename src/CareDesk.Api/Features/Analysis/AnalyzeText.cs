using CareDesk.Analysis;
using CareDesk.Api.Infrastructure;
using FluentValidation;
using MediatR;

namespace CareDesk.Api.Features.Analysis;

/// <summary>Sentiment and intent of texts, with the reasons, for people and integrations that want to see the analyzer's view.</summary>
public static class AnalyzeText
{
    public const int MaxBatch = 1000;
    public const int MaxTextLength = 20000;

    public sealed record Command(string? Text) : IRequest<TextAnalysis>;

    public sealed record BatchCommand(IReadOnlyList<string>? Texts) : IRequest<BatchResult>;

    public sealed record BatchResult(IReadOnlyList<TextAnalysis> Results);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Text).NotNull().MaximumLength(MaxTextLength);
    }

    public sealed class BatchValidator : AbstractValidator<BatchCommand>
    {
        public BatchValidator()
        {
            RuleFor(c => c.Texts).NotNull().Must(t => t!.Count is > 0 and <= MaxBatch).WithMessage($"texts must hold 1 to {MaxBatch} texts.");
            RuleForEach(c => c.Texts).NotNull().MaximumLength(MaxTextLength);
        }
    }

    public sealed class Handler(ITextAnalyzer analyzer) : IRequestHandler<Command, TextAnalysis>, IRequestHandler<BatchCommand, BatchResult>
    {
        public Task<TextAnalysis> Handle(Command command, CancellationToken cancellationToken) => Task.FromResult(analyzer.Analyze(command.Text!));

        public Task<BatchResult> Handle(BatchCommand command, CancellationToken cancellationToken) =>
            Task.FromResult(new BatchResult(command.Texts!.Select(analyzer.Analyze).ToList()));
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/analysis", async (Command command, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(command, ct)))
            .RequireAuthorization(Policies.AnyRole);
        app.MapPost("/api/analysis/batch", async (BatchCommand command, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(command, ct)))
            .RequireAuthorization(Policies.AnyRole);
    }
}
