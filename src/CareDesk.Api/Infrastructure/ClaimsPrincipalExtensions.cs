using System.Security.Claims;

namespace CareDesk.Api.Infrastructure;

public static class ClaimsPrincipalExtensions
{
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue("sub") ?? throw new ForbiddenException("The token names no user.");

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue("name") ?? "";
}
