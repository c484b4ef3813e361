using GeoAI.Data;
using GeoAI.Tests.Data;

namespace GeoAI.Tests.Training.Profiling;

/// <summary>A tiny synthetic data set (120 images, 90 for training) shared by the profiler runs of a test class.</summary>
public sealed class ProfiledData : IDisposable
{
    private readonly TempDirectory temp = new();

    public ProfiledData()
    {
        Data = EuroSatData.Open("synthetic:120", new EuroSatDataOptions { CacheDirectory = temp.Path });
    }

    public EuroSatData Data { get; }

    public string CacheDirectory => temp.Path;

    public void Dispose()
    {
        Data.Dispose();
        temp.Dispose();
    }
}
