namespace CareDesk.Api.Channels.Meta;

public static class MetaSetup
{
    public static IServiceCollection AddMetaConnector(this IServiceCollection services)
    {
        services.AddSingleton<IChannelConnector, MetaConnector>();
        services.AddConnectorHttpClient<MetaGraphClient>().WithoutRetriesOfPosts();
        services.AddTransient<MetaLookups>();
        services.AddTransient<IReplySender, MetaReplySender>();
        return services;
    }
}
