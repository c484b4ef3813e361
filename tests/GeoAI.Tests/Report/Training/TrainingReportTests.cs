using GeoAI.Report;
using GeoAI.Report.Training;
using GeoAI.Tests.Data;
using GeoAI.Tests.Report;

namespace GeoAI.Tests.Report.Training;

/// <summary>The report command's "Training runs" section, from hand-made train.json files (no libtorch needed).</summary>
public sealed class TrainingReportTests : IDisposable
{
    private readonly TempDirectory temp = new();

    private string WriteRun(string folder, TrainRun run, string name = "train.json")
    {
        var directory = Directory.CreateDirectory(temp.Combine(folder)).FullName;
        var path = Path.Combine(directory, name);
        TrainRunJson.Write(run, path);
        return path;
    }

    private WrittenReport Report(params string[] inputs) =>
        ReportWriter.Write(new ReportOptions { Inputs = inputs, OutputDirectory = temp.Combine("report") });

    private string Markdown(WrittenReport written) => File.ReadAllText(Path.Combine(written.Directory, "report.md"));

    [Fact]
    public void TrainingRunsAloneMakeAReportWithTheirTable()
    {
        WriteRun("runs/cpu", HandMadeRuns.Run());

        var written = Report(temp.Combine("runs"));
        var markdown = Markdown(written);

        Assert.Contains("## Training runs", markdown);
        Assert.Contains("| CNN (chapter) | chapter | cpu | fp32 | synthetic, 300 / 100 | 3 | 85.00 % | 30.0 s | 20.0 s (epoch 2) | – |", markdown);
        Assert.Contains("> **Note:** CNN (chapter), chapter recipe, cpu: **Synthetic data**: generated images.", markdown);
        Assert.DoesNotContain("## Machines", markdown);
        Assert.Equal(0, written.Charts);
        Assert.Contains(written.Omitted, s => s.StartsWith("No CPU-against-CUDA training-time chart", StringComparison.Ordinal));
    }

    [Fact]
    public void TheSameRunOnCpuAndCudaGetsTheTimeChart()
    {
        WriteRun("runs/cpu", HandMadeRuns.Run("cpu", totalSeconds: 30));
        var cuda = WriteRun("elsewhere", HandMadeRuns.Run("cuda", totalSeconds: 10), "cuda-run.json");

        var written = Report(temp.Combine("runs"), cuda);

        Assert.Equal(1, written.Charts);
        Assert.Contains("charts/training-time-cpu-cuda.png", written.Files);
        var svg = File.ReadAllText(Path.Combine(written.Directory, "charts", "training-time-cpu-cuda.svg"));
        Assert.Contains("Training time: CPU against CUDA", svg);
        Assert.Contains("CUDA 3.00× faster", svg);
        Assert.Contains("| CNN (chapter) | chapter | cuda |", Markdown(written));
    }

    [Fact]
    public void RunsOfDifferentWorkAreNotPaired()
    {
        var cpu = HandMadeRuns.Run("cpu");
        var shorterOnCuda = HandMadeRuns.Run("cuda", 10, 0.5, 0.8);

        Assert.Empty(TrainingTimeChart.Pairs([cpu, shorterOnCuda]));
        Assert.Single(TrainingTimeChart.Pairs([cpu, HandMadeRuns.Run("cuda", 10)]));
    }

    [Fact]
    public void BenchmarkResultsKeepTheirSectionsAndGainTheTrainingSection()
    {
        WriteRun("runs/cpu", HandMadeRuns.Run());

        var markdown = Markdown(Report(Fixtures.GpuMachine, temp.Combine("runs")));

        Assert.Contains("## CPU → CUDA speedup", markdown);
        Assert.Contains("## All cases", markdown);
        Assert.True(markdown.IndexOf("## Training runs", StringComparison.Ordinal) > markdown.IndexOf("## All cases", StringComparison.Ordinal));
    }

    [Fact]
    public void ABrokenTrainJsonStopsTheReportNamingIt()
    {
        var path = WriteRun("runs/cpu", HandMadeRuns.Run());
        File.WriteAllText(path, "{ \"schema\": \"geoai-train/1\", \"epochs\": [");

        var error = Assert.Throws<ReportException>(() => Report(temp.Combine("runs")));

        Assert.StartsWith(path + ": not a train.json", error.Message);
        Assert.False(Directory.Exists(temp.Combine("report")));
    }

    public void Dispose() => temp.Dispose();
}
