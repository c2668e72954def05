using CareDesk.Api.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CareDesk.Browser.Tests;

public sealed class SalesFeedTests(DeskInBrowser desk) : IClassFixture<DeskInBrowser>
{
    [Fact]
    public async Task A_buying_signal_reaches_the_sales_feed_live_and_can_be_accepted()
    {
        var channel = await GenericChannel.CreateAsync(desk.Server);
        var sales = await desk.SignInAsync(DemoAccounts.Sales);
        await Expect(sales.GetByTestId("sales")).ToBeVisibleAsync();

        await channel.PostAsync(desk.Server, GenericChannel.Mention(
            "s-1", "We're evaluating helpdesk vendors for 40 seats. Can we get a quote and a demo next week?", authorId: "buyer-1", followers: 5400));

        var signal = sales.GetByTestId("sales-item").Filter(new() { HasText = "40 seats" });
        await Expect(signal).ToBeVisibleAsync();
        await Expect(signal.GetByTestId("lead-reasons")).Not.ToBeEmptyAsync();
        await signal.GetByTestId("lead-accept").ClickAsync();
        await Expect(sales.GetByTestId("pipeline-new")).ToContainTextAsync("40 seats");
    }
}
