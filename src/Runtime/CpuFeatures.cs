namespace GeoAI.Runtime;

/// <summary>
/// The x86 CPU features that decide how fast bf16 runs, from the kernel's <c>/proc/cpuinfo</c> flags: without them
/// oneDNN emulates bf16 with fp32 arithmetic plus conversions, which can be slower than fp32 itself.
/// </summary>
public static class CpuFeatures
{
    /// <summary>
    /// In the order reported: <c>avx512_bf16</c> (AVX512-BF16: bf16 dot products in AVX-512 registers, Cooper Lake, Zen 4
    /// and later), <c>amx_bf16</c> and <c>amx_tile</c> (AMX: bf16 matrix tiles, Sapphire Rapids and later).
    /// </summary>
    public static IReadOnlyList<string> Bf16Flags { get; } = ["avx512_bf16", "amx_bf16", "amx_tile"];

    /// <summary>
    /// Which of <see cref="Bf16Flags"/> the first <c>flags</c> line of <paramref name="cpuinfo"/> (the text of
    /// /proc/cpuinfo) lists, space-separated, or "none"; "unknown" when the text has no flags line.
    /// </summary>
    public static string Bf16(string cpuinfo)
    {
        var line = cpuinfo.Split('\n').FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal) && l.Contains(':'));
        if (line is null)
            return "unknown";
        var flags = line.Split(':', 2)[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var present = Bf16Flags.Where(flags.Contains).ToList();
        return present.Count == 0 ? "none" : string.Join(' ', present);
    }

    /// <summary>This machine's <see cref="Bf16"/>; "unknown" where there is no /proc/cpuinfo.</summary>
    public static string DetectBf16()
    {
        const string cpuinfo = "/proc/cpuinfo";
        return File.Exists(cpuinfo) ? Bf16(File.ReadAllText(cpuinfo)) : "unknown";
    }
}
