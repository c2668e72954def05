using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Data.Configurations;

public class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> builder)
    {
        builder.Property(c => c.Type).HasMaxLength(32);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Key).HasMaxLength(64);
        builder.Property(c => c.ProtectedSecrets).HasMaxLength(8000);
        builder.Property(c => c.Cursor).HasMaxLength(500);
        builder.Property(c => c.LastError).HasMaxLength(2000);
        builder.HasIndex(c => c.Key).IsUnique();
    }
}
