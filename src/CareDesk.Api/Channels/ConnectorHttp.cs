using Microsoft.Extensions.Http.Resilience;

namespace CareDesk.Api.Channels;

public static class ConnectorHttp
{
    /// <summary>
    /// A typed HttpClient for a platform API with the standard resilience pipeline: per-attempt timeouts and a few
    /// quick retries with jitter for transient errors, honouring 429 / Retry-After. Longer outages are left to the
    /// outbox's own retries with backoff.
    /// </summary>
    public static IHttpClientBuilder AddConnectorHttpClient<TClient>(this IServiceCollection services) where TClient : class
    {
        var builder = services.AddHttpClient<TClient>();
        builder.AddStandardResilienceHandler(options =>
        {
            options.Retry.MaxRetryAttempts = 2;
            options.Retry.Delay = TimeSpan.FromMilliseconds(200);
            options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);
            options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
            options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(30);
        });
        return builder;
    }

    /// <summary>
    /// For platforms without an idempotency key: a POST whose outcome is unknown (timeout, 5xx) is not re-sent by the
    /// pipeline, which cannot know whether it was published; the outbox's next attempt looks first, then decides.
    /// </summary>
    public static IHttpClientBuilder WithoutRetriesOfPosts(this IHttpClientBuilder builder)
    {
        // AddStandardResilienceHandler names its options "<client name>-standard".
        builder.Services.Configure<HttpStandardResilienceOptions>($"{builder.Name}-standard", options => options.Retry.DisableForUnsafeHttpMethods());
        return builder;
    }

    /// <summary>
    /// The platform could not be reached: a network error, a timeout, or the pipeline's circuit breaker refusing the
    /// call. Such a failure is transient. Our own cancellation (the app stopping) is not one of them.
    /// </summary>
    public static bool IsUnreachable(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && exception is HttpRequestException or TaskCanceledException or Polly.ExecutionRejectedException;
}
