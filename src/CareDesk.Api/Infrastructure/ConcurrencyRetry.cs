using CareDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Infrastructure;

/// <summary>
/// For background steps (analysis, routing) that must not lose to an agent's concurrent change of the same
/// conversation: the step loads, changes and saves again on fresh data. Agents' own requests get a 409 instead.
/// </summary>
public static class ConcurrencyRetry
{
    public static async Task RunAsync(CareDeskDbContext db, Func<Task> loadChangeSave, int attempts = 3)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await loadChangeSave();
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < attempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
