using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CareDesk.Api.Infrastructure;

public static class HealthEndpoints
{
    public static void MapCareDeskHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
    }
}
