using GeoAI.Data;
using TorchSharp;

namespace GeoAI.Training.Profiling;

/// <summary>
/// What to try once a profile has named its bottleneck, as options of this suite where it has them, after the chapter's
/// "How can we improve the computation speed on GPU?" (larger batches, larger models, data prefetching, other optimisers).
/// </summary>
public static class ProfileAdvice
{
    public static IReadOnlyList<string> For(ProfileSettings settings, BottleneckKind kind) => kind switch
    {
        BottleneckKind.DataPath => settings.Device == DeviceType.CPU ? CpuDataPath(settings) : GpuDataPath(settings),
        BottleneckKind.Compute => settings.Device == DeviceType.CPU ? CpuCompute : GpuCompute,
        BottleneckKind.Optimizer => Optimizer,
        _ => settings.Device == DeviceType.CPU
            ? [.. CpuCompute.Take(1), .. CpuDataPath(settings).Take(1)]
            : [.. GpuDataPath(settings).Take(2), .. GpuCompute.Take(1)],
    };

    private static IReadOnlyList<string> GpuDataPath(ProfileSettings settings)
    {
        var advice = new List<string>();
        if (settings.Loader != LoaderKind.GpuResident)
            advice.Add("Keep the data on the GPU: `--loader GpuResident` uploads the uint8 images once and shuffles, gathers and " +
                       "normalises each batch on the device, so no per-step host work or copy is left to wait for.");
        if (settings.Loader == LoaderKind.Host)
            advice.Add("Overlap the copy with compute (the chapter's \"data prefetching\"): `--loader HostPinnedPrefetch` fills " +
                       "pinned buffers in the workers and queues non-blocking copies ahead of the step.");
        if (settings.Loader != LoaderKind.GpuResident)
            advice.Add($"If the data wait rather than the copy dominates, the workers do not keep up: try more `--workers` (now {settings.Workers}).");
        advice.Add($"A larger batch (the chapter's first remedy; `--batch`, now {settings.BatchSize}) moves the same images in fewer, " +
                   "larger copies and gives every kernel more work.");
        advice.Add("A larger model (the chapter's second remedy, e.g. `--model vgg11bn`) makes the data path a smaller share of each step.");
        return advice;
    }

    private static IReadOnlyList<string> CpuDataPath(ProfileSettings settings) => settings.Workers == 0 || settings.Loader == LoaderKind.GpuResident
        ?
        [
            "Batches are assembled in the training loop itself: `--loader Host --workers 2` prepares them on background threads " +
            "while the step computes.",
        ]
        :
        [
            $"The {settings.Workers} loader workers do not keep up: try more `--workers` if cores are free; on a CPU the workers " +
            "and the model share the cores, so beyond that more workers slow the step down.",
        ];

    private static readonly IReadOnlyList<string> CpuCompute =
    [
        "The step is the model's own arithmetic (on a CPU, mostly the convolutions and their backward pass, as the chapter's CPU " +
        "profile shows), so a faster data path cannot help: run it on a GPU (`--device cuda`) or on more cores.",
        "A larger batch (`--batch`) can use the cores' vector units and caches a little better per image.",
        "For VGG11-BN, the frozen mode (`--mode frozen`, the chapter's fine-tune) skips the backward pass through the convolutions " +
        "that do not train.",
    ];

    private static readonly IReadOnlyList<string> GpuCompute =
    [
        "The GPU spends the step on the model itself, which is where its time should go: the data path is no longer in the way.",
        "If GPU utilisation is still low, the kernels are too small to fill the GPU: a larger batch (`--batch`) gives each more work.",
    ];

    private static readonly IReadOnlyList<string> Optimizer =
    [
        "The update touches every trainable parameter once per step: fewer trainable parameters (`--mode frozen` for vgg11bn) " +
        "or a larger batch (`--batch`, one update for more images) make it a smaller share.",
        "The chapter's fourth remedy, another optimiser, changes what the update costs; this suite profiles only its SGD.",
    ];
}
