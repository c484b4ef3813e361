using System.Globalization;
using System.Text;

namespace GeoAI.Report.Profiling;

/// <summary>
/// <c>profile.md</c>: what ran, a table of the phases (mean, median, p90 ms and share of the step), the bottleneck
/// sentence, what to try, utilisation, the timing caveat and, when drawn, the phase chart.
/// </summary>
public static class ProfileMarkdown
{
    /// <param name="chartFile">The chart's file name beside the markdown, or null when none was drawn.</param>
    public static string Render(ProfileRecord run, string? chartFile)
    {
        var settings = run.Settings;
        var summary = run.Summary;
        var text = new StringBuilder();
        text.AppendLine($"# Profile: {settings.ModelName} ({settings.Mode}) on {settings.DeviceDescription}, {settings.Loader} loader");
        text.AppendLine();
        text.AppendLine(Invariant($"- Model: {settings.ModelName} (`{settings.ModelKey}`, {settings.Mode} mode), batch {settings.BatchSize}, SGD lr 0.01 momentum 0.9"));
        text.AppendLine($"- Loader: {settings.LoaderDescription}");
        text.AppendLine(Invariant($"- Data: {settings.Data}; {settings.TrainingImages:N0} training images (seeded 75/25 split, seed {settings.Seed})"));
        var warmupTime = settings.MinimumWarmupSeconds > 0 ? Invariant($" (at least {settings.MinimumWarmupSeconds:0.#} s)") : "";
        text.AppendLine(Invariant($"- Steps: {settings.Warmup} warm-up steps{warmupTime} not recorded, then {run.Steps.Count} recorded steps"));
        text.AppendLine($"- Runtime: {run.Runtime.Line}");
        text.AppendLine($"- Machine: {run.Load.Note}");
        text.AppendLine();
        text.AppendLine($"**{Capitalise(summary.Bottleneck.Sentence)}.**");
        text.AppendLine();
        text.AppendLine("| Phase | Mean (ms) | Median (ms) | p90 (ms) | Share of step |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var phase in summary.Phases)
            text.AppendLine(Invariant($"| {phase.Name} | {phase.MeanMs:F2} | {phase.MedianMs:F2} | {phase.P90Ms:F2} | {phase.SharePercent:F1} % |"));
        var step = summary.Step;
        text.AppendLine(Invariant($"| **step** | **{step.MeanMs:F2}** | {step.MedianMs:F2} | {step.P90Ms:F2} | 100 % |"));
        text.AppendLine();
        text.AppendLine(Invariant($"Throughput over the recorded steps: {summary.ImagesPerSecond:F0} images/s."));
        if (settings.CopyInsideLoader)
        {
            text.AppendLine();
            text.AppendLine("The pinned-prefetch loader copies batches to the device inside the loader, by design; its copy is " +
                            "part of the data wait here, not a phase of its own.");
        }
        text.AppendLine();
        text.AppendLine($"Timing: {run.TimingNote}");
        text.AppendLine();
        text.AppendLine("## Utilisation");
        text.AppendLine();
        var use = summary.Utilisation;
        text.AppendLine(Invariant($"- CPU (this process, % of all {use.LogicalCores} logical cores, sampled every {use.IntervalMs:0.#} ms): ") +
                        Invariant($"mean {use.CpuMeanPercent:F0} %, max {use.CpuMaxPercent:F0} % ({use.Samples} samples)"));
        text.AppendLine(run.Gpu.Available
            ? Invariant($"- GPU ({run.Gpu.DeviceName}, NVML): utilisation mean {use.GpuMeanPercent:F0} %, max {use.GpuMaxPercent:F0} %; ") +
              Invariant($"memory controller mean {use.GpuMemoryBusyMeanPercent:F0} %; device memory peak {use.PeakDeviceMemoryMiB:F0} MiB") +
              (use.PeakProcessMemoryMiB is { } process ? Invariant($", this process {process:F0} MiB") : "")
            : $"- GPU: not sampled: {run.Gpu.UnavailableReason}");
        text.AppendLine();
        text.AppendLine("## What to try");
        text.AppendLine();
        foreach (var advice in summary.Advice)
            text.AppendLine($"- {advice}");
        text.AppendLine();
        text.AppendLine("The chapter's \"How can we improve the computation speed on GPU?\" and where this suite measures each: " +
                        "a larger batch (`--batch`), a larger model (`--model vgg11bn`), data prefetching " +
                        "(`--loader HostPinnedPrefetch`; `--loader GpuResident` goes further and removes the per-step copy), " +
                        "another optimiser (not measured here).");
        if (chartFile is not null)
        {
            text.AppendLine();
            text.AppendLine($"![Mean time per step by phase]({chartFile})");
        }
        text.AppendLine();
        text.AppendLine("Files: `trace.json` (Chrome trace: open it in https://ui.perfetto.dev or chrome://tracing), `profile.json` " +
                        "(these numbers and every step's phase times).");
        return text.ToString();
    }

    private static string Capitalise(string sentence) => sentence.Length == 0 ? sentence : char.ToUpperInvariant(sentence[0]) + sentence[1..];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
