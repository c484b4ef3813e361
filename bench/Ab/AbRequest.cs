using System.Globalization;
using System.Text.RegularExpressions;

namespace GeoAI.Bench.Ab;

/// <summary>What the user asked <c>ab</c> for, parsed and checked.</summary>
internal sealed partial record AbRequest(string Base, string Diff, IReadOnlyList<string> Filters, double ThresholdPercent,
    TimeSpan Budget, string? Output, string Data, int? TorchThreads, bool Quick, bool Duet)
{
    /// <summary>"20m", "90s", "1h", "1h30m", or a plain number of minutes.</summary>
    public static TimeSpan ParseBudget(string text)
    {
        var trimmed = text.Trim();
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) && minutes > 0)
            return TimeSpan.FromMinutes(minutes);
        var match = Duration().Match(trimmed);
        if (match.Success && trimmed.Length > 0)
        {
            double Part(string name) => match.Groups[name].Success ? double.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
            var budget = TimeSpan.FromHours(Part("h")) + TimeSpan.FromMinutes(Part("m")) + TimeSpan.FromSeconds(Part("s"));
            if (budget > TimeSpan.Zero)
                return budget;
        }
        throw new AbException($"--budget '{text}' is not a duration (e.g. 20m, 90s, 1h30m)");
    }

    [GeneratedRegex(@"^(?:(?<h>\d+(?:\.\d+)?)h)?(?:(?<m>\d+(?:\.\d+)?)m)?(?:(?<s>\d+(?:\.\d+)?)s)?$")]
    private static partial Regex Duration();
}
