using Microsoft.Extensions.Http.Resilience;

namespace CareDesk.Api.Channels.Meta;

public static class MetaGraphHttp
{
    /// <summary>
    /// The Graph API client on the connectors' standard pipeline, except that a POST is never re-sent by it: the Graph
    /// API takes no idempotency key, so a retried comment after a timeout could appear twice. The outbox retries instead,
    /// after looking for the earlier attempt's reply.
    /// </summary>
    public static IServiceCollection AddMetaGraphClient(this IServiceCollection services)
    {
        var builder = services.AddConnectorHttpClient<MetaGraphClient>();
        services.Configure<HttpStandardResilienceOptions>($"{builder.Name}-standard", options => options.Retry.DisableForUnsafeHttpMethods());
        return services;
    }
}
