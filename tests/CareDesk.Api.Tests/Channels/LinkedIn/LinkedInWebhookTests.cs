using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareDesk.Api.Channels.LinkedIn;
using CareDesk.Api.Tests.Infrastructure;
using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Tests.Channels.LinkedIn;

public sealed class LinkedInWebhookTests : IAsyncLifetime
{
    private const string CommentUrn = "urn:li:comment:(urn:li:activity:7094637247890620418,7094977717598625792)";
    private const string PostUrn = "urn:li:activity:7094637247890620418";

    private CareDeskServer server = null!;
    private FakeLinkedIn linkedIn = null!;
    private LinkedInChannel channel = null!;

    public async Task InitializeAsync()
    {
        server = await CareDeskServer.StartAsync();
        linkedIn = await FakeLinkedIn.StartAsync();
        channel = await LinkedInChannel.CreateAsync(server, linkedIn.Server.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await linkedIn.DisposeAsync();
    }

    private static JsonObject Captured() => Fixture.Json("LinkedIn", "organization-social-action-notification.CAPTURED-SHAPE.json");

    /// <summary>The captured notification with another action, id and comment text.</summary>
    private static JsonObject Notification(string action, long notificationId, string? text = null, long? lastModifiedAt = null)
    {
        var payload = Captured();
        var notification = payload["notifications"]![0]!;
        notification["action"] = action;
        notification["notificationId"] = notificationId;
        if (text is not null)
            notification["decoratedGeneratedActivity"]!["comment"]!["text"] = text;
        if (lastModifiedAt is not null)
            notification["lastModifiedAt"] = lastModifiedAt;
        return payload;
    }

    [Fact]
    public async Task The_validation_challenge_is_answered_with_the_documented_hmac()
    {
        using var client = server.CreateClient();
        var vectors = Fixture.Json("LinkedIn", "signature-test-vectors.COMPUTED.json")["challenge"]!;
        var code = vectors["challengeCode"]!.GetValue<string>();

        var response = await client.GetAsync($"/api/webhooks/linkedin/{channel.Key}?challengeCode={code}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, answer.GetProperty("challengeCode").GetString());
        Assert.Equal(vectors["challengeResponse"]!.GetValue<string>(), answer.GetProperty("challengeResponse").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/webhooks/linkedin/{channel.Key}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/webhooks/linkedin/nope?challengeCode={code}")).StatusCode);
    }

    [Fact]
    public async Task A_comment_is_stored_under_its_comment_urn_with_the_looked_up_author_once()
    {
        var receipt = await channel.DeliverAsync(server, Captured());
        Assert.Equal(1, receipt.GetProperty("ingested").GetInt32());

        var mention = (await ConversationProbe.MentionAsync(server, channel.Id, CommentUrn))!;
        Assert.Equal("Commenting as a customer...", mention.Text);
        Assert.Equal(MentionKind.Comment, mention.MentionKind);
        Assert.Equal(DateTime.UnixEpoch.AddMilliseconds(1691574506310), mention.CreatedAt);
        Assert.Equal(PostUrn, mention.ParentPlatformId);
        Assert.Equal("https://www.linkedin.com/feed/update/urn:li:activity:7094637247890620418/?commentUrn=" + Uri.EscapeDataString(CommentUrn), mention.Permalink);
        var conversation = await ConversationProbe.ConversationOfAsync(server, channel.Id, CommentUrn);
        Assert.Equal(PostUrn, conversation.ThreadId);
        Assert.Equal(FakeLinkedIn.CustomerUrn, conversation.Contact.PlatformUserId);
        Assert.Equal("Jane Customer", conversation.Contact.Name);
        Assert.Equal("janecustomer", conversation.Contact.Handle);
        Assert.Equal(321, conversation.Contact.Followers);
        var lookup = Assert.Single(linkedIn.Requests("GET", "/rest/people/"));
        Assert.Equal("Bearer " + LinkedInChannel.AccessToken, lookup.Headers["Authorization"]);
        Assert.Equal(LinkedInConnector.DefaultApiVersion, lookup.Headers["LinkedIn-Version"]);

        var again = await channel.DeliverAsync(server, Captured());
        Assert.Equal(1, again.GetProperty("duplicates").GetInt32());
        Assert.Single(linkedIn.Requests("GET", "/rest/people/")); // A known author is not looked up again.
    }

    [Fact]
    public async Task A_failed_author_lookup_does_not_fail_ingest()
    {
        linkedIn.LookupFailures.Enqueue(500);
        linkedIn.LookupFailures.Enqueue(500);
        linkedIn.LookupFailures.Enqueue(500);

        var receipt = await channel.DeliverAsync(server, Captured());

        Assert.Equal(1, receipt.GetProperty("ingested").GetInt32());
        var conversation = await ConversationProbe.ConversationOfAsync(server, channel.Id, CommentUrn);
        Assert.Equal(FakeLinkedIn.CustomerUrn, conversation.Contact.Name);
        Assert.Equal(0, conversation.Contact.Followers);
    }

    [Fact]
    public async Task Edits_and_deletions_find_the_comment_whichever_urn_form_they_carry()
    {
        await channel.DeliverAsync(server, Captured());

        var edit = Notification("COMMENT_EDIT", 5603453322, "Commenting as a customer... still waiting!", 1691574600000);
        // Only the short form (generatedActivity) names the comment here.
        edit["notifications"]![0]!["decoratedGeneratedActivity"]!["comment"]!.AsObject().Remove("entity");
        Assert.Equal(1, (await channel.DeliverAsync(server, edit)).GetProperty("edited").GetInt32());
        var edited = (await ConversationProbe.MentionAsync(server, channel.Id, CommentUrn))!;
        Assert.Equal("Commenting as a customer... still waiting!", edited.Text);
        Assert.Equal("Commenting as a customer...", edited.OriginalText);

        var deletion = Notification("COMMENT_DELETE", 5603453323, lastModifiedAt: 1691574700000);
        Assert.Equal(1, (await channel.DeliverAsync(server, deletion)).GetProperty("deleted").GetInt32());
        Assert.Equal(DateTime.UnixEpoch.AddMilliseconds(1691574700000), (await ConversationProbe.MentionAsync(server, channel.Id, CommentUrn))!.DeletedAt);
        Assert.Equal(1, await server.WithDbAsync(db => db.Messages.CountAsync(m => m.ChannelId == Guid.Parse(channel.Id))));
    }

    [Fact]
    public async Task The_pages_own_comments_likes_and_other_types_are_skipped_with_reasons()
    {
        var payload = Captured();
        var notifications = payload["notifications"]!.AsArray();
        var adminComment = notifications[0]!.DeepClone();
        adminComment["action"] = "ADMIN_COMMENT";
        adminComment["notificationId"] = 2;
        var ownComment = notifications[0]!.DeepClone();
        ownComment["notificationId"] = 3;
        ownComment["decoratedGeneratedActivity"]!["comment"]!["owner"] = LinkedInChannel.OrganizationUrn;
        var like = notifications[0]!.DeepClone();
        like["action"] = "LIKE";
        like["notificationId"] = 4;
        notifications.Clear();
        notifications.Add(adminComment);
        notifications.Add(ownComment);
        notifications.Add(like);

        var receipt = await channel.DeliverAsync(server, payload);

        Assert.Equal(0, receipt.GetProperty("ingested").GetInt32());
        Assert.Equal(2, receipt.GetProperty("skippedReasons").GetProperty(LinkedInNotifications.OwnComment).GetInt32());
        Assert.Equal(1, receipt.GetProperty("skippedReasons").GetProperty("LIKE notification").GetInt32());
        Assert.Equal(0, await server.WithDbAsync(db => db.Messages.CountAsync(m => m.ChannelId == Guid.Parse(channel.Id))));
    }

    [Fact]
    public async Task A_share_mention_becomes_a_post_threaded_by_its_source_post()
    {
        // Composed: the captured envelope with the mentioning member's post as the source post.
        var payload = Notification("SHARE_MENTION", 5603453399);
        var notification = payload["notifications"]![0]!.AsObject();
        notification["sourcePost"] = "urn:li:share:7200000000000000001";
        notification["generatedActivity"] = "urn:li:share:7200000000000000001";
        notification["decoratedSourcePost"] = new JsonObject
        {
            ["owner"] = FakeLinkedIn.CustomerUrn, ["text"] = "Thanks @CareDesk for the quick fix!", ["entity"] = "urn:li:share:7200000000000000001", ["mediaCategory"] = "NONE",
        };
        notification.Remove("decoratedGeneratedActivity");

        Assert.Equal(1, (await channel.DeliverAsync(server, payload)).GetProperty("ingested").GetInt32());

        var mention = (await ConversationProbe.MentionAsync(server, channel.Id, "urn:li:share:7200000000000000001"))!;
        Assert.Equal(MentionKind.Post, mention.MentionKind);
        Assert.Equal("Thanks @CareDesk for the quick fix!", mention.Text);
        Assert.Equal("https://www.linkedin.com/feed/update/urn:li:share:7200000000000000001/", mention.Permalink);
        Assert.Equal("Jane Customer", (await ConversationProbe.ConversationOfAsync(server, channel.Id, "urn:li:share:7200000000000000001")).Contact.Name);
    }

    [Fact]
    public async Task A_batch_of_comments_on_one_post_is_handled_item_by_item_into_one_conversation()
    {
        var payload = Captured();
        var second = payload["notifications"]![0]!.DeepClone();
        second["notificationId"] = 5603453400;
        second["generatedActivity"] = "urn:li:comment:(activity:7094637247890620418,7094977717598625999)";
        second["decoratedGeneratedActivity"]!["comment"]!["entity"] = "urn:li:comment:(urn:li:activity:7094637247890620418,7094977717598625999)";
        second["decoratedGeneratedActivity"]!["comment"]!["text"] = "Anyone there?";
        payload["notifications"]!.AsArray().Add(second);

        var receipt = await channel.DeliverAsync(server, payload);

        Assert.Equal(2, receipt.GetProperty("ingested").GetInt32());
        var first = await ConversationProbe.ConversationOfAsync(server, channel.Id, CommentUrn);
        var next = await ConversationProbe.ConversationOfAsync(server, channel.Id, "urn:li:comment:(urn:li:activity:7094637247890620418,7094977717598625999)");
        Assert.Equal(first.Id, next.Id);
    }

    [Fact]
    public async Task A_delivery_signed_the_other_way_is_refused_and_the_channel_says_which_reading_matched()
    {
        var body = Encoding.UTF8.GetBytes(Captured().ToJsonString());
        var readingB = LinkedInSignature.Sign(body, LinkedInChannel.ClientSecret, SignatureReading.PrefixedHeader);

        var refused = await channel.PostRawAsync(server, body, readingB);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var lastError = await server.WithDbAsync(db => db.Channels.Where(c => c.Id == Guid.Parse(channel.Id)).Select(c => c.LastError).SingleAsync());
        Assert.Contains("Set signatureReading to prefixed-header", lastError);
        Assert.Null(await ConversationProbe.MentionAsync(server, channel.Id, CommentUrn));
        Assert.Equal(HttpStatusCode.Unauthorized, (await channel.PostRawAsync(server, body, "")).StatusCode);
    }

    [Theory]
    [InlineData("prefixed-header", SignatureReading.PrefixedHeader, HttpStatusCode.OK)]
    [InlineData("prefixed-header", SignatureReading.PrefixedBody, HttpStatusCode.Unauthorized)]
    [InlineData("either", SignatureReading.PrefixedHeader, HttpStatusCode.OK)]
    [InlineData("either", SignatureReading.PrefixedBody, HttpStatusCode.OK)]
    public async Task The_signature_reading_setting_decides_which_signatures_are_accepted(string setting, SignatureReading signedWith, HttpStatusCode expected)
    {
        var configured = await LinkedInChannel.CreateAsync(server, linkedIn.Server.BaseAddress, setting);
        var body = Encoding.UTF8.GetBytes(Captured().ToJsonString());

        var response = await configured.PostRawAsync(server, body, LinkedInSignature.Sign(body, LinkedInChannel.ClientSecret, signedWith));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_signature_reading_refuses_notifications_and_says_why()
    {
        var configured = await LinkedInChannel.CreateAsync(server, linkedIn.Server.BaseAddress, "base64");
        var response = await configured.PostRawAsync(server, Encoding.UTF8.GetBytes(Captured().ToJsonString()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var lastError = await server.WithDbAsync(db => db.Channels.Where(c => c.Id == Guid.Parse(configured.Id)).Select(c => c.LastError).SingleAsync());
        Assert.Contains("signatureReading", lastError);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"type":"ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS"}""")]
    [InlineData("""{"type":"ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS","notifications":[{"action":"COMMENT"}]}""")]
    [InlineData("""{"type":"ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS","notifications":[{"notificationId":1,"action":"COMMENT","decoratedGeneratedActivity":{"comment":{"text":"no owner"}}}]}""")]
    public async Task A_malformed_notification_is_rejected_with_400(string json)
    {
        var response = await channel.PostRawAsync(server, Encoding.UTF8.GetBytes(json));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Another_notification_type_is_acknowledged_and_counted()
    {
        var payload = Captured();
        payload["type"] = "LEAD_ACTION";
        var receipt = await channel.DeliverAsync(server, payload);
        Assert.Equal(1, receipt.GetProperty("skippedReasons").GetProperty("LEAD_ACTION notification").GetInt32());
        Assert.Equal(0, receipt.GetProperty("ingested").GetInt32());
    }
}
