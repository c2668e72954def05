using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Data.Configurations;

public class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Keywords).HasMaxLength(2000);
        builder.Property(r => r.Intent).HasMaxLength(32);
        builder.Property(r => r.Language).HasMaxLength(8);
        builder.HasOne<Queue>().WithMany().HasForeignKey(r => r.QueueId);
        builder.HasIndex(r => r.Order);
    }
}
