using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Data.Configurations;

public class HubConnectionConfiguration : IEntityTypeConfiguration<HubConnection>
{
    public void Configure(EntityTypeBuilder<HubConnection> builder)
    {
        builder.HasKey(c => c.ConnectionId);
        builder.Property(c => c.ConnectionId).HasMaxLength(100);
        builder.Property(c => c.UserId).HasMaxLength(450);
        builder.Property(c => c.UserName).HasMaxLength(200);
        builder.HasIndex(c => c.ViewingConversationId);
        builder.HasIndex(c => c.UserId);
        builder.HasIndex(c => c.SeenAt);
    }
}
