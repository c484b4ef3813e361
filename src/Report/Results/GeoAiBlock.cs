using System.Text.Json;

namespace GeoAI.Report.Results;

/// <summary>The GeoAI block GeoAI.Bench's exporter adds to a result file's host environment, read field by field.</summary>
internal static class GeoAiBlock
{
    /// <summary>A field of the GeoAI object as text, whatever JSON type the exporter used; null when absent.</summary>
    public static string? Field(BdnHostEnvironment? host, string name)
    {
        if (host?.GeoAI is null)
            return null;
        var entry = host.GeoAI.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));
        if (entry.Key is null)
            return null;
        return entry.Value.ValueKind switch
        {
            JsonValueKind.String => entry.Value.GetString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => entry.Value.GetRawText(),
        };
    }
}
