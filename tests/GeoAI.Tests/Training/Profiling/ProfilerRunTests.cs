using System.Text.Json;
using GeoAI.Data;
using GeoAI.Models;
using GeoAI.Report.Profiling;
using GeoAI.Tests.Data;
using GeoAI.Tests.Report.Profiling;
using GeoAI.Training.Profiling;
using TorchSharp;

namespace GeoAI.Tests.Training.Profiling;

/// <summary>Real profiler runs of the CNN on a tiny synthetic set on the CPU, written and read back.</summary>
public class ProfilerRunTests(ProfiledData fixture) : IClassFixture<ProfiledData>
{
    private const int Steps = 5;
    private const string NoNvml = "NVML left out by this test";

    private static readonly string[] CpuPhaseNames = ["data wait", "forward + loss", "backward", "optimizer step"];

    private static ProfileSettings Settings(LoaderKind loader, int workers = 2) =>
        new(CnnSpec.Instance, TrainingMode.Full, DeviceType.CPU, loader, workers, BatchSize: 8, Steps: Steps, Warmup: 1)
        {
            SampleInterval = TimeSpan.FromMilliseconds(5),
        };

    [Theory]
    [InlineData(LoaderKind.Host)]
    [InlineData(LoaderKind.GpuResident)]
    [InlineData(LoaderKind.HostPinnedPrefetch)]
    public void TheTraceHasOneEventPerPhasePerStepInsideItsStep(LoaderKind loader)
    {
        using var temp = new TempDirectory();
        var run = TrainingProfiler.Run(fixture.Data, Settings(loader), gpu: null, NoNvml);

        var trace = TraceDocument.Read(Path.Combine(ProfileFiles.Write(run, temp.Combine("out")), ProfileWriter.TraceFile));

        Assert.Equal("ms", trace.Root.GetProperty("displayTimeUnit").GetString());
        var steps = trace.Steps.ToList();
        Assert.Equal(Enumerable.Range(0, Steps), steps.Select(s => s.Step!.Value));
        foreach (var step in steps)
        {
            var phases = trace.Phases.Where(p => p.Step == step.Step).ToList();
            Assert.Equal(CpuPhaseNames, phases.Select(p => p.Name)); // once each, in order; no copy phase on a CPU
            Assert.All(phases, p => Assert.True(p.Duration >= 0, $"{p.Name} of step {p.Step} lasted {p.Duration} µs"));
            Assert.All(phases, p => Assert.InRange(p.Timestamp, step.Timestamp, step.Timestamp + step.Duration));
            Assert.True(phases.Sum(p => p.Duration) <= step.Duration + 0.01,
                $"step {step.Step}: phases {phases.Sum(p => p.Duration)} µs > step {step.Duration} µs");
        }
        Assert.Equal(Steps * CpuPhaseNames.Length, trace.Phases.Count());
    }

    [Fact]
    public void WarmUpLastsTheMinimumTimeAndTheRunRecordsTheStepsItTook()
    {
        var settings = Settings(LoaderKind.Host) with { Warmup = 2, MinimumWarmupTime = TimeSpan.FromMilliseconds(300) };
        var started = System.Diagnostics.Stopwatch.StartNew();
        var reports = new List<(string Stage, int Step, TimeSpan At)>();
        var progress = new SynchronousProgress(report => reports.Add((report.Stage, report.Step, started.Elapsed)));

        var run = TrainingProfiler.Run(fixture.Data, settings, gpu: null, NoNvml, progress);

        // However slow the machine: at least the 2 steps asked for, the last of them ending no sooner than 300 ms after
        // the run began (this clock starts before the profiler's, so it can only read more), and the count recorded is
        // the count that ran, before any recorded step.
        var warmup = reports.Where(r => r.Stage == "warm-up").ToList();
        Assert.Equal(Enumerable.Range(1, run.Settings.Warmup), warmup.Select(r => r.Step));
        Assert.True(run.Settings.Warmup >= 2, $"{run.Settings.Warmup} warm-up steps");
        Assert.True(warmup[^1].At >= TimeSpan.FromMilliseconds(300), $"warm-up ended after {warmup[^1].At.TotalMilliseconds} ms");
        Assert.Equal([.. warmup.Select(r => r.Stage), .. Enumerable.Repeat("recording", Steps)], reports.Select(r => r.Stage));
        Assert.Equal(Steps, run.Steps.Count);
        Assert.Contains($"- Steps: {run.Settings.Warmup} warm-up steps (at least 0.3 s) not recorded, then {Steps} recorded steps",
            ProfileFiles.Markdown(run));
    }

    [Fact]
    public void WithoutNvmlTheReasonIsRecordedAndOnlyCpuCountersAreWritten()
    {
        using var temp = new TempDirectory();
        var run = TrainingProfiler.Run(fixture.Data, Settings(LoaderKind.Host), gpu: null, NoNvml);
        var folder = ProfileFiles.Write(run, temp.Combine("out"));

        var trace = TraceDocument.Read(Path.Combine(folder, ProfileWriter.TraceFile));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, ProfileWriter.JsonFile)));
        var gpu = json.RootElement.GetProperty("utilisation").GetProperty("gpu");

        Assert.NotEmpty(trace.Counters);
        Assert.All(trace.Counters, c => Assert.Equal(ChromeTrace.CpuCounter, c.Name));
        Assert.Contains(NoNvml, trace.Root.GetProperty("otherData").GetProperty("gpu").GetString());
        Assert.False(gpu.GetProperty("available").GetBoolean());
        Assert.Equal(NoNvml, gpu.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, gpu.GetProperty("meanPercent").ValueKind);
        Assert.Equal(JsonValueKind.Null, gpu.GetProperty("peakDeviceMemoryMiB").ValueKind);
        Assert.Contains($"GPU: not sampled: {NoNvml}", File.ReadAllText(Path.Combine(folder, ProfileWriter.MarkdownFile)));
    }

    [Fact]
    public void ProfileJsonHasTheSettingsAndEachPhasesMeanAndShareOfItsOwnStepTimes()
    {
        using var temp = new TempDirectory();
        var run = TrainingProfiler.Run(fixture.Data, Settings(LoaderKind.Host), gpu: null, NoNvml);
        var folder = ProfileFiles.Write(run, temp.Combine("out"));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, ProfileWriter.JsonFile)));
        var root = json.RootElement;
        var phases = root.GetProperty("phases").EnumerateArray().ToList();

        Assert.Equal(Steps, root.GetProperty("steps").GetInt32());
        Assert.Equal(Steps, root.GetProperty("stepTimes").GetArrayLength());
        Assert.Equal(["dataWait", "forward", "backward", "optimizerStep", "other"], phases.Select(p => p.GetProperty("key").GetString()));
        // Each phase's mean and share recomputed from the per-step times in the same file (rounded there to 1 µs).
        var stepTimes = root.GetProperty("stepTimes").EnumerateArray().ToList();
        var stepMeanMs = stepTimes.Average(t => t.GetProperty("totalMs").GetDouble());
        double PhaseMeanMs(string key) => key == "other"
            ? stepTimes.Average(t => t.GetProperty("totalMs").GetDouble() - t.GetProperty("phasesMs").EnumerateObject().Sum(p => p.Value.GetDouble()))
            : stepTimes.Average(t => t.GetProperty("phasesMs").GetProperty(key).GetDouble());
        Assert.All(phases, p =>
        {
            var key = p.GetProperty("key").GetString()!;
            Assert.Equal(PhaseMeanMs(key), p.GetProperty("meanMs").GetDouble(), 0.005);
            Assert.Equal(PhaseMeanMs(key) / stepMeanMs * 100, p.GetProperty("sharePercent").GetDouble(), 0.1);
        });
        Assert.All(phases, p => Assert.True(p.GetProperty("meanMs").GetDouble() >= 0));
        Assert.Equal("cnn", root.GetProperty("settings").GetProperty("model").GetString());
        Assert.Equal(8, root.GetProperty("settings").GetProperty("batch").GetInt32());
        Assert.Equal(90, root.GetProperty("settings").GetProperty("trainingImages").GetInt32());
        Assert.StartsWith("libtorch ", root.GetProperty("runtime").GetString());
        Assert.Contains(root.GetProperty("bottleneck").GetProperty("kind").GetString(), Enum.GetNames<BottleneckKind>());
        Assert.Contains(phases[0].GetProperty("name").GetString()!, File.ReadAllText(Path.Combine(folder, ProfileWriter.MarkdownFile)));
    }

    [Fact]
    public void AGpuMonitorsReadingsBecomeCounterEventsAndAUtilisationSummary()
    {
        using var temp = new TempDirectory();
        var gpu = new FixedGpuMonitor(new GpuReading(37, 5, 1024UL * 1024 * 1024, 256UL * 1024 * 1024));
        var run = TrainingProfiler.Run(fixture.Data, Settings(LoaderKind.GpuResident), gpu, "");
        var folder = ProfileFiles.Write(run, temp.Combine("out"));

        var trace = TraceDocument.Read(Path.Combine(folder, ProfileWriter.TraceFile));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, ProfileWriter.JsonFile)));
        var summary = json.RootElement.GetProperty("utilisation").GetProperty("gpu");

        var utilisation = trace.Counters.Where(c => c.Name == ChromeTrace.GpuCounter).ToList();
        Assert.Equal(run.Samples.Count, utilisation.Count);
        Assert.All(utilisation, c => Assert.Equal(37, c.Args.GetProperty("gpu").GetDouble()));
        Assert.All(trace.Counters.Where(c => c.Name == ChromeTrace.GpuMemoryCounter),
            c => Assert.Equal(1024, c.Args.GetProperty("device").GetDouble()));
        Assert.True(summary.GetProperty("available").GetBoolean());
        Assert.Equal("Fixed Test GPU", summary.GetProperty("device").GetString());
        Assert.Equal(37, summary.GetProperty("meanPercent").GetDouble());
        Assert.Equal(256, summary.GetProperty("peakProcessMemoryMiB").GetDouble());
    }

    [Fact]
    public void InvalidSettingsAreRefusedBeforeAnyStepRuns()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            TrainingProfiler.Run(fixture.Data, Settings(LoaderKind.Host) with { Steps = 0, Mode = TrainingMode.Frozen }, null, NoNvml));

        Assert.Contains("--steps must be at least 1, not 0", error.Message);
        Assert.Contains("model 'cnn' has no mode 'frozen'", error.Message);
    }

    /// <summary>Reports on the caller's thread as they happen (<see cref="Progress{T}"/> would post them to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<(string Stage, int Step)> report) : IProgress<(string Stage, int Step)>
    {
        public void Report((string Stage, int Step) value) => report(value);
    }
}
