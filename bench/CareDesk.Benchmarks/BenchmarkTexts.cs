using System.Reflection;

namespace CareDesk.Benchmarks;

/// <summary>The texts of bench/texts, the same ones bench/vader-js times.</summary>
public static class BenchmarkTexts
{
    public const int TweetCount = 40;
    public const int LinkedInPostCount = 8;

    public static string[] Tweets { get; } = Load("tweets.txt", TweetCount);

    public static string[] LinkedInPosts { get; } = Load("linkedin.txt", LinkedInPostCount);

    private static string[] Load(string resource, int expectedCount)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing.");
        using var reader = new StreamReader(stream);
        var texts = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (texts.Length != expectedCount)
        {
            throw new InvalidOperationException($"{resource} has {texts.Length} texts; the benchmarks count {expectedCount}.");
        }

        return texts;
    }
}
