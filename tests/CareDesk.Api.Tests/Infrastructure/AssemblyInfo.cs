// Each test class starts its own desk; running them one at a time keeps timings honest on a 2-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
