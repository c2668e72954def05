namespace CareDesk.Api.Channels.LinkedIn;

public static class LinkedInSetup
{
    public static IServiceCollection AddLinkedInConnector(this IServiceCollection services)
    {
        services.AddSingleton<IChannelConnector, LinkedInConnector>();
        services.AddConnectorHttpClient<LinkedInApiClient>().WithoutRetriesOfPosts();
        services.AddScoped<LinkedInProfiles>();
        services.AddTransient<IReplySender, LinkedInReplySender>();
        return services;
    }
}
