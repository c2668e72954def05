using CareDesk.Data;
using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.Queues;

public sealed record QueueView(Guid Id, string Name, int FirstResponseMinutes, AutoAssign AutoAssign, bool IsDefault, IReadOnlyList<string> MemberIds)
{
    public static Task<List<QueueView>> ListAsync(IQueryable<Queue> queues, CancellationToken ct) =>
        queues.AsNoTracking()
            .OrderBy(q => q.Name)
            .Select(q => new QueueView(
                q.Id, q.Name, q.FirstResponseMinutes, q.AutoAssign, q.IsDefault,
                q.Members.OrderBy(m => m.UserId).Select(m => m.UserId).ToList()))
            .ToListAsync(ct);

    public static async Task<QueueView> LoadAsync(CareDeskDbContext db, Guid id, CancellationToken ct) =>
        (await ListAsync(db.Queues.Where(q => q.Id == id), ct)).Single();
}
