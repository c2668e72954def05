using CareDesk.Data;
using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;
using static CareDesk.Api.Channels.Mastodon.MastodonPayloads;

namespace CareDesk.Api.Channels.Mastodon;

/// <summary>Turns a Mastodon status into a normalized mention.</summary>
public static class MastodonMentions
{
    /// <param name="threadId">The thread root we know of (see <see cref="FindThreadAsync"/>).</param>
    public static IncomingMention From(Status status, string threadId) => new(
        status.Id,
        status.Visibility == "direct" ? MentionKind.Direct : status.InReplyToId is null ? MentionKind.Post : MentionKind.Comment,
        Text(status),
        status.CreatedAt.ToUniversalTime(),
        Author(status.Account),
        threadId,
        status.InReplyToId,
        status.Url ?? status.Uri,
        status.Language);

    /// <summary>The content as plain text; a content warning stays in front, as the customer wrote it.</summary>
    public static string Text(Status status)
    {
        var content = MastodonHtml.ToText(status.Content);
        return string.IsNullOrWhiteSpace(status.SpoilerText) ? content : $"CW: {status.SpoilerText.Trim()}\n\n{content}";
    }

    public static MentionAuthor Author(Account account) => new(
        account.Id,
        "@" + (account.Acct ?? account.Username ?? account.Id),
        string.IsNullOrWhiteSpace(account.DisplayName) ? account.Username ?? account.Acct ?? account.Id : account.DisplayName,
        (int)Math.Clamp(account.FollowersCount ?? 0, 0, int.MaxValue));

    /// <summary>
    /// Mastodon gives a status' parent but not its thread root: the root is the thread of the parent when we stored
    /// the parent (a customer's earlier post or our reply), else the status starts a thread of its own.
    /// </summary>
    public static async Task<string> FindThreadAsync(CareDeskDbContext db, Guid channelId, Status status, CancellationToken ct)
    {
        if (status.InReplyToId is null)
            return status.Id;
        var parentThread = await (
                from m in db.Messages.AsNoTracking()
                join c in db.Conversations on m.ConversationId equals c.Id
                where m.ChannelId == channelId && m.PlatformMessageId == status.InReplyToId
                select c.ThreadId)
            .FirstOrDefaultAsync(ct);
        return parentThread ?? status.Id;
    }
}
