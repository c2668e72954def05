using System.Net.Http.Json;
using System.Text.Json;
using CareDesk.Api.Tests.Infrastructure;
using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Tests.Channels;

/// <summary>Finds what a connector stored and follows an agent's reply through the outbox, through the API as the client does.</summary>
public static class ConversationProbe
{
    public static Task<Message?> MentionAsync(CareDeskServer server, string channelId, string platformId) =>
        server.WithDbAsync(db => db.Messages.AsNoTracking()
            .SingleOrDefaultAsync(m => m.ChannelId == Guid.Parse(channelId) && m.PlatformMessageId == platformId && m.Kind == MessageKind.Mention));

    public static Task<Conversation> ConversationOfAsync(CareDeskServer server, string channelId, string platformId) =>
        server.WithDbAsync(db => db.Messages.AsNoTracking()
            .Where(m => m.ChannelId == Guid.Parse(channelId) && m.PlatformMessageId == platformId && m.Kind == MessageKind.Mention)
            .Join(db.Conversations.Include(c => c.Contact), m => m.ConversationId, c => c.Id, (m, c) => c)
            .SingleAsync());

    /// <summary>A supervisor answers the conversation; returns the reply's id.</summary>
    public static async Task<string> ReplyAsync(CareDeskServer server, Guid conversationId, string text)
    {
        using var supervisor = await server.ClientForAsync(DemoAccounts.Supervisor);
        var response = await supervisor.PostAsJsonAsync($"/api/conversations/{conversationId}/replies", new { text });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replyId").GetString()!;
    }

    /// <summary>Waits until the reply is sent or failed, and returns it as GET /api/conversations/{id} shows it.</summary>
    public static async Task<JsonElement> DeliveredAsync(CareDeskServer server, Guid conversationId, string replyId)
    {
        using var supervisor = await server.ClientForAsync(DemoAccounts.Supervisor);
        return await Eventually.Get(
            async () =>
            {
                var conversation = await supervisor.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversationId}");
                return conversation.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("id").GetString() == replyId);
            },
            reply => reply.GetProperty("deliveryStatus").GetString() is "sent" or "failed",
            TimeSpan.FromSeconds(20));
    }
}
