using System.Diagnostics;
using GeoAI.Data;
using GeoAI.Models;
using GeoAI.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace GeoAI.Training.Profiling;

/// <summary>
/// Trains a model for a few steps and times each phase of every step: waiting for the batch, the host-to-device copy
/// (where it is a phase, see <see cref="ProfilePhases.For"/>), forward + loss, backward and the optimizer step, all
/// through the shared <see cref="TrainingStep"/> so the work is exactly the benchmarks'. On CUDA every phase boundary
/// synchronises with the device. Warm-up steps run the same way first and are not recorded. Process CPU and (through an
/// <see cref="IGpuMonitor"/>) GPU utilisation are sampled during the recorded steps.
/// </summary>
public static class TrainingProfiler
{
    /// <param name="gpu">The GPU to sample, or null (then <paramref name="gpuUnavailableReason"/> says why).</param>
    /// <param name="progress">Told "warm-up" or "recording" and the step number as steps finish.</param>
    /// <exception cref="ArgumentException">The settings are invalid, or CUDA is asked for and not available.</exception>
    public static ProfileRun Run(EuroSatData data, ProfileSettings settings, IGpuMonitor? gpu, string gpuUnavailableReason,
        IProgress<(string Stage, int Step)>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Problems() is { Count: > 0 } problems)
            throw new ArgumentException(string.Join("; ", problems), nameof(settings));
        TorchBackend.EnsureLoaded();
        if (settings.Device == DeviceType.CUDA && !cuda.is_available())
            throw new ArgumentException("CUDA was asked for, but it is not available: " + RuntimeInfo.Current.ToLine(), nameof(settings));

        var device = new Device(settings.Device);
        var train = DatasetSplit.RandomSplit(data.Count, settings.Seed).Train;
        if (train.Length == 0)
            throw new ArgumentException($"{data.Description} has no training images to profile with", nameof(data));
        var options = new LoaderOptions(settings.Loader, settings.BatchSize, settings.Workers, settings.PrefetchDepth, Seed: settings.Seed);
        using var source = BatchSources.Create(data, train, settings.CopiesInProfiler ? CPU : device, options);
        using var model = settings.Model.Create(data.ClassNames.Count, settings.Mode, settings.Seed).to(device);
        model.train();
        using var step = new TrainingStep(model, new SgdSettings());
        using var batches = new EndlessBatches(source);

        // Not started until the recorded steps begin: warm-up steps read 0 and the trace starts at the first recorded step.
        var clock = new Stopwatch();
        var timer = new StepTimer(clock, settings, device, step, batches);
        var warmupSteps = 0;
        var warmupClock = Stopwatch.StartNew();
        while (warmupSteps < settings.Warmup || warmupClock.Elapsed < settings.MinimumWarmupTime)
        {
            timer.Run(-1);
            warmupSteps++; // not inside the ?. call below: with no progress its arguments are never evaluated
            progress?.Report(("warm-up", warmupSteps));
        }

        var steps = new List<StepRecord>(settings.Steps);
        using var sampler = new UtilisationSampler(clock, settings.SampleInterval, gpu);
        var loadBefore = MachineLoad.Current();
        sampler.Start();
        clock.Start();
        for (var i = 0; i < settings.Steps; i++)
        {
            steps.Add(timer.Run(i));
            progress?.Report(("recording", i + 1));
        }
        var samples = sampler.Stop();
        var loadAfter = MachineLoad.Current();

        var loaderDescription = settings.CopiesInProfiler
            ? $"host, {(settings.Workers == 0 ? "in the caller (0 workers)" : $"{settings.Workers} workers, prefetch {settings.PrefetchDepth}")}; " +
              $"the profiler copies each batch to {device} with a blocking .to() (the host-to-device phase)"
            : source.Description;
        // The run records the warm-up steps that actually ran.
        return new ProfileRun(settings with { Warmup = warmupSteps }, settings.Model.DisplayName, loaderDescription, data.Description,
            data.IsSynthetic, train.Length,
            RuntimeInfo.Current, Environment.ProcessorCount, GpuStatus.Of(gpu, gpuUnavailableReason), steps, samples,
            loadBefore, loadAfter);
    }

    /// <summary>Runs and times one step; the clock must already run for recorded steps.</summary>
    private sealed class StepTimer(Stopwatch clock, ProfileSettings settings, Device device, TrainingStep step, EndlessBatches batches)
    {
        private readonly List<PhaseSpan> phases = new(5);
        private double mark;

        /// <param name="index">The recorded step's number; -1 for a warm-up step, whose times are dropped.</param>
        public StepRecord Run(int index)
        {
            phases.Clear();
            var images = 0;
            var start = Now();
            mark = start;
            var scope = NewDisposeScope();
            try
            {
                var (x, y) = batches.Next();
                scope.Attach(x, y);
                images = (int)y.shape[0];
                EndPhase(ProfilePhase.DataWait);
                if (settings.CopiesInProfiler)
                {
                    (x, y) = (x.to(device), y.to(device));
                    EndPhase(ProfilePhase.HostToDevice);
                }
                var (_, loss) = step.Forward(x, y);
                EndPhase(ProfilePhase.Forward);
                step.Backward(loss);
                EndPhase(ProfilePhase.Backward);
                step.OptimizerStep();
                EndPhase(ProfilePhase.OptimizerStep);
            }
            finally
            {
                scope.Dispose();
            }
            return new StepRecord(index, images, start, Now() - start, phases.ToArray());
        }

        /// <summary>Waits for the device, then closes the phase that began at the last mark.</summary>
        private void EndPhase(ProfilePhase phase)
        {
            if (device.type == DeviceType.CUDA)
                cuda.synchronize();
            var now = Now();
            phases.Add(new PhaseSpan(phase, mark, now - mark));
            mark = now;
        }

        private double Now() => clock.Elapsed.TotalMicroseconds;
    }

    /// <summary>Batches epoch after epoch, as a long run sees them (an epoch boundary costs what it costs in training).</summary>
    private sealed class EndlessBatches(IBatchSource source) : IDisposable
    {
        private int epoch;
        private IEnumerator<(Tensor X, Tensor Y)> batches = source.Epoch(0).GetEnumerator();

        public (Tensor X, Tensor Y) Next()
        {
            while (!batches.MoveNext())
            {
                batches.Dispose();
                batches = source.Epoch(++epoch).GetEnumerator();
            }
            return batches.Current;
        }

        public void Dispose() => batches.Dispose();
    }
}
