using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareDesk.Api.Tests.Infrastructure;
using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Tests.Channels.Mastodon;

public sealed class MastodonReplySenderTests : IAsyncLifetime
{
    private FakeMastodon fake = null!;
    private CareDeskServer server = null!;

    public async Task InitializeAsync()
    {
        fake = await FakeMastodon.StartAsync();
        fake.StreamEnabled = false;
        server = await CareDeskServer.StartAsync(MastodonDesk.Settings());
        await MastodonDesk.CreateChannelAsync(server, fake, accountId: FakeMastodon.OurAccountId);
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await fake.DisposeAsync();
    }

    private async Task<(Guid ConversationId, Guid ReplyId)> ReplyToNewMention(string statusId, string text, string visibility = "public")
    {
        fake.AddMention(FakeMastodon.Status(statusId, "c-" + statusId, "zsc@mastodon.social", "<p>help please</p>", visibility: visibility));
        var conversationId = await MastodonDesk.WaitForMentionAsync(server, statusId);
        await MastodonDesk.WaitForRoutedAsync(server, conversationId);
        using var agent = await server.ClientForAsync(DemoAccounts.Supervisor);
        var response = await agent.PostAsJsonAsync($"/api/conversations/{conversationId}/replies", new { text });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var replyId = Guid.Parse((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replyId").GetString()!);
        return (conversationId, replyId);
    }

    /// <remarks>
    /// Generous: a retry that Hangfire runs a moment before the row is due is delivered by the minutely outbox sweep.
    /// </remarks>
    private Task<Message> WaitForDelivery(Guid replyId, DeliveryStatus status) =>
        Eventually.Get(() => server.WithDbAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.Id == replyId)), m => m.DeliveryStatus == status, TimeSpan.FromSeconds(75))
            .ContinueWith(t => t.IsFaulted ? throw new Xunit.Sdk.XunitException($"{t.Exception!.InnerException!.Message}: {Describe(replyId).Result}") : t.Result);

    private Task<string> Describe(Guid replyId) =>
        server.WithDbAsync(db => db.Messages.AsNoTracking().Where(m => m.Id == replyId).Select(m => $"{m.DeliveryStatus} after {m.DeliveryAttempts}: {m.DeliveryError}").SingleAsync());

    [Fact]
    public async Task A_reply_is_posted_in_reply_with_the_customers_visibility_and_the_reply_id_as_idempotency_key()
    {
        var (conversationId, replyId) = await ReplyToNewMention("103186126728896492", "Thanks, we're on it!", visibility: "unlisted");
        var reply = await WaitForDelivery(replyId, DeliveryStatus.Sent);

        var post = Assert.Single(fake.Requests("POST", "/api/v1/statuses"));
        Assert.Equal($"Bearer {FakeMastodon.Token}", post.Headers["Authorization"]);
        Assert.Equal(replyId.ToString(), post.Headers["Idempotency-Key"]);
        var body = JsonNode.Parse(post.Text)!.AsObject();
        var documented = Fixture.Json("Mastodon", "post-status-reply.request.json");
        Assert.All(body.Select(p => p.Key), key => Assert.True(documented.ContainsKey(key), $"{key} is not a documented parameter"));
        Assert.Equal(documented["status"]!.GetValue<string>(), body["status"]!.GetValue<string>());
        Assert.Equal(documented["in_reply_to_id"]!.GetValue<string>(), body["in_reply_to_id"]!.GetValue<string>());
        Assert.Equal("unlisted", body["visibility"]!.GetValue<string>());

        Assert.Equal("5001", reply.PlatformMessageId);
        Assert.Equal("https://social.example/@caredesk/5001", reply.Permalink);

        // The customer answers our reply: it joins the same conversation.
        fake.AddMention(FakeMastodon.Status("103186126728896999", "c-103186126728896492", "zsc@mastodon.social", "<p>thanks!</p>", inReplyTo: "5001"));
        Assert.Equal(conversationId, await MastodonDesk.WaitForMentionAsync(server, "103186126728896999"));
    }

    [Fact]
    public async Task A_direct_message_is_answered_directly()
    {
        var (_, replyId) = await ReplyToNewMention("601", "We sent you the details.", visibility: "direct");
        await WaitForDelivery(replyId, DeliveryStatus.Sent);
        var body = JsonNode.Parse(Assert.Single(fake.Requests("POST", "/api/v1/statuses")).Text)!;
        Assert.Equal("direct", body["visibility"]!.GetValue<string>());
        Assert.Equal("@zsc@mastodon.social We sent you the details.", body["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Lost_responses_are_retried_with_the_same_key_and_post_only_once()
    {
        for (var i = 0; i < 3; i++)
            fake.PostFailures.Enqueue(503); // stored, but the answer is lost: the outcome is unknown to us
        var (_, replyId) = await ReplyToNewMention("602", "Looking into it.");
        var reply = await WaitForDelivery(replyId, DeliveryStatus.Sent);

        var posts = fake.Requests("POST", "/api/v1/statuses").ToList();
        Assert.True(posts.Count >= 4, $"{posts.Count} posts");
        Assert.All(posts, p => Assert.Equal(replyId.ToString(), p.Headers["Idempotency-Key"]));
        Assert.Equal(1, fake.PostedCount);
        Assert.Equal("5001", reply.PlatformMessageId);
        Assert.True(reply.DeliveryAttempts >= 2);
    }

    [Fact]
    public async Task A_rate_limit_waits_until_the_reset_and_then_sends()
    {
        var reset = DateTime.UtcNow.AddSeconds(1).ToString("O");
        for (var i = 0; i < 3; i++)
            fake.PostRefusals.Enqueue((429, """{"error":"Too many requests"}""", reset));
        var (_, replyId) = await ReplyToNewMention("603", "One moment please.");
        var reply = await WaitForDelivery(replyId, DeliveryStatus.Sent);
        Assert.Equal(1, fake.PostedCount);
        Assert.True(reply.DeliveryAttempts >= 2);
    }

    [Fact]
    public async Task A_refused_reply_fails_at_once_with_mastodons_reason()
    {
        fake.PostRefusals.Enqueue((422, """{"error":"Validation failed: Text can't be blank"}""", null));
        var (_, replyId) = await ReplyToNewMention("604", "Hello");
        var reply = await WaitForDelivery(replyId, DeliveryStatus.Failed);
        Assert.Equal(1, reply.DeliveryAttempts);
        Assert.Contains("422", reply.DeliveryError);
        Assert.Contains("Validation failed: Text can't be blank", reply.DeliveryError);
    }

    [Fact]
    public async Task A_reply_to_a_deleted_status_fails_at_once_and_says_so()
    {
        fake.AddMention(FakeMastodon.Status("605", "c-605", "erin", "<p>hi</p>"));
        var conversationId = await MastodonDesk.WaitForMentionAsync(server, "605");
        await MastodonDesk.WaitForRoutedAsync(server, conversationId);
        fake.DeleteStatus("605");
        using var agent = await server.ClientForAsync(DemoAccounts.Supervisor);
        var response = await agent.PostAsJsonAsync($"/api/conversations/{conversationId}/replies", new { text = "Hi Erin" });
        var replyId = Guid.Parse((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replyId").GetString()!);

        var reply = await WaitForDelivery(replyId, DeliveryStatus.Failed);
        Assert.Equal(1, reply.DeliveryAttempts);
        Assert.Contains("deleted", reply.DeliveryError);
        Assert.Empty(fake.Requests("POST", "/api/v1/statuses"));
    }
}
