using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Data.Configurations;

public class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> builder)
    {
        builder.Property(l => l.ReasonsJson).HasMaxLength(4000);
        builder.HasOne(l => l.Message).WithMany().HasForeignKey(l => l.MessageId);
        builder.HasOne(l => l.Contact).WithMany().HasForeignKey(l => l.ContactId).OnDelete(DeleteBehavior.NoAction);
        builder.HasMany(l => l.History).WithOne().HasForeignKey(h => h.LeadId);
        builder.HasIndex(l => l.MessageId).IsUnique();
        builder.HasIndex(l => new { l.Status, l.CreatedAt });
    }
}

public class LeadHistoryEntryConfiguration : IEntityTypeConfiguration<LeadHistoryEntry>
{
    public void Configure(EntityTypeBuilder<LeadHistoryEntry> builder)
    {
        builder.Property(h => h.UserId).HasMaxLength(450);
        builder.Property(h => h.Note).HasMaxLength(2000);
    }
}
