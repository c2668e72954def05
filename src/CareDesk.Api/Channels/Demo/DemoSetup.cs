using CareDesk.Api.Demo;

namespace CareDesk.Api.Channels.Demo;

public static class DemoSetup
{
    /// <summary>SIMULATOR: the simulated network's connector, reply sender and mention generator.</summary>
    public static IServiceCollection AddDemoConnector(this IServiceCollection services)
    {
        services.AddSingleton<IChannelConnector, DemoConnector>();
        services.AddScoped<IReplySender, DemoReplySender>();
        services.AddHostedService<DemoSimulator>();
        return services;
    }
}
