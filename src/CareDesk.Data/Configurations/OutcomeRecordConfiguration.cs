using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Data.Configurations;

public class OutcomeRecordConfiguration : IEntityTypeConfiguration<OutcomeRecord>
{
    public void Configure(EntityTypeBuilder<OutcomeRecord> builder)
    {
        builder.Property(o => o.ChannelType).HasMaxLength(32);
        builder.Property(o => o.AgentId).HasMaxLength(450);
        builder.Property(o => o.Intent).HasMaxLength(16);
        builder.Property(o => o.Outcome).HasMaxLength(16);
        builder.Property(o => o.ResolvedDay).HasMaxLength(10);
        builder.Property(o => o.Note).HasMaxLength(2000);
        builder.HasIndex(o => o.ResolvedAt);
        builder.HasIndex(o => o.ConversationId);
    }
}
