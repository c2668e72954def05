using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareDesk.Api.Tests.Infrastructure;
using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Tests.Channels.Bluesky;

public sealed class BlueskyReplySenderTests : IAsyncLifetime
{
    private const string RootUri = "at://did:plc:u5cwb2mwiv2bfq53cjufe6yn/app.bsky.feed.post/3k43tv4rft22g";
    private const string RootCid = "bafyreig2fjxi3rptqdgylg7e5hmjl6mcke7rn2b6cugzlqq3i4zu6rq52q";
    private FakeBluesky fake = null!;
    private CareDeskServer server = null!;
    private int next;

    public async Task InitializeAsync()
    {
        fake = await FakeBluesky.StartAsync();
        server = await CareDeskServer.StartAsync(BlueskyDesk.Settings());
        await BlueskyDesk.CreateChannelAsync(server, fake);
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await fake.DisposeAsync();
    }

    /// <summary>The customer replies in a thread (the documented reply record); an agent answers it.</summary>
    private async Task<(string CustomerUri, Guid ReplyId)> AgentAnswers(string text, bool deleteCustomerPost = false, bool expireTokenFirst = false)
    {
        var rkey = $"3kcust{++next}";
        var record = Fixture.Json("Bluesky", "record-post-reply.json");
        fake.Add(FakeBluesky.Notification(rkey, "did:plc:zoe", "zoe.test", "reply", record, DateTime.UtcNow));
        var customerUri = $"at://did:plc:zoe/app.bsky.feed.post/{rkey}";
        var conversationId = await BlueskyDesk.WaitForMentionAsync(server, customerUri);
        await Eventually.Get(() => server.WithDbAsync(db => db.Conversations.Where(c => c.Id == conversationId).Select(c => c.SlaDueAt).SingleAsync()), due => due is not null);
        if (deleteCustomerPost)
            fake.DeletePost(customerUri);
        if (expireTokenFirst)
            fake.ExpireAccessToken();

        using var supervisor = await server.ClientForAsync(DemoAccounts.Supervisor);
        var response = await supervisor.PostAsJsonAsync($"/api/conversations/{conversationId}/replies", new { text });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (customerUri, Guid.Parse((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replyId").GetString()!));
    }

    /// <remarks>Generous: retries wait out their backoff and the rate limit's reset time.</remarks>
    private Task<Message> WaitForDelivery(Guid replyId, DeliveryStatus status) =>
        Eventually.Get(() => server.WithDbAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.Id == replyId)), m => m.DeliveryStatus == status, TimeSpan.FromSeconds(75))
            .ContinueWith(t => t.IsFaulted ? throw new Xunit.Sdk.XunitException($"{t.Exception!.InnerException!.Message}: {Describe(replyId).Result}") : t.Result);

    private Task<string> Describe(Guid replyId) =>
        server.WithDbAsync(db => db.Messages.AsNoTracking().Where(m => m.Id == replyId).Select(m => $"{m.DeliveryStatus} after {m.DeliveryAttempts}: {m.DeliveryError}").SingleAsync());

    [Fact]
    public async Task A_reply_is_a_post_in_the_customers_thread_mentioning_them_at_the_right_bytes()
    {
        var (customerUri, replyId) = await AgentAnswers("Danke schön 🙏 we're on it");
        var reply = await WaitForDelivery(replyId, DeliveryStatus.Sent);

        var create = Assert.Single(fake.Requests("com.atproto.repo.createRecord"));
        Assert.Equal($"Bearer {fake.AccessToken}", create.Headers["Authorization"]);
        var body = JsonNode.Parse(create.Text)!.AsObject();
        var documented = Fixture.Json("Bluesky", "createRecord-reply-request.COMPOSED.json");
        Assert.All(documented.Select(p => p.Key), key => Assert.True(body.ContainsKey(key), $"{key} is missing"));
        Assert.Equal(FakeBluesky.OurDid, body["repo"]!.GetValue<string>());
        Assert.Equal("app.bsky.feed.post", body["collection"]!.GetValue<string>());
        var rkey = body["rkey"]!.GetValue<string>();
        Assert.Matches("^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$", rkey);

        var record = body["record"]!;
        Assert.Equal("app.bsky.feed.post", record["$type"]!.GetValue<string>());
        var text = record["text"]!.GetValue<string>();
        Assert.Equal("@zoe.test Danke schön 🙏 we're on it", text);
        var facet = Assert.Single(record["facets"]!.AsArray())!;
        Assert.Equal(0, facet["index"]!["byteStart"]!.GetValue<int>());
        Assert.Equal(Encoding.UTF8.GetByteCount("@zoe.test"), facet["index"]!["byteEnd"]!.GetValue<int>());
        Assert.Equal("app.bsky.richtext.facet#mention", facet["features"]![0]!["$type"]!.GetValue<string>());
        Assert.Equal("did:plc:zoe", facet["features"]![0]!["did"]!.GetValue<string>());
        Assert.Equal(RootUri, record["reply"]!["root"]!["uri"]!.GetValue<string>());
        Assert.Equal(RootCid, record["reply"]!["root"]!["cid"]!.GetValue<string>());
        Assert.Equal(customerUri, record["reply"]!["parent"]!["uri"]!.GetValue<string>());
        Assert.Equal("bafycid" + customerUri.Split('/')[^1], record["reply"]!["parent"]!["cid"]!.GetValue<string>());
        Assert.True(DateTime.TryParse(record["createdAt"]!.GetValue<string>(), out _));

        Assert.Equal($"at://{FakeBluesky.OurDid}/app.bsky.feed.post/{rkey}", reply.PlatformMessageId);
        Assert.Equal($"https://bsky.app/profile/{FakeBluesky.OurDid}/post/{rkey}", reply.Permalink);
    }

    [Fact]
    public async Task A_retry_after_a_lost_response_finds_the_post_under_its_record_key_instead_of_posting_twice()
    {
        for (var i = 0; i < 3; i++)
            fake.CreateFailures.Enqueue(502);
        var (_, replyId) = await AgentAnswers("Looking into it.");
        var reply = await WaitForDelivery(replyId, DeliveryStatus.Sent);

        Assert.Equal(1, fake.RecordCount);
        var keys = fake.Requests("com.atproto.repo.createRecord").Select(r => JsonNode.Parse(r.Text)!["rkey"]!.GetValue<string>()).ToList();
        Assert.True(keys.Count >= 2, $"{keys.Count} createRecord calls");
        Assert.Single(keys.Distinct());
        Assert.Equal($"at://{FakeBluesky.OurDid}/app.bsky.feed.post/{keys[0]}", reply.PlatformMessageId);
        Assert.NotEmpty(fake.Requests("com.atproto.repo.getRecord"));
    }

    [Fact]
    public async Task An_expired_token_is_refreshed_and_the_reply_sent_in_the_same_attempt()
    {
        // Expired before the reply is queued: expiring after could lose the race with a delivery already under way.
        var (_, replyId) = await AgentAnswers("Sorted!", expireTokenFirst: true);
        var reply = await WaitForDelivery(replyId, DeliveryStatus.Sent);
        Assert.Equal(1, reply.DeliveryAttempts);
        Assert.NotEmpty(fake.Requests("com.atproto.server.refreshSession"));
        Assert.Equal(1, fake.RecordCount);
    }

    [Fact]
    public async Task A_rate_limit_is_transient_and_the_reply_goes_out_later()
    {
        var reset = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds().ToString();
        for (var i = 0; i < 3; i++)
            fake.CreateRefusals.Enqueue((429, "RateLimitExceeded", reset));
        var (_, replyId) = await AgentAnswers("Thanks for your patience.");
        var reply = await WaitForDelivery(replyId, DeliveryStatus.Sent);
        Assert.True(reply.DeliveryAttempts >= 2);
        Assert.Equal(1, fake.RecordCount);
    }

    [Fact]
    public async Task An_invalid_request_fails_at_once_with_the_reason()
    {
        fake.CreateRefusals.Enqueue((400, "InvalidRequest", null));
        var (_, replyId) = await AgentAnswers("Hello");
        var reply = await WaitForDelivery(replyId, DeliveryStatus.Failed);
        Assert.Equal(1, reply.DeliveryAttempts);
        Assert.Contains("400", reply.DeliveryError);
        Assert.Contains("InvalidRequest", reply.DeliveryError);
        Assert.Equal(0, fake.RecordCount);
    }

    [Fact]
    public async Task A_reply_to_a_deleted_post_fails_at_once_and_says_so()
    {
        var (_, replyId) = await AgentAnswers("Hi", deleteCustomerPost: true);
        var reply = await WaitForDelivery(replyId, DeliveryStatus.Failed);
        Assert.Equal(1, reply.DeliveryAttempts);
        Assert.Contains("deleted", reply.DeliveryError);
        Assert.Empty(fake.Requests("com.atproto.repo.createRecord"));
    }

    [Fact]
    public async Task A_reply_longer_than_a_post_allows_fails_at_once_with_a_readable_reason()
    {
        var (_, replyId) = await AgentAnswers(new string('a', 295));
        var reply = await WaitForDelivery(replyId, DeliveryStatus.Failed);
        Assert.Contains("limited to 300", reply.DeliveryError);
        Assert.Empty(fake.Requests("com.atproto.repo.createRecord"));
    }
}
