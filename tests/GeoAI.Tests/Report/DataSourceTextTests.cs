using GeoAI.Report.Sections;

namespace GeoAI.Tests.Report;

/// <summary>Reports never name data by a path, even when an older result file did.</summary>
public class DataSourceTextTests
{
    [Theory]
    [InlineData("EuroSAT zip /work/shared/data/EuroSAT.zip (27,000 JPEGs, 10 classes)", "EuroSAT zip EuroSAT.zip (27,000 JPEGs, 10 classes)")]
    [InlineData("EuroSAT folder /home/ana/data/EuroSAT (27,000 JPEGs)", "EuroSAT folder EuroSAT (27,000 JPEGs)")]
    [InlineData("a; EuroSAT zip /data/EuroSAT.zip; b", "a; EuroSAT zip EuroSAT.zip; b")]
    [InlineData("synthetic EuroSAT stand-in (27,000 generated images, seed 2019; not real data)", "synthetic EuroSAT stand-in (27,000 generated images, seed 2019; not real data)")]
    [InlineData("EuroSAT zip EuroSAT.zip (27,000 JPEGs, 10 classes; 94,280,567 bytes, SHA-256 ab12)", "EuroSAT zip EuroSAT.zip (27,000 JPEGs, 10 classes; 94,280,567 bytes, SHA-256 ab12)")]
    [InlineData("x/255·2−1 and 1/2 per image", "x/255·2−1 and 1/2 per image")]
    public void PathsBecomeFileNames(string text, string expected) => Assert.Equal(expected, DataSourceText.WithoutPaths(text));
}
