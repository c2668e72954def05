using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareDesk.Data.Configurations;

public class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.Property(c => c.ThreadId).HasMaxLength(200);
        builder.Property(c => c.AssigneeId).HasMaxLength(450);
        builder.Property(c => c.SentimentLabel).HasMaxLength(16);
        builder.Property(c => c.Intent).HasMaxLength(16);
        builder.Property(c => c.Preview).HasMaxLength(280);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne(c => c.Channel).WithMany().HasForeignKey(c => c.ChannelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Contact).WithMany().HasForeignKey(c => c.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Assignee).WithMany().HasForeignKey(c => c.AssigneeId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Queue>().WithMany().HasForeignKey(c => c.QueueId).OnDelete(DeleteBehavior.SetNull);

        // The inbox list (status + last activity), threading, a contact's open conversation,
        // per-queue metrics, agent load and the SLA sweep.
        builder.HasIndex(c => new { c.Status, c.LastMessageAt });
        builder.HasIndex(c => new { c.ChannelId, c.ThreadId });
        builder.HasIndex(c => new { c.ContactId, c.Status });
        builder.HasIndex(c => new { c.QueueId, c.Status, c.AssigneeId });
        builder.HasIndex(c => new { c.AssigneeId, c.Status });
        builder.HasIndex(c => new { c.Status, c.SlaDueAt });
    }
}
