using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Data.Configurations;

public class QueueConfiguration : IEntityTypeConfiguration<Queue>
{
    public void Configure(EntityTypeBuilder<Queue> builder)
    {
        builder.Property(q => q.Name).HasMaxLength(100);
        builder.Property(q => q.LastAssignedUserId).HasMaxLength(450);
        builder.HasMany(q => q.Members).WithOne().HasForeignKey(m => m.QueueId);
    }
}

public class QueueMemberConfiguration : IEntityTypeConfiguration<QueueMember>
{
    public void Configure(EntityTypeBuilder<QueueMember> builder)
    {
        builder.HasKey(m => new { m.QueueId, m.UserId });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId);
        builder.HasIndex(m => m.UserId);
    }
}
