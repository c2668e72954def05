using CareDesk.Data;
using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.Users;

/// <summary>Queues are worked by agents and supervisors; other roles never see a queue's conversations.</summary>
public static class QueueWorkers
{
    public static readonly string[] WorkerRoles = [Roles.Agent, Roles.Supervisor];

    public static Task<List<string>> WhichAreWorkersAsync(CareDeskDbContext db, IReadOnlyCollection<string> userIds, CancellationToken ct) =>
        db.UserRoles
            .Where(ur => userIds.Contains(ur.UserId))
            .Join(db.Roles.Where(r => WorkerRoles.Contains(r.Name)), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .Distinct()
            .ToListAsync(ct);

    public static bool WorksQueues(IEnumerable<string> roles) => roles.Any(WorkerRoles.Contains);
}
