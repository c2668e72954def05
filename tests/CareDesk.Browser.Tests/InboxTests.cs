using CareDesk.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareDesk.Browser.Tests;

public sealed class InboxTests(DeskInBrowser desk) : IClassFixture<DeskInBrowser>
{
    [Fact]
    public async Task Two_agents_see_a_new_mention_arrive_and_the_second_sees_it_taken_when_the_first_claims()
    {
        var channel = await GenericChannel.CreateAsync(desk.Server);
        var first = await desk.SignInAsync(DemoAccounts.Agent);
        var second = await desk.SignInAsync(DemoAccounts.Agent2);

        // A question lands in the General queue, which leaves claiming to the agents (no auto-assignment).
        await channel.PostAsync(desk.Server, GenericChannel.Mention("b-1", "How do I change the delivery address on my order?", authorId: "browser-1"));
        var itemOnFirst = first.GetByTestId("inbox-item").Filter(new() { HasText = "change the delivery address" });
        var itemOnSecond = second.GetByTestId("inbox-item").Filter(new() { HasText = "change the delivery address" });
        await Expect(itemOnFirst).ToBeVisibleAsync();
        await Expect(itemOnSecond).ToBeVisibleAsync();

        await itemOnFirst.ClickAsync();
        await itemOnSecond.ClickAsync();
        await first.GetByTestId("claim-button").ClickAsync();

        await Expect(second.GetByTestId("reply-blocked")).ToBeVisibleAsync();
        await Expect(second.GetByTestId("reply-send")).ToBeDisabledAsync();
        await Expect(second.GetByTestId("conversation-assignee")).ToContainTextAsync("Alex Agent");
    }

    [Fact]
    public async Task A_reply_shows_its_delivery_state()
    {
        await using var platform = await FakePlatformServer.StartAsync((app, _) => app.MapPost("/replies", () => Results.Json(new { id = "posted-1" })));
        var channel = await GenericChannel.CreateAsync(desk.Server, replyUrl: new Uri(platform.BaseAddress, "/replies").ToString());
        var agent = await desk.SignInAsync(DemoAccounts.Agent);
        await channel.PostAsync(desk.Server, GenericChannel.Mention("b-2", "How do I export my invoices?", authorId: "browser-2"));

        await agent.GetByTestId("inbox-item").Filter(new() { HasText = "export my invoices" }).ClickAsync();
        await agent.GetByTestId("claim-button").ClickAsync();
        await agent.GetByTestId("reply-input").FillAsync("Hi! Settings → Billing → Export. Let us know if it works.");
        await agent.GetByTestId("reply-send").ClickAsync();

        var reply = agent.GetByTestId("message").Filter(new() { HasText = "Settings → Billing → Export" });
        await Expect(reply.GetByTestId("reply-status")).ToHaveAttributeAsync("data-status", "sent");
        Assert.Single(platform.Requests, r => r.Path == "/replies");
    }

    [Fact]
    public async Task Mention_text_with_markup_renders_as_inert_text()
    {
        var channel = await GenericChannel.CreateAsync(desk.Server);
        var agent = await desk.SignInAsync(DemoAccounts.Agent);
        var dialogs = 0;
        agent.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        const string hostile = "Check this <img src=x onerror=alert(1)> <script>alert(2)</script> out";
        await channel.PostAsync(desk.Server, GenericChannel.Mention("b-3", hostile, authorId: "browser-3"));
        await agent.GetByTestId("inbox-item").Filter(new() { HasText = "Check this" }).ClickAsync();

        var text = agent.GetByTestId("message-text").Filter(new() { HasText = "Check this" });
        await Expect(text).ToHaveTextAsync(hostile);
        await Expect(text.Locator("img")).ToHaveCountAsync(0);
        await Expect(agent.Locator("script:text('alert(2)')")).ToHaveCountAsync(0);
        Assert.Equal(0, dialogs);
    }
}
