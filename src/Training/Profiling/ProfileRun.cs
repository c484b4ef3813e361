using GeoAI.Runtime;
using TorchSharp;

namespace GeoAI.Training.Profiling;

/// <summary>What a profile run recorded, with the facts its reports need to say what ran where.</summary>
/// <param name="ModelName">The model's display name, e.g. "CNN (chapter)".</param>
/// <param name="LoaderDescription">How batches reached the device, in the loader's own words.</param>
/// <param name="DataDescription">The data source, e.g. "EuroSAT zip …" or "synthetic …".</param>
/// <param name="TrainingSamples">Images in the training split the batches are drawn from.</param>
/// <param name="LogicalCores">The machine's logical cores: the basis of the CPU percentages.</param>
/// <param name="LoadBefore">The machine's 1-minute load average before the recorded steps (null where unknown).</param>
/// <param name="LoadAfter">The same after them.</param>
public sealed record ProfileRun(
    ProfileSettings Settings,
    string ModelName,
    string LoaderDescription,
    string DataDescription,
    bool DataIsSynthetic,
    int TrainingSamples,
    RuntimeInfo Runtime,
    int LogicalCores,
    GpuStatus Gpu,
    IReadOnlyList<StepRecord> Steps,
    IReadOnlyList<UtilisationSample> Samples,
    double? LoadBefore = null,
    double? LoadAfter = null)
{
    public string MachineLoadNote => MachineLoad.Describe(LoadBefore, LoadAfter, LogicalCores);

    /// <summary>The caveat every output states: how the phases were timed and how that compares with the benchmarks.</summary>
    public string TimingNote => Settings.Device == DeviceType.CPU
        ? "CPU work is synchronous, so the phases are timed as they run, without synchronisation; loader workers keep " +
          "preparing batches in the background as in training, and the step times compare with the benchmarks' directly."
        : "Timing is synchronised: the profiler waits for the GPU (torch.cuda.synchronize()) at every phase boundary so that " +
          "each phase gets its own time. That perturbs the pipeline: it removes the overlap of host and device work that " +
          "training and the benchmarks have, so the total step time here is an upper bound compared with the benchmarks.";
}
