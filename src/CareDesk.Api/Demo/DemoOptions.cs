namespace CareDesk.Api.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seeds demo users, queues, rules and a simulated channel, and runs the simulator.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many simulated mentions arrive per minute; 0 keeps the simulator quiet.</summary>
    public double MentionsPerMinute { get; set; } = 6;

    /// <summary>Share of published replies the simulated customer answers.</summary>
    public double CustomerAnswerRate { get; set; } = 0.6;

    /// <summary>The longest a simulated customer takes to answer; each answer comes after a random part of it.</summary>
    public TimeSpan CustomerAnswerDelay { get; set; } = TimeSpan.FromSeconds(25);
}
