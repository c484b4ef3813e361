using System.Text.Json.Nodes;
using GeoAI.Report;
using GeoAI.Report.Compare;
using GeoAI.Report.Results;

namespace GeoAI.Tests.Report;

/// <summary>
/// Rounds as the reader and compare see them: copies of a real result file stamped as rounds of one run (the GeoAI
/// block's RunId and Round, as the rounds runner writes them), each round's times scaled by a known factor.
/// </summary>
public sealed class RoundsTests : IDisposable
{
    private const string Case = "GeoAI.Bench.Benchmarks.CnnTraining.Train(Device: Cpu, BatchSize: 40, Loader: Host, Workers: 0)";
    private const double T2 = 4.302652729911275;

    private readonly ScratchFolder scratch = new();

    /// <summary>The case's launch time in the fixture: the median of its iterations, per image (batch 40).</summary>
    private static double FixtureLaunchTime()
    {
        var single = ResultReader.Read([Path.Combine(Fixtures.CpuMachine, Fixtures.CnnTrainingFile)]).Results.Single(r => r.FullName == Case);
        return single.Launches.Single().Time;
    }

    [Fact]
    public void RoundsOfOneRunMergeIntoLaunchLevelEstimates()
    {
        var run = Rounds("run", "run-A", 1.0, 1.1, 1.21);

        var result = ResultReader.Read([run]).Results.Single(r => r.FullName == Case);

        // Launch times t, 1.1 t, 1.21 t: geometric mean 1.1 t, log standard error ln(1.1)/√3, t(2) = 4.3027.
        var time = FixtureLaunchTime();
        var half = T2 * Math.Log(1.1) / Math.Sqrt(3);
        Assert.Equal(3, result.Launches.Count);
        Assert.Equal([1, 2, 3], result.Launches.Select(l => l.Round!.Value));
        Assert.Equal("run-A", result.RunId);
        Assert.Equal(1.1 * time, result.Time.Mean, 1e-9 * time);
        // Perfolizer's t quantile agrees with the tables to about 1e-9.
        Assert.Equal(1.1 * time * Math.Exp(-half), result.Time.Lower, 1e-6 * time);
        Assert.Equal(1.1 * time * Math.Exp(half), result.Time.Upper, 1e-6 * time);
        Assert.Equal(95, result.Time.LevelPercent);
        Assert.Equal(3, result.Time.N);
        Assert.Equal(3 * result.Launches[0].Samples.Count, result.Samples.Count);
    }

    [Fact]
    public void ChartCaptionsNameTheIntervalTheirWhiskersSpan()
    {
        var merged = ResultReader.Read([Rounds("run", "run-A", 1.0, 1.1)]).Results.Single(r => r.FullName == Case);
        var single = ResultReader.Read([Path.Combine(Fixtures.CpuMachine, Fixtures.CnnTrainingFile)]).Results.Single(r => r.FullName == Case);

        Assert.Equal("95 % t-interval over launches", merged.Time.IntervalName);
        Assert.Equal("99.9 % confidence interval within one launch", single.Time.IntervalName);
        Assert.Equal("95 % t-interval over launches or 99.9 % confidence interval within one launch",
            GeoAI.Report.Charts.ChartStyle.Whiskers([single.Time, merged.Time, merged.Time]));
        Assert.Equal("95 % interval over 3 rounds, paired by round", GeoAI.Report.Analysis.Ratio.IntervalName(3));
        Assert.Equal("ratio of the 99.9 % confidence intervals of single launches, which ignore launch-to-launch noise",
            GeoAI.Report.Analysis.Ratio.IntervalName(1));
        Assert.Equal(95, GeoAI.Report.Analysis.Ratio.LevelPercent(2));
        Assert.Equal(99.9, GeoAI.Report.Analysis.Ratio.LevelPercent(0));
    }

    [Fact]
    public void TheSameCaseFromTwoRunsOfOneMachineIsStillAmbiguous()
    {
        var first = Rounds("first", "run-A", 1.0);
        var second = Rounds("second", "run-B", 1.0);

        var error = Assert.Throws<ReportException>(() => ResultReader.Read([first, second]));

        Assert.Matches(@"^GeoAI\.Bench\.Benchmarks\.CnnTraining\.Train\(.*\) appears 2 times for machine 'epyc-2core' \(in .*first.* and .*second.*\)", error.Message);
        Assert.Contains("the rounds of one run, which share a RunId, merge", error.Message);
    }

    [Fact]
    public void PairedRoundsOfOneAbRunSeeAUniformTwentyPercentSlowdown()
    {
        var baseRun = Rounds("base", "ab-1", 1.0, 1.1, 1.21);
        var diffRun = Rounds("diff", "ab-1", 1.2, 1.32, 1.452);

        var comparison = Compare(baseRun, diffRun);

        var c = comparison.Cases.Single(x => x.FullName == Case);
        Assert.True(c.Paired);
        Assert.Equal(3, c.Launches);
        Assert.Equal(1.2, c.Ratio, 9);
        Assert.Equal(Verdict.Slower, c.Verdict);
        Assert.Equal(1, comparison.ExitCode);
        Assert.False(comparison.AnySingleLaunch);
    }

    [Fact]
    public void TheSameRoundsFromTwoSeparateRunsAreComparedUnpairedAndCannotDecide()
    {
        var baseRun = Rounds("base", "run-A", 1.0, 1.1, 1.21);
        var diffRun = Rounds("diff", "run-B", 1.2, 1.32, 1.452);

        var c = Compare(baseRun, diffRun).Cases.Single(x => x.FullName == Case);

        Assert.False(c.Paired);
        Assert.Equal(1.2, c.Ratio, 9);
        Assert.Equal(Verdict.Unsure, c.Verdict); // Welch over 3 + 3 launches with 10 % drift: 0.967 – 1.49
    }

    [Fact]
    public void RoundsComparedWithThemselvesAreTheSame()
    {
        var run = Rounds("run", "run-A", 1.0, 1.1, 1.21);

        var comparison = Compare(run, run);

        Assert.All(comparison.Cases, c => Assert.Equal(Verdict.Same, c.Verdict));
        Assert.Equal(Fixtures.CnnTrainingCasesOfCpuMachine, comparison.Cases.Count);
    }

    [Fact]
    public void TheMarkdownOfALaunchLevelComparisonGivesIntervalsAndNoSingleLaunchWarning()
    {
        var markdown = ComparisonMarkdown.Render(Compare(Rounds("base", "ab-1", 1.0, 1.1, 1.21), Rounds("diff", "ab-1", 1.2, 1.32, 1.452)));

        Assert.Contains("| CnnTraining.Train(Device: Cpu, BatchSize: 40, Loader: Host, Workers: 0) | 1.20 | 1.20 – 1.20 | 3 paired |", markdown);
        Assert.DoesNotContain(ComparisonMarkdown.SingleLaunchWarning, markdown);
    }

    [Fact]
    public void TwoRoundsASideAreEnoughForALaunchLevelVerdict()
    {
        var c = Compare(Rounds("base", "ab-1", 1.0, 1.1), Rounds("diff", "ab-1", 1.2, 1.32)).Cases.Single(x => x.FullName == Case);

        Assert.Equal(2, c.Launches);
        Assert.True(c.Paired);
        Assert.Equal(1.2, c.LaunchRatio!.Value.Value, 9);
        Assert.Equal(1, c.LaunchRatio.Value.Degrees);
        Assert.Equal(Verdict.Slower, c.Verdict);
    }

    [Fact]
    public void RoundsAgainstASingleLaunchFallBackToTheIterationTest()
    {
        var single = scratch.Combine("single");
        Directory.CreateDirectory(single);
        File.Copy(Path.Combine(Fixtures.CpuMachine, Fixtures.CnnTrainingFile), Path.Combine(single, Fixtures.CnnTrainingFile));

        var comparison = Compare(Rounds("base", "run-A", 1.0, 1.0, 1.0), single);

        var c = comparison.Cases.Single(x => x.FullName == Case);
        Assert.Null(c.LaunchRatio);
        Assert.Equal(1, c.Launches);
        Assert.True(comparison.AnySingleLaunch);
        Assert.Contains(ComparisonMarkdown.SingleLaunchWarning, ComparisonMarkdown.Render(comparison));
    }

    [Theory]
    [InlineData(0.15, Verdict.Slower)] // a floor of 15 % of the step: 20 % slower is beyond it
    [InlineData(0.25, Verdict.Same)] // a floor of 25 %: 20 % slower lies within it
    public void TheNoiseFloorWidensTheLaunchLevelThresholdWhereItIsLarger(double floorShare, Verdict expected)
    {
        var baseRun = Rounds("base", "ab-1", 1.0, 1.1, 1.21);
        var perImage = ResultReader.Read([baseRun]).Results.Single(r => r.FullName == Case).Time.Median;

        var c = ResultComparer.Compare(new CompareOptions
        {
            BasePath = baseRun, DiffPath = Rounds("diff", "ab-1", 1.2, 1.32, 1.452), ThresholdPercent = 5,
            NoisePerBatchNanoseconds = floorShare * perImage * 40, // the case's batch is 40 images
        }).Cases.Single(x => x.FullName == Case);

        Assert.Equal(expected, c.Verdict);
        Assert.Equal(floorShare * perImage, c.NoiseFloorPerImage, 1e-9 * perImage);
    }

    private Comparison Compare(string basePath, string diffPath) =>
        ResultComparer.Compare(new CompareOptions { BasePath = basePath, DiffPath = diffPath, ThresholdPercent = 5 });

    /// <summary>
    /// A run of the fixture's CNN training file, one round per factor (round-NN/ folders, as the rounds runner writes
    /// them), every time of round k multiplied by its factor.
    /// </summary>
    private string Rounds(string name, string runId, params double[] factors)
    {
        var folder = scratch.Combine(name);
        foreach (var (factor, index) in factors.Select((f, i) => (f, i)))
        {
            var file = Path.Combine(folder, $"round-{index + 1:D2}", Fixtures.CnnTrainingFile);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.Copy(Path.Combine(Fixtures.CpuMachine, Fixtures.CnnTrainingFile), file);
            ScratchFolder.EditFile(file, root =>
            {
                foreach (var benchmark in root["Benchmarks"]!.AsArray())
                    ScratchFolder.ScaleTimes(benchmark!.AsObject(), factor);
                Stamp(root, runId, index + 1);
            });
        }
        return folder;
    }

    private static void Stamp(JsonObject root, string runId, int round)
    {
        var geoAi = root["HostEnvironmentInfo"]!["GeoAI"]!.AsObject();
        geoAi["RunId"] = runId;
        geoAi["Round"] = round;
    }

    public void Dispose() => scratch.Dispose();
}
