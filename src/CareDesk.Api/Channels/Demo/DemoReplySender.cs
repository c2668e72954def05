using CareDesk.Api.Demo;
using CareDesk.Api.Jobs;
using CareDesk.Data.Entities;
using Hangfire;
using Microsoft.Extensions.Options;

namespace CareDesk.Api.Channels.Demo;

/// <summary>
/// SIMULATOR: "publishes" replies on the simulated network (nothing leaves the machine) and, now and then, has the
/// simulated customer answer back a little later, so sentiment recovery shows up in the demo's reports.
/// </summary>
public sealed class DemoReplySender(IBackgroundJobClient jobs, IOptions<DemoOptions> options) : IReplySender
{
    public string ChannelType => DemoConnector.ChannelType;

    public TimeSpan? ReplyWindow(MentionKind kind) => null;

    public Task<ReplyResult> SendAsync(OutgoingReply reply, CancellationToken cancellationToken)
    {
        var postId = $"sim-reply-{reply.ReplyId:N}";
        if (Random.Shared.NextDouble() < options.Value.CustomerAnswerRate)
        {
            jobs.Schedule<DemoCustomerAnswerJob>(
                job => job.Run(reply.Channel.Id, reply.ConversationId, CancellationToken.None),
                options.Value.CustomerAnswerDelay * (0.2 + 0.8 * Random.Shared.NextDouble()));
        }
        return Task.FromResult<ReplyResult>(new ReplyResult.Sent(postId, DemoSimulator.Permalink(postId)));
    }
}
