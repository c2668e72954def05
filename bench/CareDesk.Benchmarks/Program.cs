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
// The best iteration is the closest to the uncontended speed on a shared machine; bench/vader-js reports the same way.
Console.WriteLine("Texts per second (one thread):            best        mean");
foreach (var report in summary.Reports)
{
    if (report.ResultStatistics is not { } statistics) continue;
    var name = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-28} {1e9 / statistics.Min,12:N0} {1e9 / statistics.Mean,11:N0}"));
}
