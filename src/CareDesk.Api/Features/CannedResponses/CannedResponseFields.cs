using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Features.CannedResponses;

public interface ICannedResponseFields
{
    string? Shortcut { get; }
    string? Title { get; }
    string? Text { get; }
}

public sealed record CannedResponseBody(string? Shortcut, string? Title, string? Text);

public abstract class CannedResponseFieldsValidator<T> : AbstractValidator<T> where T : ICannedResponseFields
{
    protected CannedResponseFieldsValidator()
    {
        RuleFor(c => c.Shortcut).NotEmpty().Matches("^[a-z0-9_-]{1,32}$")
            .WithMessage("shortcut must be 1 to 32 characters of a-z, 0-9, - and _.");
        RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Text).NotEmpty().MaximumLength(4000);
    }
}

public static class CannedResponseChanges
{
    /// <summary>Applies the fields and saves, answering 409 when another response already has the shortcut.</summary>
    public static async Task SaveAsync(CareDeskDbContext db, CannedResponse response, ICannedResponseFields fields, CancellationToken ct)
    {
        response.Shortcut = fields.Shortcut!;
        response.Title = fields.Title!.Trim();
        response.Text = fields.Text!;
        if (await ShortcutTakenAsync(db, response, ct))
            throw Taken(response.Shortcut);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two saves raced for one shortcut and the unique index stopped the second: the same 409 as above.
            if (await ShortcutTakenAsync(db, response, ct))
                throw Taken(response.Shortcut);
            throw;
        }
    }

    private static Task<bool> ShortcutTakenAsync(CareDeskDbContext db, CannedResponse response, CancellationToken ct) =>
        db.CannedResponses.AnyAsync(c => c.Shortcut == response.Shortcut && c.Id != response.Id, ct);

    private static ConflictException Taken(string shortcut) => new($"The shortcut \"{shortcut}\" is already in use.");
}
