using System.Security.Claims;
using CareDesk.Data.Entities;

namespace CareDesk.Api.Infrastructure;

/// <summary>The signed-in user a command acts for.</summary>
public sealed record Actor(string UserId, string Name, bool IsSupervisor)
{
    public static Actor From(ClaimsPrincipal user) => new(user.UserId(), user.DisplayName(), user.IsInRole(Roles.Supervisor));
}
