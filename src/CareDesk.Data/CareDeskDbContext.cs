using CareDesk.Data.Entities;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Data;

public class CareDeskDbContext(DbContextOptions<CareDeskDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Channel> Channels => Set<Channel>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Queue> Queues => Set<Queue>();
    public DbSet<QueueMember> QueueMembers => Set<QueueMember>();
    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<OutcomeRecord> OutcomeRecords => Set<OutcomeRecord>();
    public DbSet<Lead> Leads => Set<Lead>();
    public DbSet<LeadHistoryEntry> LeadHistory => Set<LeadHistoryEntry>();
    public DbSet<InboxEvent> InboxEvents => Set<InboxEvent>();
    public DbSet<CannedResponse> CannedResponses => Set<CannedResponse>();
    public DbSet<HubConnection> HubConnections => Set<HubConnection>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CareDeskDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as readable strings, and one UTC convention for every timestamp on every provider.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RenewConcurrencyTokens();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RenewConcurrencyTokens();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void RenewConcurrencyTokens()
    {
        foreach (var entry in ChangeTracker.Entries<Conversation>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
                entry.Entity.Version = Guid.NewGuid();
        }
    }
}
