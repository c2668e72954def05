using System.Text.Json;
using CareDesk.Analysis;
using CareDesk.Api.Features.Conversations;
using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.Ingest;

/// <summary>Gives a stored mention its sentiment and intent with their reasons, and the conversation its latest mood.</summary>
public sealed class AnalyzeMention(CareDeskDbContext db, ITextAnalyzer analyzer, IMediator mediator) : INotificationHandler<MentionStored>
{
    public async Task Handle(MentionStored notification, CancellationToken cancellationToken)
    {
        await ConcurrencyRetry.RunAsync(db, () => Analyze(notification, cancellationToken));
        await mediator.Publish(new MentionAnalyzed(notification.MentionId, notification.ConversationId, notification.IsNewConversation, notification.Reopened), cancellationToken);
    }

    private async Task Analyze(MentionStored notification, CancellationToken ct)
    {
        var message = await db.Messages.SingleAsync(m => m.Id == notification.MentionId, ct);
        var conversation = await db.Conversations.SingleAsync(c => c.Id == notification.ConversationId, ct);
        var analysis = analyzer.Analyze(message.Text);

        message.Analyzed = true;
        message.SentimentScore = analysis.Sentiment.Score;
        message.SentimentLabel = Label(analysis.Sentiment.Label);
        message.Intent = Label(analysis.Intent.Label);
        message.IntentConfidence = analysis.Intent.Confidence;
        message.Language ??= analysis.Language;
        message.AnalysisReasonsJson = JsonSerializer.Serialize(
            new AnalysisReasons(analysis.Sentiment.Reasons, analysis.Intent.Reasons), JsonDefaults.Options);

        var isLatest = !await db.Messages.AnyAsync(
            m => m.ConversationId == conversation.Id && m.Kind == Data.Entities.MessageKind.Mention && m.CreatedAt > message.CreatedAt, ct);
        if (isLatest)
        {
            conversation.SentimentScore = analysis.Sentiment.Score;
            conversation.SentimentLabel = message.SentimentLabel;
            conversation.Intent = message.Intent;
            conversation.IntentConfidence = analysis.Intent.Confidence;
        }
        await db.SaveChangesAsync(ct);
    }

    public static string Label<TEnum>(TEnum value) where TEnum : struct, Enum => value.ToString().ToLowerInvariant();
}
