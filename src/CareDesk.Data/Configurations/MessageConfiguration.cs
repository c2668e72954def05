using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Data.Configurations;

public class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.Property(m => m.Text).HasMaxLength(20000);
        builder.Property(m => m.OriginalText).HasMaxLength(20000);
        builder.Property(m => m.PlatformMessageId).HasMaxLength(200);
        builder.Property(m => m.ParentPlatformId).HasMaxLength(200);
        builder.Property(m => m.AuthorUserId).HasMaxLength(450);
        builder.Property(m => m.Permalink).HasMaxLength(1000);
        builder.Property(m => m.Language).HasMaxLength(8);
        builder.Property(m => m.SentimentLabel).HasMaxLength(16);
        builder.Property(m => m.Intent).HasMaxLength(16);
        builder.Property(m => m.DeliveryError).HasMaxLength(2000);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId);
        // Restrict: SQL Server refuses a second cascade path to messages (contact → conversation → message).
        builder.HasOne<Contact>().WithMany().HasForeignKey(m => m.ContactId).OnDelete(DeleteBehavior.Restrict);

        // Idempotent ingest: one row per platform message on a channel, also under concurrent retries.
        // It also makes our own published replies coming back through a webhook count as duplicates.
        builder.HasIndex(m => new { m.ChannelId, m.PlatformMessageId }).IsUnique();
        builder.HasIndex(m => new { m.ConversationId, m.CreatedAt });
        builder.HasIndex(m => new { m.DeliveryStatus, m.NextAttemptAt });
    }
}
