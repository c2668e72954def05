namespace CareDesk.Api.Channels.X;

public static class XSetup
{
    public static IServiceCollection AddXConnector(this IServiceCollection services)
    {
        services.AddSingleton<IChannelConnector, XConnector>();
        services.AddConnectorHttpClient<XApiClient>().WithoutRetriesOfPosts();
        services.AddTransient<IReplySender, XReplySender>();
        return services;
    }
}
