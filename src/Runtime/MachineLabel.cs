using System.Text.RegularExpressions;

namespace GeoAI.Runtime;

/// <summary>
/// The default name of this machine in results and reports: its CPU family and logical cores, e.g. "epyc-2c" or
/// "xeon-64c". A host name ("vm", "ip-10-0-0-7") says nothing about the hardware and can name a person's machine; the
/// CPU says what the numbers were measured on. <c>--machine</c> overrides it.
/// </summary>
public static partial class MachineLabel
{
    /// <summary>The label of this machine, from <see cref="RuntimeInfo.Cpu"/> and its logical cores.</summary>
    public static string Default(RuntimeInfo runtime) => From(runtime.Cpu, runtime.LogicalCores);

    /// <summary>
    /// "family-Nc": the first word of the CPU model after the vendor and trademark signs ("AMD EPYC 7763 64-Core
    /// Processor" → "epyc", "Intel(R) Xeon(R) Platinum 8480+" → "xeon"; Intel's Core adds its tier: "core-i7"), in lower
    /// case, then the logical core count. "cpu" when the model names no family.
    /// </summary>
    public static string From(string cpuModel, int logicalCores)
    {
        var words = Trademark().Replace(cpuModel ?? "", " ")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(word => !Vendors.Contains(word, StringComparer.OrdinalIgnoreCase))
            .Select(word => NotAlphanumeric().Replace(word.ToLowerInvariant(), ""))
            .Where(word => word.Length > 0)
            .ToList();
        var family = words.Count == 0 ? "cpu" : words[0];
        if (family == "core" && words.Count > 1 && IntelTier().Match(words[1]) is { Success: true } tier)
            family = $"core-{tier.Value}";
        return $"{family}-{logicalCores}c";
    }

    private static readonly string[] Vendors = ["AMD", "Intel", "Apple", "ARM", "Ampere", "Qualcomm", "Genuine", "CPU", "Processor"];

    [GeneratedRegex(@"\((R|TM|C)\)|®|™", RegexOptions.IgnoreCase)]
    private static partial Regex Trademark();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotAlphanumeric();

    [GeneratedRegex("^(i[3579]|ultra[3579]?)")]
    private static partial Regex IntelTier();
}
