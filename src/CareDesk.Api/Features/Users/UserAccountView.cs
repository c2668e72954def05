using CareDesk.Data;
using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.Users;

/// <summary>A user as administration sees them; online means an open inbox connection.</summary>
public sealed record UserAccountView(
    string Id, string Name, string Email, IReadOnlyList<string> Roles, int Capacity, IReadOnlyList<Guid> QueueIds, bool Online)
{
    public static async Task<List<UserAccountView>> ListAsync(CareDeskDbContext db, IQueryable<AppUser> users, CancellationToken ct)
    {
        var accounts = await users.AsNoTracking().OrderBy(u => u.Name).Select(u => new { u.Id, u.Name, u.Email, u.Capacity }).ToListAsync(ct);
        var ids = accounts.Select(a => a.Id).ToList();
        var roles = (await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(ct))
            .ToLookup(r => r.UserId, r => r.Name!);
        var queues = (await db.QueueMembers.Where(m => ids.Contains(m.UserId)).Select(m => new { m.UserId, m.QueueId }).ToListAsync(ct))
            .ToLookup(m => m.UserId, m => m.QueueId);
        var online = (await db.HubConnections.Where(h => ids.Contains(h.UserId)).Select(h => h.UserId).Distinct().ToListAsync(ct)).ToHashSet();

        return accounts.Select(a => new UserAccountView(
            a.Id, a.Name, a.Email ?? "", roles[a.Id].Order().ToList(), a.Capacity, queues[a.Id].Order().ToList(), online.Contains(a.Id))).ToList();
    }

    public static async Task<UserAccountView> LoadAsync(CareDeskDbContext db, string id, CancellationToken ct) =>
        (await ListAsync(db, db.Users.Where(u => u.Id == id), ct)).Single();
}
