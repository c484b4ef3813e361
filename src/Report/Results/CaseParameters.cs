using System.Globalization;

namespace GeoAI.Report.Results;

/// <summary>
/// A case's benchmark parameters (BenchmarkDotNet's "Name=Value&amp;Name=Value"), with typed access to the ones the
/// suite sweeps: Device (Cpu, Cuda), BatchSize, Loader (Host, HostPinnedPrefetch, GpuResident) and Workers.
/// </summary>
public sealed class CaseParameters
{
    private static readonly string[] SweptNames = ["Device", "BatchSize", "Loader", "Workers"];

    private readonly List<KeyValuePair<string, string>> values;

    private CaseParameters(List<KeyValuePair<string, string>> values) => this.values = values;

    public IReadOnlyList<KeyValuePair<string, string>> All => values;

    public string? Device => this["Device"];
    public int? BatchSize => Integer("BatchSize");
    public string? Loader => this["Loader"];
    public int? Workers => Integer("Workers");

    public bool IsCuda => string.Equals(Device, "Cuda", StringComparison.OrdinalIgnoreCase);
    public bool IsCpu => string.Equals(Device, "Cpu", StringComparison.OrdinalIgnoreCase);

    /// <summary>The parameters that pick what is computed (Model, Mode, Decoder ...), not how fast it is fed.</summary>
    public IEnumerable<KeyValuePair<string, string>> WorkloadParameters =>
        values.Where(p => !SweptNames.Contains(p.Key, StringComparer.OrdinalIgnoreCase));

    public string? this[string name] =>
        values.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public static CaseParameters Parse(string? printed)
    {
        var parsed = new List<KeyValuePair<string, string>>();
        foreach (var pair in (printed ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            parsed.Add(equals < 0
                ? new KeyValuePair<string, string>(pair.Trim(), "")
                : new KeyValuePair<string, string>(pair[..equals].Trim(), pair[(equals + 1)..].Trim()));
        }
        return new CaseParameters(parsed);
    }

    private int? Integer(string name) =>
        int.TryParse(this[name], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public override string ToString() => string.Join("&", values.Select(p => $"{p.Key}={p.Value}"));
}
