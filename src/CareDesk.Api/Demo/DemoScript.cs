using CareDesk.Data.Entities;

namespace CareDesk.Api.Demo;

/// <summary>The simulated social network's cast and lines: original texts covering every intent and mood a desk sees.</summary>
public static class DemoScript
{
    public sealed record Persona(string Id, string Handle, string Name, int Followers);

    public sealed record Line(MentionKind Kind, string Text);

    public static readonly Persona[] People =
    [
        new("sim-1001", "@mara_travels", "Mara Lind", 1_240),
        new("sim-1002", "@devon_builds", "Devon Okafor", 310),
        new("sim-1003", "@techwithtariq", "Tariq Haddad", 84_500),
        new("sim-1004", "@jules.k", "Jules Kim", 57),
        new("sim-1005", "@priya_ops", "Priya Raman", 2_900),
        new("sim-1006", "@bigcorp_it", "Northwind IT", 12_300),
        new("sim-1007", "@sunny_side_up", "Sunny Alvarez", 640),
        new("sim-1008", "@deal_hunter_99", "Promo Bot", 15),
        new("sim-1009", "@oliver.reads", "Oliver Grant", 4_100),
        new("sim-1010", "@cto_hannah", "Hannah Weiss", 23_800),
    ];

    public static readonly Line[] Openers =
    [
        new(MentionKind.Post, "@CareDesk your app has been down for 3 hours and nobody is answering. This is ridiculous."),
        new(MentionKind.Post, "Charged twice for my subscription this month?? Still waiting on a refund from @CareDesk"),
        new(MentionKind.Direct, "Hi, I lost my parcel tracking number, can you help me find my order?"),
        new(MentionKind.Comment, "Been on hold for 45 minutes. Is anyone actually working today? #fail"),
        new(MentionKind.Post, "Huge thanks to the @CareDesk team, they fixed it in 10 minutes. Legends! 🙌"),
        new(MentionKind.Comment, "How do I change the email address on my account?"),
        new(MentionKind.Post, "We're evaluating helpdesk vendors for 40 seats — does @CareDesk offer volume pricing?"),
        new(MentionKind.Direct, "Our contract with our current provider ends in March. Could we get a demo next week?"),
        new(MentionKind.Post, "Looking for alternatives to our current ticketing tool. Anyone using @CareDesk at scale?"),
        new(MentionKind.Comment, "Does the Enterprise plan include SSO? That's a must-have before we can sign."),
        new(MentionKind.Post, "Love the new dashboard 😍 so much easier to read than before"),
        new(MentionKind.Comment, "🔥🔥 Win a FREE iPhone!!! Click here www.free-prizes.example 🔥🔥"),
        new(MentionKind.Post, "RT @someone: big announcement coming tomorrow"),
        new(MentionKind.Direct, "I want to cancel my account. Third outage this week and no reply to my emails."),
        new(MentionKind.Post, "Is there an outage right now? The login page keeps timing out for me."),
        new(MentionKind.Comment, "Sorted within the hour, really impressed with the support, thank you!"),
        new(MentionKind.Post, "Budget approved for Q1 🎉 now choosing between two tools, pricing page for @CareDesk please?"),
        new(MentionKind.Comment, "Where can I download last month's invoice?"),
        new(MentionKind.Post, "The update broke notifications on Android. Not working since yesterday."),
        new(MentionKind.Direct, "Can your API push tickets into Salesforce? We'd switch from our current tool if so."),
    ];

    public static readonly Line[] FollowUps =
    [
        new(MentionKind.Comment, "Any update on this? Still not working."),
        new(MentionKind.Comment, "Hello?? It's been hours."),
        new(MentionKind.Comment, "Also the mobile app shows the same error."),
        new(MentionKind.Comment, "Just tried again, same problem."),
    ];

    public static readonly string[] CustomerAnswers =
    [
        "Thanks, that fixed it! Appreciate the quick help.",
        "Ok that worked, cheers 👍",
        "Great, thank you for sorting this so fast.",
        "Got it, thanks for getting back to me.",
        "Still not great, but thanks for the reply.",
        "Perfect, all good now 🙏",
    ];
}
