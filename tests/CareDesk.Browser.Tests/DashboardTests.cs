using CareDesk.Api.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CareDesk.Browser.Tests;

public sealed class DashboardTests(DeskInBrowser desk) : IClassFixture<DeskInBrowser>
{
    [Fact]
    public async Task The_supervisors_waiting_count_moves_when_a_mention_arrives()
    {
        var channel = await GenericChannel.CreateAsync(desk.Server);
        var supervisor = await desk.SignInAsync(DemoAccounts.Supervisor);
        await supervisor.GetByTestId("nav-dashboard").ClickAsync();
        var general = supervisor.GetByTestId("queue-row").Filter(new() { HasText = "General" });
        await Expect(general.GetByTestId("queue-waiting")).ToHaveTextAsync("0");

        await channel.PostAsync(desk.Server, GenericChannel.Mention("d-1", "Can I change my username?", authorId: "dash-1"));

        await Expect(general.GetByTestId("queue-waiting")).ToHaveTextAsync("1");
    }
}
