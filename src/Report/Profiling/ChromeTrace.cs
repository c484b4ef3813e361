using System.Text.Json;

namespace GeoAI.Report.Profiling;

/// <summary>
/// Writes a run as Chrome Trace Event JSON (loads in Perfetto and chrome://tracing): per recorded step one complete
/// event ("ph":"X", category "step") enclosing one complete event per phase (category "phase"), timestamps and durations
/// in µs with the step number in args; counter events ("ph":"C") for the process's CPU use and, where NVML was read,
/// GPU utilisation and memory; and in otherData the settings, runtime, timing caveat and GPU status.
/// </summary>
public static class ChromeTrace
{
    public const int ProcessId = 1;
    public const int LoopThreadId = 1;
    public const string StepCategory = "step";
    public const string PhaseCategory = "phase";
    public const string CpuCounter = "CPU utilisation (process, % of all cores)";
    public const string GpuCounter = "GPU utilisation (%)";
    public const string GpuMemoryCounter = "GPU memory (MiB)";

    public static void Write(ProfileRecord run, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteStartArray("traceEvents");
        Metadata(json, "process_name", null, $"GeoAI.Bench profile: {run.Settings.ModelName} on {run.Settings.Device}");
        Metadata(json, "thread_name", LoopThreadId, "training loop");
        foreach (var step in run.Steps)
        {
            Complete(json, $"step {step.Step}", StepCategory, step.StartMicroseconds, step.DurationMicroseconds, step.Step, step.Images);
            foreach (var phase in step.Phases)
                Complete(json, phase.Name, PhaseCategory, phase.StartMicroseconds, phase.DurationMicroseconds, step.Step, null);
        }
        foreach (var sample in run.Samples)
        {
            Counter(json, CpuCounter, sample.TimeMicroseconds, ("process", sample.ProcessCpuPercent));
            if (sample.Gpu is not { } gpu)
                continue;
            Counter(json, GpuCounter, sample.TimeMicroseconds, ("gpu", gpu.UtilizationPercent), ("memory controller", gpu.MemoryUtilizationPercent));
            Counter(json, GpuMemoryCounter, sample.TimeMicroseconds,
                ("device", gpu.DeviceMemoryBytes / (1024.0 * 1024.0)),
                ("process", (gpu.ProcessMemoryBytes ?? 0) / (1024.0 * 1024.0)));
        }
        json.WriteEndArray();
        json.WriteString("displayTimeUnit", "ms");
        json.WritePropertyName("otherData");
        OtherData(json, run);
        json.WriteEndObject();
    }

    private static void Metadata(Utf8JsonWriter json, string name, int? threadId, string value)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("ph", "M");
        json.WriteNumber("pid", ProcessId);
        if (threadId is { } tid)
            json.WriteNumber("tid", tid);
        json.WriteStartObject("args");
        json.WriteString("name", value);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Complete(Utf8JsonWriter json, string name, string category, double start, double duration, int step, int? images)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("cat", category);
        json.WriteString("ph", "X");
        json.WriteNumber("ts", Math.Round(start, 3));
        json.WriteNumber("dur", Math.Round(duration, 3));
        json.WriteNumber("pid", ProcessId);
        json.WriteNumber("tid", LoopThreadId);
        json.WriteStartObject("args");
        json.WriteNumber("step", step);
        if (images is { } count)
            json.WriteNumber("images", count);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Counter(Utf8JsonWriter json, string name, double time, params (string Series, double Value)[] values)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("ph", "C");
        json.WriteNumber("ts", Math.Round(time, 3));
        json.WriteNumber("pid", ProcessId);
        json.WriteStartObject("args");
        foreach (var (series, value) in values)
            json.WriteNumber(series, Math.Round(value, 2));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void OtherData(Utf8JsonWriter json, ProfileRecord run)
    {
        json.WriteStartObject();
        json.WriteString("tool", "GeoAI.Bench profile");
        json.WriteString("model", run.Settings.ModelName);
        json.WriteString("mode", run.Settings.Mode);
        json.WriteString("device", run.Settings.Device);
        json.WriteString("loader", run.Settings.LoaderDescription);
        json.WriteNumber("batch", run.Settings.BatchSize);
        json.WriteNumber("steps", run.Settings.Steps);
        json.WriteNumber("warmup", run.Settings.Warmup);
        json.WriteString("data", run.Settings.Data);
        json.WriteString("runtime", run.Runtime.Line);
        json.WriteString("machineLoad", run.Load.Note);
        json.WriteString("timing", run.TimingNote);
        json.WriteString("gpu", run.Gpu.Line);
        json.WriteEndObject();
    }
}
