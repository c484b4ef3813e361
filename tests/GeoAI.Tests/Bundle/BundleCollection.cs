namespace GeoAI.Tests.Bundle;

/// <summary>
/// The GPU bundle's tests share one built and unpacked bundle, and run alone after the parallel tests: the publish
/// writes bench/obj/system, which the system backend's build test uses too.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BundleCollection : ICollectionFixture<GpuBundleFixture>
{
    public const string Name = "Bundle: system-backend publish";
}
