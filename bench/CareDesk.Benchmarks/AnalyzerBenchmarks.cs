using BenchmarkDotNet.Attributes;
using CareDesk.Analysis;
using CareDesk.Analysis.Vader;

namespace CareDesk.Benchmarks;

/// <summary>One benchmark operation is one analyzed text.</summary>
[MemoryDiagnoser]
[MinColumn]
public class AnalyzerBenchmarks
{
    private readonly CareAnalyzer analyzer = new();
    private readonly VaderScorer vader = new();
    private readonly string[] tweets = BenchmarkTexts.Tweets;
    private readonly string[] posts = BenchmarkTexts.LinkedInPosts;

    [Benchmark(OperationsPerInvoke = BenchmarkTexts.TweetCount)]
    public double CareAnalyzer_Tweet()
    {
        var sum = 0.0;
        foreach (var text in tweets) sum += analyzer.Analyze(text).Sentiment.Score;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = BenchmarkTexts.LinkedInPostCount)]
    public double CareAnalyzer_LinkedInPost()
    {
        var sum = 0.0;
        foreach (var text in posts) sum += analyzer.Analyze(text).Sentiment.Score;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = BenchmarkTexts.TweetCount)]
    public double VaderOnly_Tweet()
    {
        var sum = 0.0;
        foreach (var text in tweets) sum += vader.Score(text).Compound;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = BenchmarkTexts.LinkedInPostCount)]
    public double VaderOnly_LinkedInPost()
    {
        var sum = 0.0;
        foreach (var text in posts) sum += vader.Score(text).Compound;
        return sum;
    }
}
