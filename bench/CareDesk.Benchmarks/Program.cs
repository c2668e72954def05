using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using CareDesk.Benchmarks;

// A short run; each benchmark analyzes on one thread, so its figure is the throughput of one core. Not pinned to a
// core: on a shared 2-core machine pinning measures the neighbours' load more than the analyzer.
var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithWarmupCount(5).WithIterationCount(5).WithId("Short"));
var summary = BenchmarkRunner.Run<AnalyzerBenchmarks>(config, args);

Console.WriteLine();
Console.WriteLine("Texts per second (one thread):");
foreach (var report in summary.Reports)
{
    if (report.ResultStatistics is not { } statistics) continue;
    var textsPerSecond = 1e9 / statistics.Mean;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {report.BenchmarkCase.Descriptor.WorkloadMethod.Name,-28} {textsPerSecond,12:N0}"));
}
