namespace CareDesk.Api.Tests.Infrastructure;

/// <summary>Waits for something the server does in the background, failing with the last observation after the timeout.</summary>
public static class Eventually
{
    public static async Task<T> Get<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var value = await probe();
            if (done(value))
                return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Gave up waiting; last value: {value}");
            await Task.Delay(50);
        }
    }
}
