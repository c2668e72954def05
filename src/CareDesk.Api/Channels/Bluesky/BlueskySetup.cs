namespace CareDesk.Api.Channels.Bluesky;

public static class BlueskySetup
{
    public static IServiceCollection AddBlueskyConnector(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BlueskyOptions>().Bind(configuration.GetSection(BlueskyOptions.Section))
            .Validate(o => o.IsValid() && o.PageSize is >= 1 and <= 100 && o.RecheckWindow >= TimeSpan.Zero, "Bluesky: intervals must be positive, PageSize between 1 and 100 and RecheckWindow not negative.")
            .ValidateOnStart();
        services.AddSingleton<IChannelConnector, BlueskyConnector>();
        services.AddSingleton<BlueskySessions>();
        services.AddConnectorHttpClient<BlueskyClient>();
        services.AddScoped<IReplySender, BlueskyReplySender>();
        services.AddHostedService<BlueskyReader>();
        return services;
    }
}
