using GeoAI.Data;

namespace GeoAI.Tests.Data;

/// <summary>One small synthetic data set (300 images) and its cache, shared by the loader tests of a class.</summary>
public sealed class SyntheticDataFixture : IDisposable
{
    private readonly TempDirectory temp = new();

    public SyntheticDataFixture()
    {
        Data = EuroSatData.Open("synthetic:300", new EuroSatDataOptions { CacheDirectory = temp.Path });
        (Train, Validation) = DatasetSplit.RandomSplit(Data.Count, seed: 42);
    }

    public EuroSatData Data { get; }

    public int[] Train { get; }

    public int[] Validation { get; }

    public void Dispose()
    {
        Data.Dispose();
        temp.Dispose();
    }
}
