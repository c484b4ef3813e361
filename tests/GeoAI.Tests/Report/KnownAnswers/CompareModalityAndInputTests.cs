using GeoAI.Report;
using GeoAI.Report.Compare;
using Perfolizer.Mathematics.Multimodality;

namespace GeoAI.Tests.Report.KnownAnswers;

/// <summary>
/// The modality label <c>compare</c> prints beside a verdict, on samples with a known number of modes, and its refusal
/// of a side that names one case twice.
/// </summary>
public sealed class CompareModalityAndInputTests : IDisposable
{
    private readonly ScratchFolder scratch = new();

    /// <summary>
    /// <paramref name="count"/> times spread evenly over the given modes (1 ms apart or more), each mode a tight cluster:
    /// a histogram with one, two or three separate peaks.
    /// </summary>
    private static double[] Modes(int count, params double[] centres) =>
        Enumerable.Range(0, count).Select(i => centres[i % centres.Length] * (1 + 0.001 * (i / centres.Length % 5))).ToArray();

    private string? Label(double[] baseSamples, double[] diffSamples)
    {
        GeneratedResults.Write(scratch.Combine("base"), "base-machine", [("only", baseSamples)]);
        GeneratedResults.Write(scratch.Combine("diff"), "diff-machine", [("only", diffSamples)]);
        var comparison = ResultComparer.Compare(new CompareOptions
        {
            BasePath = scratch.Combine("base"), DiffPath = scratch.Combine("diff"), ThresholdPercent = 5,
        });
        return Assert.Single(comparison.Cases).Modality;
    }

    [Fact]
    public void OnePeakHasNoLabelTwoAreBimodalThreeAreMultimodal()
    {
        // BenchmarkDotNet's m-value: the summed rises and falls of the histogram over its highest bar; a peak rises and
        // falls once (2), two separate peaks give 4 (> 3.2: bimodal), three give 6 (> 4.2: multimodal).
        Assert.Null(Label(Modes(30, 1e6), Modes(30, 1e6)));
        Assert.Equal("bimodal", Label(Modes(30, 1e6, 2e6), Modes(30, 1e6)));
        Assert.Equal("multimodal", Label(Modes(30, 1e6, 2e6, 3e6), Modes(30, 1e6)));
    }

    [Fact]
    public void TheBaseLabelComesFirstAndTheDiffsIsUsedWhenTheBaseHasNone()
    {
        Assert.Equal("bimodal", Label(Modes(30, 1e6, 2e6), Modes(30, 1e6, 2e6, 3e6)));
        Assert.Equal("multimodal", Label(Modes(30, 1e6), Modes(30, 1e6, 2e6, 3e6)));
    }

    /// <summary>
    /// Tight clusters 1 ms apart (1, 2, 3 ms ...) holding the given counts, spread like <see cref="Modes"/>: a histogram
    /// whose bars are exactly those counts with an empty bar between, so its m-value is 2 × (sum of counts) / (largest).
    /// </summary>
    private static double[] Peaks(params int[] counts) =>
        counts.SelectMany((count, k) => Enumerable.Range(0, count).Select(i => (k + 1) * 1e6 * (1 + 0.001 * (i % 5)))).ToArray();

    [Theory]
    [InlineData(new[] { 15, 6 }, 2.8, null)] // 2 × 21 / 15: the lowest m-value that is not yet "several?"
    [InlineData(new[] { 10, 5 }, 3.0, "several?")] // 2 × 15 / 10
    [InlineData(new[] { 10, 6 }, 3.2, "several?")] // 2 × 16 / 10: the highest m-value still "several?"
    [InlineData(new[] { 5, 10, 6 }, 4.2, "bimodal")] // 2 × 21 / 10: the highest m-value still "bimodal"
    public void EachLabelStartsAboveItsMValueBoundary(int[] counts, double mValue, string? label)
    {
        // The m-values are exact quotients of counts, so the boundaries themselves are reachable, and the labels are
        // BenchmarkDotNet's: above 2.8 "several?", above 3.2 "bimodal", above 4.2 "multimodal".
        var samples = Peaks(counts);

        Assert.Equal(mValue, MValueCalculator.Calculate(samples));
        Assert.Equal(label, Label(samples, Modes(30, 1e6)));
    }

    [Fact]
    public void BelowFifteenSamplesNoLabelIsGiven()
    {
        // BenchmarkDotNet's own minimum: on fewer samples the m-value is mostly noise.
        Assert.Null(Label(Modes(14, 1e6, 2e6), Modes(14, 1e6, 2e6)));
        Assert.Equal("bimodal", Label(Modes(15, 1e6, 2e6), Modes(14, 1e6)));
    }

    [Fact]
    public void ACaseNamedTwiceOnOneSideIsRefusedNamingBothMachinesAndFiles()
    {
        var baseFolder = scratch.Combine("base");
        var first = GeneratedResults.Write(baseFolder, "machine-a", [("only", Modes(10, 1e6))], fileName: "a-report-full.json");
        var second = GeneratedResults.Write(baseFolder, "machine-b", [("only", Modes(10, 1e6))], fileName: "b-report-full.json");
        GeneratedResults.Write(scratch.Combine("diff"), "diff-machine", [("only", Modes(10, 1e6))]);

        var error = Assert.Throws<ReportException>(() => ResultComparer.Compare(new CompareOptions
        {
            BasePath = baseFolder, DiffPath = scratch.Combine("diff"), ThresholdPercent = 5,
        }));

        Assert.Equal($"{baseFolder}: {GeneratedResults.FullName("only")} appears twice (machine 'machine-a' in {first} and " +
                     $"machine 'machine-b' in {second}); give each side the results of one run", error.Message);
    }

    [Fact]
    public void TheNoiseFloorIsPerBatchSoALargerBatchHasASmallerFloorPerImage()
    {
        // 20 % slower at 100 µs per image. At batch 4 a 0.5 ms floor is 125 µs per image: the change hides below it.
        // At batch 64 it is 7.8 µs per image: the 20 µs change stands out.
        var baseSamples = Modes(10, 100_000.0 * 4);
        var diffSamples = baseSamples.Select(t => t * 1.2).ToArray();
        Verdict At(int batch)
        {
            GeneratedResults.Write(scratch.Combine("base"), "base-machine", [("only", baseSamples.Select(t => t / 4 * batch).ToArray())], batch);
            GeneratedResults.Write(scratch.Combine("diff"), "diff-machine", [("only", diffSamples.Select(t => t / 4 * batch).ToArray())], batch);
            var comparison = ResultComparer.Compare(new CompareOptions
            {
                BasePath = scratch.Combine("base"), DiffPath = scratch.Combine("diff"), ThresholdPercent = 5,
            });
            var only = Assert.Single(comparison.Cases);
            Assert.Equal(500_000.0 / batch, only.NoiseFloorPerImage, 9);
            return only.Verdict;
        }

        Assert.Equal(Verdict.Same, At(4));
        Assert.Equal(Verdict.Slower, At(64));
    }

    public void Dispose() => scratch.Dispose();
}
