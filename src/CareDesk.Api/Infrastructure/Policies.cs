using CareDesk.Data.Entities;
using Microsoft.AspNetCore.Authorization;

namespace CareDesk.Api.Infrastructure;

/// <summary>Who may do what. A supervisor can do what an agent can and sees the sales feed.</summary>
public static class Policies
{
    public const string Agent = nameof(Agent);
    public const string Supervisor = nameof(Supervisor);
    public const string Sales = nameof(Sales);
    public const string Admin = nameof(Admin);
    public const string Configure = nameof(Configure);
    public const string AnyRole = nameof(AnyRole);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Agent, p => p.RequireRole(Roles.Agent, Roles.Supervisor));
        options.AddPolicy(Supervisor, p => p.RequireRole(Roles.Supervisor));
        options.AddPolicy(Sales, p => p.RequireRole(Roles.Sales, Roles.Supervisor));
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(Configure, p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        options.AddPolicy(AnyRole, p => p.RequireRole(Roles.All));
    }
}
