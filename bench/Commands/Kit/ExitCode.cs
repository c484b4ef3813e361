namespace GeoAI.Bench.Commands;

/// <summary>
/// The exit codes of every command (docs/DESIGN.md and the README carry the same table). Scripts and CI gate on them,
/// so a typo must never look like success and a regression must never look like a typo.
/// </summary>
internal static class ExitCode
{
    /// <summary>The command did what it was asked.</summary>
    public const int Ok = 0;

    /// <summary>
    /// The measured or checked thing failed or regressed: a benchmark case failed, <c>compare</c> found a slower case,
    /// <c>cache --verify</c> found a damaged cache, <c>download</c> could not fetch a file that matches its checksum.
    /// </summary>
    public const int Failed = 1;

    /// <summary>
    /// Bad usage or bad input: an unknown option, a value out of range, missing or unreadable data, an <c>--out</c> that
    /// cannot take the output, a filter that selects nothing. One line on stderr names the option or file; nothing is written.
    /// </summary>
    public const int BadInput = 2;
}
