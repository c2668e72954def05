using CareDesk.Api.Channels.Generic;
using CareDesk.Api.Channels.LinkedIn;
using CareDesk.Api.Channels.Meta;
using CareDesk.Api.Channels.X;
using CareDesk.Api.Features.Analysis;
using CareDesk.Api.Features.Auth;
using CareDesk.Api.Features.CannedResponses;
using CareDesk.Api.Features.Channels;
using CareDesk.Api.Features.Contacts;
using CareDesk.Api.Features.Conversations;
using CareDesk.Api.Features.Events;
using CareDesk.Api.Features.Leads;
using CareDesk.Api.Features.Metrics;
using CareDesk.Api.Features.Queues;
using CareDesk.Api.Features.Reports;
using CareDesk.Api.Features.RoutingRules;
using CareDesk.Api.Features.Users;

namespace CareDesk.Api.Features;

public static class Endpoints
{
    public static void MapCareDeskEndpoints(this IEndpointRouteBuilder app)
    {
        Login.Map(app);
        GetMe.Map(app);

        CreateChannel.Map(app);
        ListChannels.Map(app);
        ListChannelTypes.Map(app);
        GenericWebhook.Map(app);
        GetChannelHealth.Map(app);
        MetaWebhook.Map(app);
        XWebhook.Map(app);
        LinkedInWebhook.Map(app);

        AnalyzeText.Map(app);

        ListConversations.Map(app);
        GetConversation.Map(app);
        ClaimConversation.Map(app);
        ReleaseConversation.Map(app);
        AssignConversation.Map(app);
        SendReply.Map(app);
        RetryReply.Map(app);
        AddNote.Map(app);
        ResolveConversation.Map(app);
        ListContactConversations.Map(app);

        GetQueueMetrics.Map(app);
        GetOutcomeReport.Map(app);
        ListLeads.Map(app);
        ChangeLeadStatus.Map(app);
        GetEventsAfter.Map(app);

        ListQueues.Map(app);
        CreateQueue.Map(app);
        UpdateQueue.Map(app);
        DeleteQueue.Map(app);

        ListRoutingRules.Map(app);
        CreateRoutingRule.Map(app);
        UpdateRoutingRule.Map(app);
        DeleteRoutingRule.Map(app);
        ReorderRoutingRules.Map(app);

        ListCannedResponses.Map(app);
        CreateCannedResponse.Map(app);
        UpdateCannedResponse.Map(app);
        DeleteCannedResponse.Map(app);

        ListUsers.Map(app);
        CreateUser.Map(app);
        SetUserRoles.Map(app);
        SetUserQueues.Map(app);
    }
}
