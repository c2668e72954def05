using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareDesk.Api.Channels.Meta;
using CareDesk.Api.Tests.Infrastructure;
using CareDesk.Data.Entities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Tests.Channels.Meta;

public sealed class MetaWebhookTests : IAsyncLifetime
{
    private CareDeskServer server = null!;
    private FakePlatformServer graph = null!;
    private MetaChannel channel = null!;

    public async Task InitializeAsync()
    {
        graph = await FakePlatformServer.StartAsync((app, _) => app.MapGet("/{id}", (string id, HttpRequest request) =>
        {
            var fields = request.Query["fields"].ToString();
            if (fields.StartsWith("mentioned_comment.comment_id(17894227972186120)", StringComparison.Ordinal))
                return Results.Text(MetaChannel.FixtureText("instagram/mentioned_comment-lookup-response.doc.json"), "application/json");
            if (fields == "name,username,follower_count" && id == MetaChannel.Igsid)
                return Results.Json(new { name = "Ines Customer", username = "ines.c", follower_count = 5400, id });
            if (fields == "first_name,last_name")
                return Results.Json(new { first_name = "Mei", last_name = "Chen", id });
            return Results.Json(new { error = new { message = "User consent is required to access user profile", type = "OAuthException", code = 230 } }, statusCode: 400);
        }));
        server = await CareDeskServer.StartAsync();
        channel = await MetaChannel.CreateAsync(server, graph.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await graph.DisposeAsync();
    }

    private Task<Message> StoredAsync(string platformId) =>
        server.WithDbAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.PlatformMessageId == platformId));

    private Task<Conversation> ConversationOfAsync(string platformId) =>
        server.WithDbAsync(async db =>
        {
            var conversationId = await db.Messages.Where(m => m.PlatformMessageId == platformId).Select(m => m.ConversationId).SingleAsync();
            return await db.Conversations.AsNoTracking().Include(c => c.Contact).SingleAsync(c => c.Id == conversationId);
        });

    [Fact]
    public async Task The_handshake_echoes_the_challenge_only_for_subscribe_with_the_verify_token()
    {
        var documented = MetaChannel.FixtureText("verification-get-request.txt").Split('\n');
        var documentedQuery = new Uri(documented.Single(l => l.StartsWith("GET ", StringComparison.Ordinal))[4..].Trim()).Query;
        var expectedBody = documented.SkipWhile(l => !l.StartsWith("Content-Type: text/plain", StringComparison.Ordinal)).Skip(2).First().Trim();

        using var client = server.CreateClient();
        var ok = await client.GetAsync($"/api/webhooks/meta/{channel.Key}{documentedQuery}");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("text/plain", ok.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1158201444", expectedBody);
        Assert.Equal(expectedBody, await ok.Content.ReadAsStringAsync());

        foreach (var query in new[]
        {
            "hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=wrong",
            "hub.mode=unsubscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhock",
            "hub.mode=subscribe&hub.challenge=1158201444",
        })
        {
            var refused = await client.GetAsync($"/api/webhooks/meta/{channel.Key}?{query}");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/webhooks/meta/nope?hub.mode=subscribe&hub.challenge=1&hub.verify_token=meatyhamhock")).StatusCode);
    }

    [Fact]
    public async Task A_bad_signature_is_refused_with_401_and_recorded_on_the_channel()
    {
        var body = Encoding.UTF8.GetBytes(MetaChannel.Fixture("facebook-page/feed-comment-add.CAPTURED-SHAPE.json").ToJsonString());
        var response = await channel.PostRawAsync(server, body, signature: "sha256=" + new string('0', 64));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await server.WithDbAsync(db => db.Messages.CountAsync(m => m.PlatformMessageId == "150691160110528_150691260110518")));
        var stored = await server.WithDbAsync(db => db.Channels.AsNoTracking().SingleAsync(c => c.Id == Guid.Parse(channel.Id)));
        Assert.Equal("Rejected a webhook: bad signature", stored.LastError);
        Assert.NotNull(stored.LastErrorAt);
    }

    [Fact]
    public async Task The_signed_test_vector_body_is_accepted_as_sent_with_its_escaped_unicode()
    {
        var vector = JsonSerializer.Deserialize<JsonElement>(MetaChannel.FixtureText("signature-test-vectors.COMPUTED.json")).GetProperty("vectors")[1];
        var body = Encoding.UTF8.GetBytes(vector.GetProperty("raw_body").GetString()!);
        var signature = vector.GetProperty("X-Hub-Signature-256").GetString();

        // The vector's entry is the Page 123456789, not this channel's; the app secret is the vector's.
        var response = await channel.PostRawAsync(server, body, signature);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await StoredAsync("111_222");
        Assert.Equal("äöå 🙏", stored.Text);
        Assert.Equal("Jürgen", (await ConversationOfAsync("111_222")).Contact.Name);
    }

    [Fact]
    public async Task A_comment_opens_a_conversation_and_a_retry_is_a_duplicate()
    {
        var body = MetaChannel.Fixture("facebook-page/feed-comment-add.CAPTURED-SHAPE.json");
        var first = await channel.DeliverAsync(server, body);
        Assert.Equal(1, first.GetProperty("ingested").GetInt32());

        var comment = await StoredAsync("150691160110528_150691260110518");
        Assert.Equal("Is this available in blue?", comment.Text);
        Assert.Equal(MentionKind.Comment, comment.MentionKind);
        Assert.Equal(new DateTime(2020, 10, 28, 0, 46, 10, DateTimeKind.Utc), comment.CreatedAt);
        Assert.Equal("100473908465587_150691160110528", comment.ParentPlatformId);
        Assert.Equal("https://www.facebook.com/examplepage/posts/150691160110528", comment.Permalink);
        var conversation = await ConversationOfAsync(comment.PlatformMessageId!);
        Assert.Equal("fb-comment:150691160110528_150691260110518", conversation.ThreadId);
        Assert.Equal("3844961895548656", conversation.Contact.PlatformUserId);
        Assert.Equal("Jane Customer", conversation.Contact.Name);
        Assert.Null(conversation.ReplyWindowClosesAt);

        var again = await channel.DeliverAsync(server, body);
        Assert.Equal(0, again.GetProperty("ingested").GetInt32());
        Assert.Equal(1, again.GetProperty("duplicates").GetInt32());

        var reply = await channel.DeliverAsync(server, MetaChannel.Fixture("facebook-page/feed-comment-reply-to-comment-add.CAPTURED-SHAPE.json"));
        Assert.Equal(1, reply.GetProperty("ingested").GetInt32());
        var followUp = await StoredAsync("150691160110528_150691323443845");
        Assert.Equal("Following up on my question above ❤️", followUp.Text);
        Assert.Equal(comment.PlatformMessageId, followUp.ParentPlatformId);
        Assert.Equal(conversation.Id, followUp.ConversationId);
    }

    [Fact]
    public async Task An_edited_comment_keeps_its_original_and_a_removed_one_is_marked_deleted()
    {
        await channel.DeliverAsync(server, MetaChannel.Fixture("facebook-page/feed-comment-add.CAPTURED-SHAPE.json"));

        var edited = await channel.DeliverAsync(server, MetaChannel.Fixture("facebook-page/feed-comment-edited.GUESS.json"));
        Assert.Equal(1, edited.GetProperty("edited").GetInt32());
        var comment = await StoredAsync("150691160110528_150691260110518");
        Assert.Equal("Is this available in green?", comment.Text);
        Assert.Equal("Is this available in blue?", comment.OriginalText);

        var removed = await channel.DeliverAsync(server, MetaChannel.Fixture("facebook-page/feed-comment-remove.GUESS.json"));
        Assert.Equal(1, removed.GetProperty("deleted").GetInt32());
        Assert.NotNull((await StoredAsync("150691160110528_150691260110518")).DeletedAt);
    }

    [Fact]
    public async Task A_comment_the_Page_hides_is_marked_deleted_and_unknown_removals_are_counted_as_skipped()
    {
        var unknown = await channel.DeliverAsync(server, MetaChannel.Fixture("facebook-page/feed-comment-hide.CAPTURED-SHAPE.json"));
        Assert.Equal(1, unknown.GetProperty("skipped").GetInt32());
        Assert.Contains("never stored", unknown.GetProperty("skips")[0].GetString());

        await channel.DeliverAsync(server, MetaChannel.Fixture("facebook-page/feed-comment-add.CAPTURED-SHAPE.json"));
        var hide = MetaChannel.Fixture("facebook-page/feed-comment-hide.CAPTURED-SHAPE.json");
        hide["entry"]![0]!["changes"]![0]!["value"]!["comment_id"] = "150691160110528_150691260110518";
        var hidden = await channel.DeliverAsync(server, hide);
        Assert.Equal(1, hidden.GetProperty("deleted").GetInt32());
        Assert.NotNull((await StoredAsync("150691160110528_150691260110518")).DeletedAt);

        var postRemoved = await channel.DeliverAsync(server, MetaChannel.Fixture("facebook-page/feed-post-remove.CAPTURED-SHAPE.json"));
        Assert.Equal(1, postRemoved.GetProperty("skipped").GetInt32());
    }

    [Fact]
    public async Task A_photo_comment_without_text_shows_the_photo()
    {
        await channel.DeliverAsync(server, MetaChannel.Fixture("facebook-page/feed-comment-with-photo-add.CAPTURED-SHAPE.json"));
        var comment = await StoredAsync("122141721440024251_657063669920574");
        Assert.Equal("[photo] https://scontent.example.fbcdn.net/v/t39.30808-6/example_n.jpg", comment.Text);
        Assert.Equal("Sam Shopper", (await ConversationOfAsync(comment.PlatformMessageId!)).Contact.Name);
    }

    [Fact]
    public async Task A_visitor_post_is_a_post_mention_and_the_Pages_own_posts_and_comments_are_skipped()
    {
        var result = await channel.DeliverAsync(server, MetaChannel.Fixture("facebook-page/feed-post-add.doc.json"));
        Assert.Equal(1, result.GetProperty("ingested").GetInt32());
        var post = await StoredAsync($"{MetaChannel.PageId}_555000111");
        Assert.Equal(MentionKind.Post, post.MentionKind);
        Assert.Equal("It's Thursday and I want to eat cake.", post.Text);
        Assert.Equal($"https://www.facebook.com/{MetaChannel.PageId}_555000111", post.Permalink);
        Assert.Equal($"fb-post:{MetaChannel.PageId}_555000111", (await ConversationOfAsync(post.PlatformMessageId!)).ThreadId);

        var own = MetaChannel.Fixture("facebook-page/feed-comment-add.CAPTURED-SHAPE.json");
        own["entry"]![0]!["changes"]![0]!["value"]!["from"]!["id"] = MetaChannel.PageId;
        var skipped = await channel.DeliverAsync(server, own);
        Assert.Equal(0, skipped.GetProperty("ingested").GetInt32());
        Assert.Equal(1, skipped.GetProperty("skipped").GetInt32());
        Assert.Contains("our own Page", skipped.GetProperty("skips")[0].GetString());
    }

    [Fact]
    public async Task A_batch_is_handled_item_by_item()
    {
        var result = await channel.DeliverAsync(server, MetaChannel.Fixture("facebook-page/feed-batched-two-entries-two-changes.COMPOSED.json"));

        Assert.Equal(2, result.GetProperty("ingested").GetInt32());
        Assert.Equal(1, result.GetProperty("skipped").GetInt32());
        Assert.Contains("reaction", result.GetProperty("skips")[0].GetString());
        Assert.Equal("First", (await StoredAsync("150691160110528_150691260110518")).Text);
        Assert.Equal("Second page", (await StoredAsync("250691160110529_250691260110519")).Text);
    }

    [Fact]
    public async Task A_Messenger_message_is_a_direct_conversation_with_the_senders_profile_name()
    {
        var result = await channel.DeliverAsync(server, MetaChannel.Fixture("messenger/messages-text.CAPTURED-SHAPE.json"));
        Assert.Equal(1, result.GetProperty("ingested").GetInt32());

        var mid = "m_EYIjld_07gZyN02MY6vztOXzGkvslWQkbqadVHtQ-MRw2PakktSufK_6Pz_0PTnbOC72fWaxZLT-IC7sPF7etg";
        var message = await StoredAsync(mid);
        Assert.Equal("测试私信", message.Text);
        Assert.Equal(MentionKind.Direct, message.MentionKind);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1701427704837).UtcDateTime, message.CreatedAt);
        var conversation = await ConversationOfAsync(mid);
        Assert.Equal("messenger:6780462125377510", conversation.ThreadId);
        Assert.Equal("Mei Chen", conversation.Contact.Name);
        Assert.Equal(message.CreatedAt.AddHours(24), conversation.ReplyWindowClosesAt);
    }

    [Fact]
    public async Task Messenger_edits_attachments_and_receipts_are_handled_and_echoes_skipped()
    {
        await channel.DeliverAsync(server, MetaChannel.Fixture("messenger/messages-text.doc.json"));
        Assert.Equal("hello, world!", (await StoredAsync("mid.1457764197618:41d102a3e1ae206a38")).Text);

        var edit = MetaChannel.Fixture("messenger/message_edits.doc-event.json");
        edit["entry"]![0]!["messaging"]![0]!["message_edit"]!["mid"] = "mid.1457764197618:41d102a3e1ae206a38";
        Assert.Equal(1, (await channel.DeliverAsync(server, edit)).GetProperty("edited").GetInt32());
        var edited = await StoredAsync("mid.1457764197618:41d102a3e1ae206a38");
        Assert.Equal("hello again, world!", edited.Text);
        Assert.Equal("hello, world!", edited.OriginalText);

        await channel.DeliverAsync(server, MetaChannel.Fixture("messenger/messages-attachment.doc-entry.json"));
        Assert.Equal("[image] https://cdn.example.com/image.jpg", (await StoredAsync("mid.$cAAJdkrCd2ORnva8ErFhjGm0X_Q_c")).Text);

        foreach (var (file, reason) in new[]
        {
            ("messenger/message_echoes.doc-event.json", "echo of our own Messenger message"),
            ("messenger/message_deliveries.doc-event.json", "Messenger delivery receipt"),
            ("messenger/message_reads.doc-event.json", "Messenger read receipt"),
            ("messenger/message_reactions.doc-event.json", "Messenger reaction"),
        })
        {
            var skipped = await channel.DeliverAsync(server, MetaChannel.Fixture(file));
            Assert.Equal(0, skipped.GetProperty("ingested").GetInt32());
            Assert.Equal(reason, skipped.GetProperty("skips")[0].GetString());
        }
        Assert.Equal(0, await server.WithDbAsync(db => db.Messages.CountAsync(m => m.PlatformMessageId == "mid.1457764197618:41d102a3e1ae206a38" && m.Kind != MessageKind.Mention)));
    }

    [Fact]
    public async Task An_Instagram_comment_takes_the_follower_count_from_the_profile_when_it_can()
    {
        var withProfile = MetaChannel.Fixture("instagram/comments.CAPTURED-SHAPE.json");
        withProfile["entry"]![0]!["changes"]![0]!["value"]!["from"]!["id"] = MetaChannel.Igsid;
        await channel.DeliverAsync(server, withProfile);
        var comment = await StoredAsync("17919697626119712");
        Assert.Equal("Do you ship to Canada? 🇨🇦", comment.Text);
        Assert.Equal("18172143295349192", comment.ParentPlatformId);
        var conversation = await ConversationOfAsync("17919697626119712");
        Assert.Equal("ig-comment:17919697626119712", conversation.ThreadId);
        // The payload's username wins; the profile adds the name and follower count.
        Assert.Equal(("jane.customer", "Ines Customer", 5400), (conversation.Contact.Handle, conversation.Contact.Name, conversation.Contact.Followers));

        // The profile API refuses users who never messaged the account: the comment is stored all the same.
        var docComment = MetaChannel.Fixture("instagram/comments.fb-login.doc-normalized.json");
        Assert.Equal(1, (await channel.DeliverAsync(server, docComment)).GetProperty("ingested").GetInt32());
        var reply = await ConversationOfAsync("<COMMENT_ID>");
        Assert.Equal(("<INSTAGRAM_USER_USERNAME>", 0), (reply.Contact.Handle, reply.Contact.Followers));
        Assert.Equal("ig-comment:<PARENT_COMMENT_ID>", reply.ThreadId);
    }

    [Fact]
    public async Task An_Instagram_comment_mention_is_fetched_and_a_failed_fetch_asks_Meta_to_retry()
    {
        var result = await channel.DeliverAsync(server, MetaChannel.Fixture("instagram/mentions-comment.doc.json", "instagram"));
        Assert.Equal(1, result.GetProperty("ingested").GetInt32());
        var mention = await StoredAsync("17894227972186120");
        Assert.Equal("@bluebottle challenge?", mention.Text);
        Assert.Equal(new DateTime(2018, 3, 20, 0, 5, 29, DateTimeKind.Utc), mention.CreatedAt);
        Assert.Equal("ig-mention:17918195224117851/17894227972186120", (await ConversationOfAsync("17894227972186120")).ThreadId);
        Assert.Contains(graph.Requests, r => r.Path == $"/{MetaChannel.InstagramAccountId}"
            && r.Query.Contains("appsecret_proof=" + MetaGraphClient.AppSecretProof(MetaChannel.PageAccessToken, MetaChannel.AppSecret)));

        var caption = await channel.PostAsync(server, MetaChannel.Fixture("instagram/mentions-caption.doc.json"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, caption.StatusCode);
        Assert.Equal("application/problem+json", caption.Content.Headers.ContentType?.MediaType);
        var lastError = await server.WithDbAsync(db => db.Channels.Where(c => c.Id == Guid.Parse(channel.Id)).Select(c => c.LastError).SingleAsync());
        Assert.Contains("Could not fetch the Instagram @mention 17918195224117851", lastError);
    }

    [Fact]
    public async Task Instagram_messages_their_edits_and_deletions_are_handled_and_echoes_and_reactions_skipped()
    {
        var result = await channel.DeliverAsync(server, MetaChannel.Fixture("instagram/messaging-message.doc-normalized.json"));
        Assert.Equal(1, result.GetProperty("ingested").GetInt32());
        var message = await StoredAsync(MetaChannel.InstagramMid);
        Assert.Equal("Where is my parcel?", message.Text);
        var conversation = await ConversationOfAsync(MetaChannel.InstagramMid);
        Assert.Equal($"ig-direct:{MetaChannel.Igsid}", conversation.ThreadId);
        Assert.Equal(5400, conversation.Contact.Followers);

        Assert.Equal(1, (await channel.DeliverAsync(server, MetaChannel.Fixture("instagram/messaging-message_edit.doc-normalized.json"))).GetProperty("edited").GetInt32());
        Assert.Equal("Where is my parcel? Order 1234", (await StoredAsync(MetaChannel.InstagramMid)).Text);

        foreach (var file in new[] { "instagram/messaging-message-echo.doc-normalized.json", "instagram/messaging-message_reactions.doc.json", "instagram/story_insights.doc.json" })
            Assert.Equal(1, (await channel.DeliverAsync(server, MetaChannel.Fixture(file))).GetProperty("skipped").GetInt32());

        Assert.Equal(1, (await channel.DeliverAsync(server, MetaChannel.Fixture("instagram/messaging-message-deleted.doc-normalized.json"))).GetProperty("deleted").GetInt32());
        Assert.NotNull((await StoredAsync(MetaChannel.InstagramMid)).DeletedAt);
    }

    [Fact]
    public async Task A_body_that_is_not_a_webhook_envelope_is_refused_with_400()
    {
        foreach (var json in new[] { "{not json", "[1,2]", """{"object":"page","entry":[{"id":"1","changes":[{"field":"feed","value":"text"}]}]}""" })
        {
            var response = await channel.PostRawAsync(server, Encoding.UTF8.GetBytes(json));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task The_conversation_summary_shows_when_the_reply_window_closes()
    {
        var sent = DateTimeOffset.UtcNow.AddHours(-2);
        await channel.DeliverAsync(server, MetaChannel.At(MetaChannel.Fixture("instagram/messaging-message.doc-normalized.json"), TimeSpan.FromHours(2)));
        var conversation = await ConversationOfAsync(MetaChannel.InstagramMid);

        using var agent = await server.ClientForAsync(DemoAccounts.Supervisor);
        var summary = await agent.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation.Id}");
        var closes = summary.GetProperty("replyWindowClosesAt").GetDateTime();
        Assert.InRange(closes, sent.AddHours(24).UtcDateTime.AddSeconds(-5), sent.AddHours(24).UtcDateTime.AddSeconds(5));
    }
}
