using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Data.Configurations;

public class CannedResponseConfiguration : IEntityTypeConfiguration<CannedResponse>
{
    public void Configure(EntityTypeBuilder<CannedResponse> builder)
    {
        builder.Property(c => c.Shortcut).HasMaxLength(32);
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.Text).HasMaxLength(4000);
        builder.HasIndex(c => c.Shortcut).IsUnique();
    }
}
