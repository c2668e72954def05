namespace CareDesk.Api.Tests.Infrastructure;

/// <summary>
/// One desk and one generic channel shared by the tests of a class (xunit makes a class instance per test, so a
/// server started in the class itself would start once per test). Tests that share it use their own conversations.
/// </summary>
public class DeskFixture : IAsyncLifetime
{
    public CareDeskServer Server { get; private set; } = null!;

    public GenericChannel Channel { get; private set; } = null!;

    protected virtual IDictionary<string, string?>? Settings => null;

    public virtual async Task InitializeAsync()
    {
        Server = await CareDeskServer.StartAsync(Settings);
        Channel = await GenericChannel.CreateAsync(Server);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
