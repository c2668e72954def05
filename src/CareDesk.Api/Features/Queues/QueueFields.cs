using CareDesk.Api.Features.Users;
using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.Queues;

/// <summary>What a supervisor sets on a queue, alike for creating and editing it.</summary>
public interface IQueueFields
{
    string? Name { get; }
    int? FirstResponseMinutes { get; }
    AutoAssign? AutoAssign { get; }
    bool? IsDefault { get; }
    IReadOnlyList<string>? MemberIds { get; }
}

public sealed record QueueBody(string? Name, int? FirstResponseMinutes, AutoAssign? AutoAssign, bool? IsDefault, List<string>? MemberIds);

public abstract class QueueFieldsValidator<T> : AbstractValidator<T> where T : IQueueFields
{
    protected QueueFieldsValidator(CareDeskDbContext db)
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100);
        RuleFor(c => c.FirstResponseMinutes).NotNull().InclusiveBetween(1, 60 * 24 * 14);
        RuleFor(c => c.AutoAssign).NotNull();
        RuleFor(c => c.MemberIds)
            .MustAsync(async (ids, ct) => (await QueueWorkers.WhichAreWorkersAsync(db, ids!, ct)).Count == ids!.Distinct().Count())
            .When(c => c.MemberIds is not null)
            .WithMessage("memberIds must name agents or supervisors.");
    }
}

/// <summary>Applies the fields to a tracked queue loaded with its members.</summary>
public static class QueueChanges
{
    public static async Task ApplyAsync(CareDeskDbContext db, Queue queue, IQueueFields fields, CancellationToken ct)
    {
        queue.Name = fields.Name!.Trim();
        queue.FirstResponseMinutes = fields.FirstResponseMinutes!.Value;
        queue.AutoAssign = fields.AutoAssign!.Value;
        if (fields.MemberIds is { } memberIds)
        {
            var wanted = memberIds.ToHashSet();
            queue.Members.RemoveAll(m => !wanted.Contains(m.UserId));
            queue.Members.AddRange(wanted.Except(queue.Members.Select(m => m.UserId)).Select(id => new QueueMember { QueueId = queue.Id, UserId = id }));
        }
        if (fields.IsDefault == true && !queue.IsDefault)
        {
            // Ingest falls back to exactly one default queue, so making one default un-defaults the rest.
            var others = await db.Queues.Where(q => q.IsDefault && q.Id != queue.Id).ToListAsync(ct);
            others.ForEach(q => q.IsDefault = false);
            queue.IsDefault = true;
        }
        else if (fields.IsDefault == false && queue.IsDefault)
        {
            throw new ConflictException("Unmatched conversations need a default queue; make another queue the default instead.");
        }
    }
}
