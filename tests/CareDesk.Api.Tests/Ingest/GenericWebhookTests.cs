using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareDesk.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Tests.Ingest;

public sealed class GenericWebhookTests(DeskFixture desk) : IClassFixture<DeskFixture>
{
    private readonly CareDeskServer server = desk.Server;
    private readonly GenericChannel channel = desk.Channel;

    [Fact]
    public async Task A_mention_reaches_both_agents_live_and_is_stored_once()
    {
        await using var agent1 = await server.ConnectHubAsync(await server.LoginAsync(DemoAccounts.Agent));
        await using var agent2 = await server.ConnectHubAsync(await server.LoginAsync(DemoAccounts.Agent2));
        var inbox1 = new HubInbox(agent1);
        var inbox2 = new HubInbox(agent2);

        var response = await channel.PostAsync(server, GenericChannel.Mention("m-1", "My order arrived broken and nobody answers my emails!"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("duplicate").GetBoolean());
        var conversationId = body.GetProperty("conversationId").GetString();

        foreach (var inbox in new[] { inbox1, inbox2 })
        {
            var created = await inbox.WaitFor("ConversationCreated", p => p.GetProperty("id").GetString() == conversationId);
            Assert.True(created.GetProperty("sequence").GetInt64() > 0);
            Assert.Equal("negative", created.GetProperty("sentiment").GetProperty("label").GetString());
            var mention = await inbox.WaitFor("MentionReceived", p => p.GetProperty("conversationId").GetString() == conversationId);
            Assert.Equal("My order arrived broken and nobody answers my emails!", mention.GetProperty("message").GetProperty("text").GetString());
        }

        var again = await channel.PostAsync(server, GenericChannel.Mention("m-1", "My order arrived broken and nobody answers my emails!"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var duplicate = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(duplicate.GetProperty("duplicate").GetBoolean());
        Assert.Equal(body.GetProperty("mentionId").GetString(), duplicate.GetProperty("mentionId").GetString());
        Assert.Equal(1, await server.WithDbAsync(db => db.Messages.CountAsync(m => m.PlatformMessageId == "m-1")));
    }

    [Fact]
    public async Task Concurrent_retries_of_one_message_store_it_once()
    {
        var mention = GenericChannel.Mention("m-race", "Is the app down for everyone?", authorId: "racer");
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => channel.PostAsync(server, mention)));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK, r.StatusCode.ToString()));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Accepted);
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mentionId").GetString()));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await server.WithDbAsync(db => db.Messages.CountAsync(m => m.PlatformMessageId == "m-race")));
        Assert.Equal(1, await server.WithDbAsync(db => db.Contacts.CountAsync(c => c.PlatformUserId == "racer")));
    }

    [Fact]
    public async Task A_tampered_or_missing_signature_is_rejected_with_401()
    {
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(GenericChannel.Mention("m-sig", "hello")));
        var tampered = await channel.PostRawAsync(server, body, signature: "sha256=" + new string('0', 64));
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        Assert.Equal("application/problem+json", tampered.Content.Headers.ContentType?.MediaType);

        var missing = await channel.PostRawAsync(server, body, signature: "");
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(0, await server.WithDbAsync(db => db.Messages.CountAsync(m => m.PlatformMessageId == "m-sig")));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"id":"x","kind":"shout","text":"hi","author":{"id":"a"}}""")]
    [InlineData("""{"kind":"post","text":"no id","author":{"id":"a"}}""")]
    [InlineData("""{"id":"x2","kind":"post","text":"no author"}""")]
    public async Task A_malformed_body_is_rejected_with_400(string json)
    {
        var response = await channel.PostRawAsync(server, Encoding.UTF8.GetBytes(json));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_body_over_64_KiB_is_rejected_with_413()
    {
        var mention = GenericChannel.Mention("m-big", new string('a', 70 * 1024));
        var response = await channel.PostAsync(server, mention);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await server.WithDbAsync(db => db.Messages.CountAsync(m => m.PlatformMessageId == "m-big")));
    }
}
