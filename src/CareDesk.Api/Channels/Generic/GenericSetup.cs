namespace CareDesk.Api.Channels.Generic;

public static class GenericSetup
{
    public static IServiceCollection AddGenericConnector(this IServiceCollection services)
    {
        services.AddSingleton<IChannelConnector, GenericConnector>();
        services.AddHttpClient<GenericReplySender>(http => http.Timeout = TimeSpan.FromSeconds(15));
        services.AddTransient<IReplySender>(sp => sp.GetRequiredService<GenericReplySender>());
        return services;
    }
}
