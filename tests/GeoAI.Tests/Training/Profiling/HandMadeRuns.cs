using GeoAI.Data;
using GeoAI.Models;
using GeoAI.Runtime;
using GeoAI.Training.Profiling;
using TorchSharp;

namespace GeoAI.Tests.Training.Profiling;

/// <summary>Profile runs built from numbers chosen by hand, for tests of the statistics and writers (no libtorch needed).</summary>
internal static class HandMadeRuns
{
    public static readonly RuntimeInfo Runtime = new("cpu", "2.10.0", "NuGet", "cpu", false, "n/a", "n/a", "Test CPU", "n/a",
        "Test CPU", 2, 2);

    public static readonly ProfileSettings CpuHost = new(CnnSpec.Instance, TrainingMode.Full, DeviceType.CPU, LoaderKind.Host,
        Workers: 2, BatchSize: 10, Steps: 4, Warmup: 0);

    /// <summary>A CPU host-loader step: data wait, forward, backward, optimizer (ms), then <paramref name="otherMs"/> uncovered.</summary>
    public static StepRecord Step(int index, double startMs, double dataMs, double forwardMs, double backwardMs, double optimizerMs,
        double otherMs, int images = 10)
    {
        var phases = new List<PhaseSpan>();
        var at = startMs * 1000;
        foreach (var (phase, ms) in new[]
                 {
                     (ProfilePhase.DataWait, dataMs), (ProfilePhase.Forward, forwardMs), (ProfilePhase.Backward, backwardMs),
                     (ProfilePhase.OptimizerStep, optimizerMs),
                 })
        {
            phases.Add(new PhaseSpan(phase, at, ms * 1000));
            at += ms * 1000;
        }
        var total = dataMs + forwardMs + backwardMs + optimizerMs + otherMs;
        return new StepRecord(index, images, startMs * 1000, total * 1000, phases);
    }

    /// <summary>
    /// Four steps: data wait 1,2,3,10 ms; forward 10 each; backward 20 each; optimizer 4 each; other 1 each.
    /// Step totals 36, 37, 38, 45 ms (mean 39).
    /// </summary>
    public static ProfileRun FourSteps(IReadOnlyList<UtilisationSample>? samples = null, GpuStatus? gpu = null) =>
        new(CpuHost, "CNN (chapter)", "host, 2 workers", "synthetic test data", true, 100, Runtime, 2,
            gpu ?? new GpuStatus(false, "", "no NVML in this test"),
            [Step(0, 0, 1, 10, 20, 4, 1), Step(1, 36, 2, 10, 20, 4, 1), Step(2, 73, 3, 10, 20, 4, 1), Step(3, 111, 10, 10, 20, 4, 1, images: 5)],
            samples ?? [new UtilisationSample(50_000, 40, null), new UtilisationSample(156_000, 60, null)],
            LoadBefore: 1.5, LoadAfter: 2.25);
}
