using System.Net.Http.Json;
using System.Text.Json;
using CareDesk.Api.Demo;
using CareDesk.Api.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CareDesk.Browser.Tests;

/// <summary>
/// Each view with a realistic workload: the demo script's mentions from several authors, some answered and
/// resolved. The screenshots it writes are the ones the README shows.
/// </summary>
public sealed class ViewsWithWorkloadTests(DeskInBrowser desk) : IClassFixture<DeskInBrowser>
{
    [Fact]
    public async Task Inbox_dashboard_and_sales_feed_show_a_days_work()
    {
        var channel = await GenericChannel.CreateAsync(desk.Server, name: "Community forum");
        var conversations = new List<string>();
        for (var i = 0; i < DemoScript.Openers.Length; i++)
        {
            var person = DemoScript.People[i % DemoScript.People.Length];
            var line = DemoScript.Openers[i];
            var mention = new
            {
                id = $"tour-{i}",
                kind = line.Kind.ToString().ToLowerInvariant(),
                text = line.Text,
                createdAt = DateTime.UtcNow.AddMinutes(-DemoScript.Openers.Length + i),
                author = new { id = person.Id + "-" + i, handle = person.Handle, name = person.Name, followers = person.Followers },
            };
            var response = await channel.PostAsync(desk.Server, mention);
            conversations.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString()!);
        }

        using var agent = await desk.Server.ClientForAsync(DemoAccounts.Agent2);
        foreach (var id in conversations.Take(6))
        {
            (await agent.PostAsJsonAsync($"/api/conversations/{id}/replies", new { text = "Thanks for reaching out — we're on it." })).EnsureSuccessStatusCode();
            (await agent.PostAsJsonAsync($"/api/conversations/{id}/resolve", new { outcome = "resolved" })).EnsureSuccessStatusCode();
        }

        var inbox = await desk.SignInAsync(DemoAccounts.Agent);
        await Expect(inbox.GetByTestId("inbox-item")).ToHaveCountAsync(DemoScript.Openers.Length - 6);
        await inbox.GetByTestId("inbox-item").Filter(new() { HasText = "cancel my account" }).ClickAsync();
        await Expect(inbox.GetByTestId("analysis-reasons").First).Not.ToBeEmptyAsync();
        await DeskInBrowser.ScreenshotAsync(inbox, "inbox");

        var supervisor = await desk.SignInAsync(DemoAccounts.Supervisor);
        await supervisor.GetByTestId("nav-dashboard").ClickAsync();
        await Expect(supervisor.GetByTestId("report-row").First).ToBeVisibleAsync();
        await Expect(supervisor.GetByTestId("kpi-resolved-count")).ToContainTextAsync("6");
        await DeskInBrowser.ScreenshotAsync(supervisor, "dashboard");

        using var salesApi = await desk.Server.ClientForAsync(DemoAccounts.Sales);
        var leads = (await salesApi.GetFromJsonAsync<JsonElement>("/api/leads")).EnumerateArray().Select(l => l.GetProperty("id").GetString()).ToList();
        (string Status, decimal? Value)[] stages = [("won", 24000m), ("qualified", 9600m), ("contacted", null)];
        foreach (var (lead, stage) in leads.Zip(stages))
            (await salesApi.PostAsJsonAsync($"/api/leads/{lead}/status", new { status = stage.Status, value = stage.Value })).EnsureSuccessStatusCode();

        var sales = await desk.SignInAsync(DemoAccounts.Sales);
        await Expect(sales.GetByTestId("pipeline-won")).ToContainTextAsync("24");
        await Expect(sales.GetByTestId("sales-item").First).ToBeVisibleAsync();
        await DeskInBrowser.ScreenshotAsync(sales, "sales-feed");
    }
}
