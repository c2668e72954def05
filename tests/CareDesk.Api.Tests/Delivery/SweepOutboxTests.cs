using System.Net;
using CareDesk.Api.Features.Delivery;
using CareDesk.Api.Infrastructure;
using CareDesk.Api.Tests.Infrastructure;
using CareDesk.Data;
using CareDesk.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace CareDesk.Api.Tests.Delivery;

/// <summary>The outbox row is the truth: a reply still queued when the desk stops is delivered, once, after it starts again.</summary>
public sealed class SweepOutboxTests : IAsyncLifetime
{
    private FakeReplyEndpoint endpoint = null!;

    public async Task InitializeAsync() => endpoint = await FakeReplyEndpoint.StartAsync();

    public async Task DisposeAsync() => await endpoint.DisposeAsync();

    [Fact]
    public async Task A_reply_queued_when_the_desk_stops_is_delivered_exactly_once_by_the_next_start()
    {
        string dataFolder, replyId;
        // The endpoint is down and asks to be tried again in an hour: the reply stays queued, its next attempt far off.
        endpoint.Answer = HttpStatusCode.ServiceUnavailable;
        endpoint.RetryAfter = TimeSpan.FromHours(1);
        await using (var first = await CareDeskServer.StartAsync())
        {
            dataFolder = first.DataFolder;
            var channel = await GenericChannel.CreateAsync(first, replyUrl: endpoint.Url);
            endpoint.Secret = channel.Secret;
            var conversationId = await channel.IngestAsync(first, GenericChannel.Mention("restart-1", "Is my refund on its way?"));
            using var agent = await first.ClientForAsync(DemoAccounts.Agent);
            var accepted = await HttpAssert.Json(await agent.PostJson($"/api/conversations/{conversationId}/replies", new { text = "It left today." }), HttpStatusCode.Accepted);
            replyId = accepted.GetProperty("replyId").GetString()!;

            var pending = await Eventually.Get(
                () => first.WithDbAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.Id == Guid.Parse(replyId))),
                m => m.DeliveryAttempts == 1 && m.DeliveryLeaseUntil == null); // the first attempt has finished
            Assert.Equal(DeliveryStatus.Queued, pending.DeliveryStatus);
            Assert.True(pending.NextAttemptAt > DateTime.UtcNow.AddMinutes(30), $"next attempt at {pending.NextAttemptAt:O}");
        }

        // While the desk was down the hour passed, and the endpoint recovered.
        await using (var db = OpenDatabase(dataFolder))
        {
            var reply = await db.Messages.SingleAsync(m => m.Id == Guid.Parse(replyId));
            reply.NextAttemptAt = DateTime.UtcNow.AddSeconds(-1);
            await db.SaveChangesAsync();
        }
        endpoint.Answer = HttpStatusCode.OK;

        await using var second = await CareDeskServer.StartAsync(dataFolder: dataFolder);
        var sent = await Eventually.Get(
            () => second.WithDbAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.Id == Guid.Parse(replyId))),
            m => m.DeliveryStatus != DeliveryStatus.Queued);
        Assert.Equal(DeliveryStatus.Sent, sent.DeliveryStatus);
        Assert.Equal(2, sent.DeliveryAttempts);

        // Another sweep, or a stray job for the same reply, sends nothing more.
        Assert.Equal(0, await second.SendAsync(new SweepOutbox.Command()));
        await second.SendAsync(new DeliverReply.Command(Guid.Parse(replyId)));
        var requests = endpoint.For(replyId);
        Assert.Equal(2, requests.Count);
        Assert.Single(requests, r => r.AnsweredWith == HttpStatusCode.OK);
        Assert.All(requests, r => Assert.True(r.SignatureValid));
        Assert.All(requests, r => Assert.Equal(replyId, r.IdempotencyKey));
    }

    /// <summary>The desk's own database file, opened while no desk runs on it.</summary>
    private static CareDeskDbContext OpenDatabase(string dataFolder) =>
        new(new DbContextOptionsBuilder<CareDeskDbContext>()
            .UseSqlite(DatabaseSetup.ConnectionString(new ConfigurationBuilder().Build(), dataFolder))
            .Options);
}
