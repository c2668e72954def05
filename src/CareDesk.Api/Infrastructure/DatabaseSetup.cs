using CareDesk.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Api.Infrastructure;

public static class DatabaseSetup
{
    public static IServiceCollection AddCareDeskDatabase(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .Validate(o => o.IsSqlite || o.IsSqlServer,
                $"{DatabaseOptions.Section}:Provider must be '{DatabaseOptions.Sqlite}' or '{DatabaseOptions.SqlServer}'.")
            .ValidateOnStart();

        var connectionString = ConnectionString(configuration, dataFolder);
        services.AddDbContext<CareDeskDbContext>((sp, options) =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            if (database.IsSqlServer)
                options.UseSqlServer(connectionString, sql => sql.MigrationsAssembly("CareDesk.Migrations.SqlServer"));
            else
                options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly("CareDesk.Migrations.Sqlite"));
        });
        return services;
    }

    public static string ConnectionString(IConfiguration configuration, string dataFolder) =>
        configuration.GetConnectionString("CareDesk") is { Length: > 0 } configured
            ? configured
            : $"Data Source={Path.Combine(dataFolder, "caredesk.db")}";
}
