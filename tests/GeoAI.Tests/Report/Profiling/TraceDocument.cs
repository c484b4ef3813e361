using System.Text.Json;

namespace GeoAI.Tests.Report.Profiling;

/// <summary>A written trace.json parsed with System.Text.Json, with the events the tests look at.</summary>
internal sealed class TraceDocument
{
    public sealed record Event(string Name, string Phase, string? Category, double Timestamp, double Duration, int? Step, JsonElement Args);

    private TraceDocument(IReadOnlyList<Event> events, JsonElement root)
    {
        Events = events;
        Root = root;
    }

    public IReadOnlyList<Event> Events { get; }

    public JsonElement Root { get; }

    public IEnumerable<Event> Steps => Events.Where(e => e is { Phase: "X", Category: "step" });

    public IEnumerable<Event> Phases => Events.Where(e => e is { Phase: "X", Category: "phase" });

    public IEnumerable<Event> Counters => Events.Where(e => e.Phase == "C");

    public static TraceDocument Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement.Clone();
        var events = root.GetProperty("traceEvents").EnumerateArray().Select(e => new Event(
            e.GetProperty("name").GetString()!,
            e.GetProperty("ph").GetString()!,
            e.TryGetProperty("cat", out var category) ? category.GetString() : null,
            e.TryGetProperty("ts", out var ts) ? ts.GetDouble() : double.NaN,
            e.TryGetProperty("dur", out var dur) ? dur.GetDouble() : double.NaN,
            e.TryGetProperty("args", out var args) && args.TryGetProperty("step", out var step) ? step.GetInt32() : null,
            e.TryGetProperty("args", out var all) ? all : default)).ToList();
        return new TraceDocument(events, root);
    }
}
