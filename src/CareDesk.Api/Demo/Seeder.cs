using CareDesk.Api.Channels;
using CareDesk.Api.Channels.Demo;
using CareDesk.Api.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareDesk.Api.Demo;

/// <summary>
/// Start-up data: the roles always; the bootstrap admin when configured; and, only while the demo is enabled,
/// demo users, queues, routing rules, canned responses and the simulated channel. Disabling the demo removes its users.
/// </summary>
public static class Seeder
{
    public static async Task SeedAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var roles = provider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All.Where(r => !roles.Roles.Any(x => x.Name == r)))
            await roles.CreateAsync(new IdentityRole(role));

        var users = provider.GetRequiredService<UserManager<AppUser>>();
        await SeedBootstrapAdmin(users, provider.GetRequiredService<IOptions<BootstrapOptions>>().Value);

        var db = provider.GetRequiredService<CareDeskDbContext>();
        if (provider.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
            await SeedDemo(db, users, provider.GetRequiredService<ChannelSecrets>(), provider.GetRequiredService<TimeProvider>(), ct);
        else
            await RemoveDemoUsers(users);
    }

    private static async Task SeedBootstrapAdmin(UserManager<AppUser> users, BootstrapOptions bootstrap)
    {
        if (bootstrap.AdminEmail.Length == 0 || await users.FindByEmailAsync(bootstrap.AdminEmail) is not null)
            return;
        await CreateUser(users, bootstrap.AdminEmail, "Administrator", bootstrap.AdminPassword, Roles.Admin);
    }

    private static async Task<AppUser> CreateUser(UserManager<AppUser> users, string email, string name, string password, string role)
    {
        var user = new AppUser { UserName = email, Email = email, Name = name, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
            throw new InvalidOperationException($"Could not create {email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        await users.AddToRoleAsync(user, role);
        return user;
    }

    private static async Task RemoveDemoUsers(UserManager<AppUser> users)
    {
        var demo = await users.Users.Where(u => u.Email!.EndsWith(DemoUsers.EmailDomain)).ToListAsync();
        foreach (var user in demo)
            await users.DeleteAsync(user);
    }

    private static async Task SeedDemo(CareDeskDbContext db, UserManager<AppUser> users, ChannelSecrets secrets, TimeProvider clock, CancellationToken ct)
    {
        var created = new List<AppUser>();
        foreach (var (email, name, role) in DemoUsers.All)
            created.Add(await users.FindByEmailAsync(email) ?? await CreateUser(users, email, name, DemoUsers.Password, role));
        if (await db.Queues.AnyAsync(ct))
            return;

        var general = new Queue { Id = Guid.NewGuid(), Name = "General", FirstResponseMinutes = 60, IsDefault = true };
        var complaints = new Queue { Id = Guid.NewGuid(), Name = "Complaints", FirstResponseMinutes = 30, AutoAssign = AutoAssign.LeastLoaded };
        var sales = new Queue { Id = Guid.NewGuid(), Name = "Sales enquiries", FirstResponseMinutes = 15, AutoAssign = AutoAssign.RoundRobin };
        Queue[] queues = [general, complaints, sales];
        db.Queues.AddRange(queues);
        foreach (var queue in queues)
        {
            foreach (var member in created.Where(u => u.Email!.StartsWith("agent") || u.Email!.StartsWith("supervisor")))
                db.QueueMembers.Add(new QueueMember { QueueId = queue.Id, UserId = member.Id });
        }

        db.RoutingRules.AddRange(
            new RoutingRule { Id = Guid.NewGuid(), Order = 1, Name = "Influential authors first", FollowersAbove = 50_000, QueueId = general.Id, Priority = Priority.Urgent },
            new RoutingRule { Id = Guid.NewGuid(), Order = 2, Name = "Buying signals to sales", Intent = "buying", QueueId = sales.Id, Priority = Priority.High },
            new RoutingRule { Id = Guid.NewGuid(), Order = 3, Name = "Outages", Keywords = "outage,down,not working,#fail", QueueId = complaints.Id, Priority = Priority.High },
            new RoutingRule { Id = Guid.NewGuid(), Order = 4, Name = "Angry customers", SentimentBelow = -0.5, QueueId = complaints.Id, Priority = Priority.High },
            new RoutingRule { Id = Guid.NewGuid(), Order = 5, Name = "Complaints", Intent = "complaint", QueueId = complaints.Id, Priority = Priority.Normal });

        db.CannedResponses.AddRange(
            new CannedResponse { Id = Guid.NewGuid(), Shortcut = "thanks", Title = "Thanks", Text = "Thank you for the kind words — we'll pass them on to the team!" },
            new CannedResponse { Id = Guid.NewGuid(), Shortcut = "sorry", Title = "Apology", Text = "We're sorry about this. Could you send us a DM with your order number so we can sort it out?" },
            new CannedResponse { Id = Guid.NewGuid(), Shortcut = "dm", Title = "Move to DM", Text = "We'd like to look into this for you — please send us a direct message with the details." },
            new CannedResponse { Id = Guid.NewGuid(), Shortcut = "status", Title = "Status page", Text = "We're aware of the issue and working on it. Live updates: status.example.com" });

        db.Channels.Add(new Channel
        {
            Id = Guid.NewGuid(),
            Type = DemoConnector.ChannelType,
            Name = "Demo network (simulated)",
            Key = ChannelSecrets.NewKey(),
            ProtectedSecrets = secrets.Protect(new Dictionary<string, string> { [ChannelSecrets.Generated] = ChannelSecrets.NewSecret() }),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
    }
}
