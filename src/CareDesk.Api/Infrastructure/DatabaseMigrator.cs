using CareDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Api.Infrastructure;

/// <summary>Brings the database to the newest migration before the desk takes traffic.</summary>
public static class DatabaseMigrator
{
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareDeskDbContext>();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while a writer commits; it is a property of the file, so set it once here.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        await db.Database.MigrateAsync(cancellationToken);
    }
}
