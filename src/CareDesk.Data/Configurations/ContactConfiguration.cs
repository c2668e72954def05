using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Data.Configurations;

public class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.Property(c => c.PlatformUserId).HasMaxLength(200);
        builder.Property(c => c.Handle).HasMaxLength(200);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.HasOne<Channel>().WithMany().HasForeignKey(c => c.ChannelId);
        builder.HasIndex(c => new { c.ChannelId, c.PlatformUserId }).IsUnique();
    }
}
