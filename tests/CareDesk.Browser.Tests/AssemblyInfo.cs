// Each class starts its own desk and browser; one at a time suits a 2-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
