namespace CareDesk.Api.Channels.Mastodon;

public static class MastodonSetup
{
    public static IServiceCollection AddMastodonConnector(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MastodonOptions>().Bind(configuration.GetSection(MastodonOptions.Section))
            .Validate(o => o.IsValid() && o.PageSize is >= 1 and <= 80, "Mastodon: intervals must be positive and PageSize between 1 and 80.")
            .ValidateOnStart();
        services.AddSingleton<IChannelConnector, MastodonConnector>();
        services.AddConnectorHttpClient<MastodonClient>();
        services.AddHttpClient<MastodonStream>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddTransient<IReplySender, MastodonReplySender>();
        services.AddHostedService<MastodonReader>();
        return services;
    }
}
