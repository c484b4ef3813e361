using GeoAI.Data;
using TorchSharp;

namespace GeoAI.Training.Profiling;

/// <summary>The parts of a training step the profiler times, in the order they happen.</summary>
public enum ProfilePhase
{
    /// <summary>Blocked on the loader for the next batch (for pinned prefetch this includes its in-loader copy).</summary>
    DataWait,

    /// <summary>The blocking <c>.to(device)</c> of a host batch, done by the profiler so it is timed on its own.</summary>
    HostToDevice,

    /// <summary>The model's forward pass and the cross-entropy loss (<see cref="TrainingStep.Forward"/>).</summary>
    Forward,

    /// <summary>Zeroing gradients and back-propagation (<see cref="TrainingStep.Backward"/>).</summary>
    Backward,

    /// <summary>The SGD update (<see cref="TrainingStep.OptimizerStep"/>).</summary>
    OptimizerStep,
}

/// <summary>Names of the phases, and which of them a loader and device have.</summary>
public static class ProfilePhases
{
    /// <summary>
    /// The phases timed for a loader on a device. The host-to-device copy is a phase of its own only where it exists
    /// and is separable: the host loader on a non-CPU device. On a CPU device there is no copy (the batch already is
    /// where the model is), so the phase is left out rather than recorded as zero; pinned prefetch copies inside the
    /// loader by design (its copy is part of the data wait), and the GPU-resident loader copies nothing per step.
    /// </summary>
    public static IReadOnlyList<ProfilePhase> For(LoaderKind loader, DeviceType device) =>
        loader == LoaderKind.Host && device != DeviceType.CPU
            ? [ProfilePhase.DataWait, ProfilePhase.HostToDevice, ProfilePhase.Forward, ProfilePhase.Backward, ProfilePhase.OptimizerStep]
            : [ProfilePhase.DataWait, ProfilePhase.Forward, ProfilePhase.Backward, ProfilePhase.OptimizerStep];

    /// <summary>The name used in the trace, the tables and the chart.</summary>
    public static string Name(this ProfilePhase phase) => phase switch
    {
        ProfilePhase.DataWait => "data wait",
        ProfilePhase.HostToDevice => "host-to-device copy",
        ProfilePhase.Forward => "forward + loss",
        ProfilePhase.Backward => "backward",
        ProfilePhase.OptimizerStep => "optimizer step",
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, null),
    };

    /// <summary>The JSON key: dataWait, hostToDevice, forward, backward, optimizerStep.</summary>
    public static string Key(this ProfilePhase phase) => phase switch
    {
        ProfilePhase.DataWait => "dataWait",
        ProfilePhase.HostToDevice => "hostToDevice",
        ProfilePhase.Forward => "forward",
        ProfilePhase.Backward => "backward",
        ProfilePhase.OptimizerStep => "optimizerStep",
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, null),
    };

    /// <summary>Waiting for data and copying it: the part of a step the loader choice decides.</summary>
    public static bool IsDataPath(this ProfilePhase phase) => phase is ProfilePhase.DataWait or ProfilePhase.HostToDevice;

    /// <summary>Forward and backward: the model's own arithmetic.</summary>
    public static bool IsCompute(this ProfilePhase phase) => phase is ProfilePhase.Forward or ProfilePhase.Backward;
}
