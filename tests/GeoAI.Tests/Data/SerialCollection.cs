namespace GeoAI.Tests.Data;

/// <summary>
/// Tests that use process-wide state (the live tensor count, the process's memory, environment variables, libtorch's
/// global random generator) run in this collection, alone, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "Data: process-wide state";
}
