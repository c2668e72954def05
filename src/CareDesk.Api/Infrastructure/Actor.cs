using System.Security.Claims;
using CareDesk.Data.Entities;

namespace CareDesk.Api.Infrastructure;

/// <summary>The signed-in user a command acts for.</summary>
public sealed record Actor(string UserId, bool IsSupervisor)
{
    public static Actor From(ClaimsPrincipal user) => new(user.UserId(), user.IsInRole(Roles.Supervisor));
}
