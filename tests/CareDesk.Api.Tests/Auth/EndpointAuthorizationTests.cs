using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareDesk.Api.Channels;
using CareDesk.Api.Tests.Infrastructure;
using CareDesk.Data.Entities;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareDesk.Api.Tests.Auth;

/// <summary>A desk with a token for every demo role and a flagged lead to act on.</summary>
public sealed class RolesDeskFixture : DeskFixture
{
    public Dictionary<string, string> Tokens { get; } = [];

    public string LeadId { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var email in new[] { DemoAccounts.Agent, DemoAccounts.Supervisor, DemoAccounts.Sales, DemoAccounts.Admin })
            Tokens[email] = await Server.LoginAsync(email);
        await Channel.IngestAsync(Server, GenericChannel.Mention("lead-1", "We're evaluating vendors for 40 seats, can we get a quote and a demo?", authorId: "buyer"));
        LeadId = (await Server.WithDbAsync(db => db.Leads.SingleAsync())).Id.ToString();
    }
}

/// <summary>Every endpoint of Features/Endpoints.cs, with every demo role and without a token.</summary>
public sealed class EndpointAuthorizationTests(RolesDeskFixture desk) : IClassFixture<RolesDeskFixture>
{
    private const string Anonymous = "anonymous";
    private static readonly string[] Callers = [Anonymous, DemoAccounts.Agent, DemoAccounts.Supervisor, DemoAccounts.Sales, DemoAccounts.Admin];

    private static readonly (string Endpoint, int[] Expected)[] Table =
    [
        //                                                       anonymous agent supervisor sales admin
        ("GET /health/live",                                    [200, 200, 200, 200, 200]),
        ("GET /health/ready",                                   [200, 200, 200, 200, 200]),
        ("POST /api/auth/login",                                [200, 200, 200, 200, 200]),
        ("GET /api/me",                                         [401, 200, 200, 200, 200]),
        ("POST /api/channels",                                  [401, 403, 403, 403, 201]),
        ("GET /api/channels",                                   [401, 403, 403, 403, 200]),
        ("POST /api/webhooks/generic/{channelKey}",             [202, 202, 202, 202, 202]),
        ("POST /api/analysis",                                  [401, 200, 200, 200, 200]),
        ("POST /api/analysis/batch",                            [401, 200, 200, 200, 200]),
        ("GET /api/conversations",                              [401, 200, 200, 403, 403]),
        ("GET /api/conversations/{id}",                         [401, 200, 200, 403, 403]),
        ("POST /api/conversations/{id}/claim",                  [401, 200, 200, 403, 403]),
        ("POST /api/conversations/{id}/release",                [401, 200, 200, 403, 403]),
        ("POST /api/conversations/{id}/assign",                 [401, 403, 200, 403, 403]),
        ("POST /api/conversations/{id}/replies",                [401, 202, 202, 403, 403]),
        ("POST /api/conversations/{id}/replies/{replyId}/retry", [401, 202, 202, 403, 403]),
        ("POST /api/conversations/{id}/notes",                  [401, 201, 201, 403, 403]),
        ("POST /api/conversations/{id}/resolve",                [401, 200, 200, 403, 403]),
        ("GET /api/contacts/{id}/conversations",                [401, 200, 200, 403, 403]),
        ("GET /api/metrics/queues",                             [401, 403, 200, 403, 403]),
        ("GET /api/reports/outcomes",                           [401, 403, 200, 403, 403]),
        ("GET /api/leads",                                      [401, 403, 200, 200, 403]),
        ("POST /api/leads/{id}/status",                         [401, 403, 200, 200, 403]),
        ("GET /api/events",                                     [401, 200, 200, 200, 200]),
        ("GET /api/channel-types",                              [401, 403, 403, 403, 200]),
        ("GET /api/channels/health",                            [401, 403, 200, 403, 200]),
        ("GET /api/queues",                                     [401, 200, 200, 200, 200]),
        ("POST /api/queues",                                    [401, 403, 201, 403, 201]),
        ("PUT /api/queues/{id}",                                [401, 403, 200, 403, 200]),
        ("DELETE /api/queues/{id}",                             [401, 403, 403, 403, 204]),
        ("GET /api/routing-rules",                              [401, 403, 200, 403, 200]),
        ("POST /api/routing-rules",                             [401, 403, 201, 403, 201]),
        ("PUT /api/routing-rules/{id}",                         [401, 403, 200, 403, 200]),
        ("DELETE /api/routing-rules/{id}",                      [401, 403, 204, 403, 204]),
        ("POST /api/routing-rules/order",                       [401, 403, 200, 403, 200]),
        ("GET /api/canned-responses",                           [401, 200, 200, 200, 200]),
        ("POST /api/canned-responses",                          [401, 403, 201, 403, 201]),
        ("PUT /api/canned-responses/{id}",                      [401, 403, 200, 403, 200]),
        ("DELETE /api/canned-responses/{id}",                   [401, 403, 204, 403, 204]),
        ("GET /api/users",                                      [401, 403, 200, 403, 200]),
        ("POST /api/users",                                     [401, 403, 403, 403, 201]),
        ("PUT /api/users/{id}/roles",                           [401, 403, 403, 403, 200]),
        ("PUT /api/users/{id}/queues",                          [401, 403, 200, 403, 200]),
        // Platform webhooks take no token: what decides is the channel key and the platform's own signature.
        ("GET /api/webhooks/meta/{channelKey}",                 [404, 404, 404, 404, 404]),
        ("POST /api/webhooks/meta/{channelKey}",                [404, 404, 404, 404, 404]),
        ("GET /api/webhooks/x/{channelKey}",                    [404, 404, 404, 404, 404]),
        ("POST /api/webhooks/x/{channelKey}",                   [404, 404, 404, 404, 404]),
        ("GET /api/webhooks/linkedin/{channelKey}",             [404, 404, 404, 404, 404]),
        ("POST /api/webhooks/linkedin/{channelKey}",            [404, 404, 404, 404, 404]),
    ];

    public static TheoryData<string, string, int> Cases()
    {
        var cases = new TheoryData<string, string, int>();
        foreach (var (endpoint, expected) in Table)
        {
            for (var i = 0; i < Callers.Length; i++)
                cases.Add(endpoint, Callers[i], expected[i]);
        }
        return cases;
    }

    private readonly CareDeskServer server = desk.Server;

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Answers_each_caller_as_its_role_allows(string endpoint, string caller, int expected)
    {
        using var request = await Request(endpoint);
        using var client = server.CreateClient(caller == Anonymous ? null : desk.Tokens[caller]);
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expected, $"{endpoint} as {caller}: expected {expected}, got {(int)response.StatusCode} {body}");
        if (expected is 401 or 403 && response.Content.Headers.ContentLength > 0)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void The_table_covers_every_api_endpoint_the_desk_maps()
    {
        var mapped = server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/"))
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods
                .Select(method => $"{method} {System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!, ":[a-z]+}", "}")}"))
            .Order()
            .ToList();
        Assert.Equal(mapped, Table.Select(t => t.Endpoint).Where(e => e.Contains(" /api/")).Order().ToList());
    }

    private async Task<HttpRequestMessage> Request(string endpoint)
    {
        var (method, path) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]);
        object? body = null;
        switch (endpoint)
        {
            case "POST /api/auth/login":
                body = new { email = DemoAccounts.Agent, password = "Demo!pass1" };
                break;
            case "POST /api/channels":
                body = new { type = "generic", name = $"Role test {Guid.NewGuid():N}" };
                break;
            case "POST /api/webhooks/generic/{channelKey}":
                var mention = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(GenericChannel.Mention($"role-{Guid.NewGuid():N}", "Hello there")));
                var webhook = new HttpRequestMessage(HttpMethod.Post, path.Replace("{channelKey}", desk.Channel.Key)) { Content = new ByteArrayContent(mention) };
                webhook.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                webhook.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(mention, desk.Channel.Secret));
                return webhook;
            case "POST /api/analysis":
                body = new { text = "Love the new app!" };
                break;
            case "POST /api/analysis/batch":
                body = new { texts = new[] { "Love it", "Hate it" } };
                break;
            case "POST /api/conversations/{id}/assign":
                body = new { agentId = await server.UserIdAsync(DemoAccounts.Agent2) };
                break;
            case "POST /api/conversations/{id}/replies" or "POST /api/conversations/{id}/notes":
                body = new { text = "Thanks for reaching out." };
                break;
            case "POST /api/conversations/{id}/resolve":
                body = new { outcome = "answered" };
                break;
            case "POST /api/leads/{id}/status":
                path = path.Replace("{id}", desk.LeadId);
                body = new { status = "contacted" };
                break;
            case "GET /api/reports/outcomes":
                path += "?groupBy=agent";
                break;
            case "GET /api/events":
                path += "?after=0";
                break;
            case "POST /api/queues":
                body = new { name = $"Queue {Guid.NewGuid():N}", firstResponseMinutes = 30, autoAssign = "none" };
                break;
            case "PUT /api/queues/{id}" or "DELETE /api/queues/{id}":
                path = path.Replace("{id}", await Created("/api/queues", new { name = $"Queue {Guid.NewGuid():N}", firstResponseMinutes = 30, autoAssign = "none" }));
                body = method == "PUT" ? new { name = $"Renamed {Guid.NewGuid():N}", firstResponseMinutes = 45, autoAssign = "none" } : null;
                break;
            case "POST /api/routing-rules":
                body = await RuleBody();
                break;
            case "PUT /api/routing-rules/{id}" or "DELETE /api/routing-rules/{id}":
                path = path.Replace("{id}", await Created("/api/routing-rules", await RuleBody()));
                body = method == "PUT" ? await RuleBody() : null;
                break;
            case "POST /api/routing-rules/order":
                body = new { ids = (await AsAdmin<JsonElement>("/api/routing-rules")).EnumerateArray().Select(r => r.GetProperty("id").GetString()).Reverse().ToArray() };
                break;
            case "POST /api/canned-responses":
                body = CannedBody();
                break;
            case "PUT /api/canned-responses/{id}" or "DELETE /api/canned-responses/{id}":
                path = path.Replace("{id}", await Created("/api/canned-responses", CannedBody()));
                body = method == "PUT" ? CannedBody() : null;
                break;
            case "POST /api/users":
                body = UserBody();
                break;
            case "PUT /api/users/{id}/roles":
                path = path.Replace("{id}", await Created("/api/users", UserBody()));
                body = new { roles = new[] { "Agent", "Sales" } };
                break;
            case "PUT /api/users/{id}/queues":
                path = path.Replace("{id}", await Created("/api/users", UserBody()));
                body = new { queueIds = new[] { (await AsAdmin<JsonElement>("/api/queues"))[0].GetProperty("id").GetString() } };
                break;
        }
        if (path.StartsWith("/api/webhooks/") && path.EndsWith("{channelKey}"))
            path = path.Replace("{channelKey}", "no-such-channel");

        if (path.StartsWith("/api/conversations/{id}"))
        {
            var conversationId = await NewConversation();
            if (path.Contains("{replyId}"))
                path = path.Replace("{replyId}", await FailedReply(conversationId));
            path = path.Replace("{id}", conversationId);
        }
        if (path.StartsWith("/api/contacts/{id}"))
        {
            var conversationId = Guid.Parse(await NewConversation());
            path = path.Replace("{id}", (await server.WithDbAsync(db => db.Conversations.Where(c => c.Id == conversationId).Select(c => c.ContactId).SingleAsync())).ToString());
        }

        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        return request;
    }

    private async Task<T> AsAdmin<T>(string path)
    {
        using var admin = server.CreateClient(desk.Tokens[DemoAccounts.Admin]);
        return (await admin.GetFromJsonAsync<T>(path))!;
    }

    /// <summary>Creates something as the admin, for an endpoint that changes or deletes it.</summary>
    private async Task<string> Created(string path, object body)
    {
        using var admin = server.CreateClient(desk.Tokens[DemoAccounts.Admin]);
        var created = await HttpAssert.Json(await admin.PostJson(path, body), HttpStatusCode.Created);
        return created.GetProperty("id").GetString()!;
    }

    private async Task<object> RuleBody() => new
    {
        name = $"Rule {Guid.NewGuid():N}",
        keywords = new[] { "refund" },
        queueId = (await AsAdmin<JsonElement>("/api/queues"))[0].GetProperty("id").GetString(),
        priority = "high",
    };

    private static object CannedBody() => new { shortcut = $"c{Guid.NewGuid():N}"[..20], title = "Hello", text = "Hello there!" };

    private static object UserBody() => new
    {
        name = "New Agent", email = $"new-{Guid.NewGuid():N}@example.test", password = "Agent!pass1", roles = new[] { "Agent" },
    };

    private Task<string> NewConversation() =>
        desk.Channel.IngestAsync(server, GenericChannel.Mention($"m-{Guid.NewGuid():N}", "Do you deliver on Saturdays?", authorId: $"cust-{Guid.NewGuid():N}"));

    /// <summary>A reply the agent sent on the receive-only channel: it fails at once, so it can be retried.</summary>
    private async Task<string> FailedReply(string conversationId)
    {
        using var agent = server.CreateClient(desk.Tokens[DemoAccounts.Agent]);
        var accepted = await HttpAssert.Json(await agent.PostJson($"/api/conversations/{conversationId}/replies", new { text = "Hello" }), HttpStatusCode.Accepted);
        var replyId = accepted.GetProperty("replyId").GetString()!;
        // The agent now holds it; a supervisor's retry must still be allowed, so give it back to the queue.
        await HttpAssert.Json(await agent.PostEmptyAsync($"/api/conversations/{conversationId}/release"), HttpStatusCode.OK);
        await Eventually.Get(
            () => server.WithDbAsync(db => db.Messages.Where(m => m.Id == Guid.Parse(replyId)).Select(m => m.DeliveryStatus).SingleAsync()),
            status => status == DeliveryStatus.Failed);
        return replyId;
    }

    [Fact]
    public async Task In_the_hub_an_agent_may_view_a_conversation_but_sales_and_admin_may_not()
    {
        var conversationId = Guid.Parse(await NewConversation());
        await using var agent = await server.ConnectHubAsync(desk.Tokens[DemoAccounts.Agent]);
        await agent.InvokeAsync("ViewConversation", conversationId);
        await agent.InvokeAsync("Typing", conversationId, true);
        await agent.InvokeAsync("LeaveConversation", conversationId);

        foreach (var email in new[] { DemoAccounts.Sales, DemoAccounts.Admin })
        {
            await using var other = await server.ConnectHubAsync(desk.Tokens[email]);
            var refused = await Assert.ThrowsAsync<HubException>(() => other.InvokeAsync("ViewConversation", conversationId));
            Assert.Contains("unauthorized", refused.Message, StringComparison.OrdinalIgnoreCase);
            await Assert.ThrowsAsync<HubException>(() => other.InvokeAsync("Typing", conversationId, true));
        }
        Assert.False(await server.WithDbAsync(db => db.HubConnections.AnyAsync(c => c.ViewingConversationId == conversationId)));
    }

    [Fact]
    public async Task The_hub_refuses_a_connection_without_a_valid_token()
    {
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => server.ConnectHubAsync(""));
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => server.ConnectHubAsync(desk.Tokens[DemoAccounts.Agent] + "x"));
    }
}
