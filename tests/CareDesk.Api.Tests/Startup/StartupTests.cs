using System.Net;
using System.Net.Http.Json;
using CareDesk.Api.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace CareDesk.Api.Tests.Startup;

public sealed class StartupTests
{
    [Fact]
    public async Task A_bad_database_provider_stops_start_up_with_a_clear_message()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            CareDeskServer.StartAsync(new Dictionary<string, string?> { ["Database:Provider"] = "Oracle" }));
        Assert.Contains("Database:Provider must be 'Sqlite' or 'SqlServer'", failure.Message);
    }

    [Fact]
    public async Task Demo_users_exist_only_while_the_demo_is_enabled()
    {
        string dataFolder;
        await using (var withDemo = await CareDeskServer.StartAsync())
        {
            dataFolder = withDemo.DataFolder;
            await withDemo.LoginAsync(DemoAccounts.Agent);
        }

        await using var withoutDemo = await CareDeskServer.StartAsync(new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "false",
            ["Bootstrap:AdminEmail"] = "owner@example.test",
            ["Bootstrap:AdminPassword"] = "Owner!pass1",
        }, dataFolder);
        using var client = withoutDemo.CreateClient();
        var demoLogin = await client.PostAsJsonAsync("/api/auth/login", new { email = DemoAccounts.Agent, password = "Demo!pass1" });
        Assert.Equal(HttpStatusCode.Unauthorized, demoLogin.StatusCode);
        await withoutDemo.LoginAsync("owner@example.test", "Owner!pass1");
    }
}
