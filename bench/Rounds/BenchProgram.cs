using System.Diagnostics;
using GeoAI.Runtime;

namespace GeoAI.Bench.Rounds;

/// <summary>
/// A GeoAI.Bench program that benchmark cases are launched with: this one, or one built from another revision by
/// <c>ab</c>. Each launch is a fresh process, which is what makes launches independent samples.
/// </summary>
/// <param name="Environment">Variables set for every launch of this program (for example its own data cache).</param>
internal sealed record BenchProgram(string Label, IReadOnlyList<string> Command, IReadOnlyDictionary<string, string?> Environment)
{
    /// <summary>A launch can take minutes (VGG11-BN on a CPU); one that takes this long has hung.</summary>
    public static readonly TimeSpan LaunchTimeout = TimeSpan.FromHours(1);

    public static BenchProgram Self => new("this build", ThisProgram.Command, new Dictionary<string, string?>());

    /// <summary>A build's GeoAI.Bench.dll, run with the dotnet host (no apphost is needed, and none is assumed).</summary>
    public static BenchProgram Built(string label, string assembly) => new(label, ["dotnet", assembly], new Dictionary<string, string?>());

    /// <summary>Runs the program with its output in <paramref name="logFile"/>; returns its exit code.</summary>
    public int Run(IEnumerable<string> args, IReadOnlyDictionary<string, string?> environment, string logFile)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        using var log = new StreamWriter(logFile);
        return Start(args, environment, line => log.WriteLine(line), LaunchTimeout);
    }

    /// <summary>Runs the program and returns what it printed (for short queries such as <c>--list flat</c>).</summary>
    public (int ExitCode, string Output) Capture(IEnumerable<string> args, IReadOnlyDictionary<string, string?> environment)
    {
        var output = new System.Text.StringBuilder();
        var exitCode = Start(args, environment, line => output.AppendLine(line), TimeSpan.FromMinutes(5));
        return (exitCode, output.ToString());
    }

    private int Start(IEnumerable<string> args, IReadOnlyDictionary<string, string?> environment,
        Action<string> onLine, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var part in Command.Skip(1).Concat(args))
            start.ArgumentList.Add(part);
        foreach (var (name, value) in Environment.Concat(environment))
            start.Environment[name] = value;
        using var process = new Process { StartInfo = start };
        var gate = new Lock();
        void Receive(object _, DataReceivedEventArgs e)
        {
            if (e.Data is null)
                return;
            lock (gate)
                onLine(e.Data);
        }
        process.OutputDataReceived += Receive;
        process.ErrorDataReceived += Receive;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            lock (gate)
                onLine($"geoai: killed after {timeout.TotalMinutes:0} minutes without finishing");
            return -1;
        }
        process.WaitForExit(); // drains the redirected output
        return process.ExitCode;
    }
}
