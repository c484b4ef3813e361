namespace GeoAI.Data;

/// <summary>When the tensor cache is (re)built.</summary>
public enum CacheMode
{
    /// <summary>Use a valid cache of the same source; build it when missing, rebuild it when the source changed or the file is damaged.</summary>
    Auto,

    /// <summary>Always build afresh.</summary>
    Rebuild,

    /// <summary>Never build: a missing, stale or damaged cache is an error (for processes that must not spend minutes decoding).</summary>
    ExistingOnly,
}
