using CareDesk.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CareDesk.Browser.Tests;

/// <summary>
/// The real desk (Kestrel, SQLite, the built client) and Debian's Chromium driven by Playwright. One desk and one
/// browser per test class; each signed-in user gets their own browser context, as two people on two machines would.
/// </summary>
public sealed class DeskInBrowser : IAsyncLifetime
{
    private IPlaywright playwright = null!;

    public CareDeskServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(RepositoryPaths.WebRoot, "index.html")))
            throw new InvalidOperationException("The client is not built: build src/CareDesk.Api (it runs the client build) first.");
        Server = await CareDeskServer.StartAsync(new Dictionary<string, string?> { ["webroot"] = RepositoryPaths.WebRoot });
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CAREDESK_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // The machine has no network beyond loopback: keep Chromium from reaching out at start.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>A fresh browser context signed in as the user, on the page their role lands on.</summary>
    public async Task<IPage> SignInAsync(string email)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        var userId = await Server.UserIdAsync(email);
        var connectionsBefore = await Server.WithDbAsync(db => db.HubConnections.CountAsync(c => c.UserId == userId));
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync("Demo!pass1");
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("connection-status")).ToHaveAttributeAsync("data-state", "connected");
        // The hub joins the page's groups just after the handshake; from its recorded connection on, pushes reach it.
        await Eventually.Get(() => Server.WithDbAsync(db => db.HubConnections.CountAsync(c => c.UserId == userId)), count => count > connectionsBefore);
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(RepositoryPaths.Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, name + ".png"), Animations = ScreenshotAnimations.Disabled });
    }
}
