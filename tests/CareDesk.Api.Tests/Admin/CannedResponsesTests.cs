using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareDesk.Api.Tests.Infrastructure;

namespace CareDesk.Api.Tests.Admin;

public sealed class CannedResponsesTests : IAsyncLifetime
{
    private CareDeskServer server = null!;
    private HttpClient supervisor = null!;

    public async Task InitializeAsync()
    {
        server = await CareDeskServer.StartAsync();
        supervisor = await server.ClientForAsync(DemoAccounts.Supervisor);
    }

    public async Task DisposeAsync()
    {
        supervisor.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task A_canned_response_round_trips_and_every_role_reads_the_list_by_shortcut()
    {
        var created = await supervisor.PostAsJsonAsync("/api/canned-responses",
            new { shortcut = "refund_2-days", title = "Refund timing", text = "Refunds reach your account within two working days." });
        var response = await AdminAssert.Json(created, HttpStatusCode.Created);
        var id = response.GetProperty("id").GetString()!;
        Assert.Equal($"/api/canned-responses/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("refund_2-days", response.GetProperty("shortcut").GetString());
        Assert.Equal("Refund timing", response.GetProperty("title").GetString());

        foreach (var email in new[] { DemoAccounts.Agent, DemoAccounts.Sales, DemoAccounts.Admin })
        {
            using var client = await server.ClientForAsync(email);
            var shortcuts = (await ListAsync(client)).Select(r => r.GetProperty("shortcut").GetString()!).ToArray();
            Assert.Contains("refund_2-days", shortcuts);
            Assert.Equal(shortcuts.Order(StringComparer.Ordinal), shortcuts);
        }

        var updated = await AdminAssert.Json(await supervisor.PutAsJsonAsync($"/api/canned-responses/{id}",
            new { shortcut = "refund", title = "Refunds", text = "Refunds take two working days." }), HttpStatusCode.OK);
        Assert.Equal("refund", updated.GetProperty("shortcut").GetString());
        var stored = (await ListAsync(supervisor)).Single(r => r.GetProperty("id").GetString() == id);
        Assert.Equal("Refunds take two working days.", stored.GetProperty("text").GetString());

        using var admin = await server.ClientForAsync(DemoAccounts.Admin);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/canned-responses/{id}")).StatusCode);
        Assert.DoesNotContain(await ListAsync(supervisor), r => r.GetProperty("id").GetString() == id);
        await AdminAssert.Problem(await supervisor.DeleteAsync($"/api/canned-responses/{id}"), HttpStatusCode.NotFound);
        await AdminAssert.Problem(await supervisor.PutAsJsonAsync($"/api/canned-responses/{id}",
            new { shortcut = "gone", title = "Gone", text = "Gone" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_shortcut_in_use_is_a_409_but_a_response_may_keep_its_own()
    {
        await AdminAssert.Problem(await supervisor.PostAsJsonAsync("/api/canned-responses",
            new { shortcut = "thanks", title = "Another thanks", text = "Cheers!" }), HttpStatusCode.Conflict);

        var mine = await AdminAssert.Json(await supervisor.PostAsJsonAsync("/api/canned-responses",
            new { shortcut = "cheers", title = "Cheers", text = "Cheers!" }), HttpStatusCode.Created);
        var id = mine.GetProperty("id").GetString();
        await AdminAssert.Problem(await supervisor.PutAsJsonAsync($"/api/canned-responses/{id}",
            new { shortcut = "sorry", title = "Cheers", text = "Cheers!" }), HttpStatusCode.Conflict);
        await AdminAssert.Json(await supervisor.PutAsJsonAsync($"/api/canned-responses/{id}",
            new { shortcut = "cheers", title = "Cheers again", text = "Cheers!" }), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Racing_creates_of_one_shortcut_store_it_once_and_the_losers_get_409()
    {
        var body = new { shortcut = "race", title = "Race", text = "First one wins." };
        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => supervisor.PostAsJsonAsync("/api/canned-responses", body)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Single(await ListAsync(supervisor), r => r.GetProperty("shortcut").GetString() == "race");
    }

    [Theory]
    [InlineData("Thanks", "Title", "Text", "shortcut")]
    [InlineData("", "Title", "Text", "shortcut")]
    [InlineData("with space", "Title", "Text", "shortcut")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", "Title", "Text", "shortcut")]
    [InlineData("ok", "", "Text", "title")]
    [InlineData("ok", "Title", "", "text")]
    public async Task Invalid_canned_responses_are_rejected_with_400_per_field(string shortcut, string title, string text, string field)
    {
        await AdminAssert.Problem(await supervisor.PostAsJsonAsync("/api/canned-responses", new { shortcut, title, text }), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Agents_and_sales_may_read_but_not_change_canned_responses()
    {
        var id = (await ListAsync(supervisor)).First().GetProperty("id").GetString();
        var body = new { shortcut = "nope", title = "Nope", text = "Nope" };
        foreach (var email in new[] { DemoAccounts.Agent, DemoAccounts.Sales })
        {
            using var client = await server.ClientForAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/canned-responses", body)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/canned-responses/{id}", body)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/canned-responses/{id}")).StatusCode);
        }
        using var anonymous = server.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/canned-responses")).StatusCode);
    }

    private static async Task<JsonElement[]> ListAsync(HttpClient client) =>
        (await AdminAssert.Json(await client.GetAsync("/api/canned-responses"), HttpStatusCode.OK)).EnumerateArray().ToArray();
}
