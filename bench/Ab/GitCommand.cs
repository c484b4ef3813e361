using System.Diagnostics;

namespace GeoAI.Bench.Ab;

/// <summary>Runs git in a repository and returns what it printed; ab only reads repositories, never changes them.</summary>
internal static class GitCommand
{
    public static (int ExitCode, string Output) Run(string repository, params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["-C", repository, .. args])
            start.ArgumentList.Add(arg);
        using var git = Process.Start(start) ?? throw new AbException("git could not be started: is it installed?");
        var error = git.StandardError.ReadToEndAsync();
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        return (git.ExitCode, git.ExitCode == 0 ? output.TrimEnd() : error.Result.TrimEnd());
    }

    /// <summary>Streams <c>git archive</c> of a commit: the tree exactly as committed, nothing of the working tree.</summary>
    public static Process Archive(string repository, string commit)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["-C", repository, "archive", "--format=tar", commit])
            start.ArgumentList.Add(arg);
        return Process.Start(start) ?? throw new AbException("git could not be started: is it installed?");
    }
}
