using System.Diagnostics;

namespace GeoAI.Runtime;

/// <summary>
/// Lets a program started on a host whose libstdc++ is too old for libtorch (Debian 12) run anyway: it re-runs itself
/// through <c>compat.sh exec</c>, which enters the cached Debian trixie rootfs. That is what makes
/// <c>dotnet run -c Release -- --filter *Vgg*</c> work as typed on such hosts.
/// </summary>
public static class CompatRuntime
{
    /// <summary>Set by compat.sh for the command it runs, natively or in the rootfs, so a relaunch happens once.</summary>
    public static bool IsActive => Environment.GetEnvironmentVariable("GEOAI_COMPAT_ACTIVE") == "1";

    /// <summary>compat.sh is copied next to the program at build time.</summary>
    public static string ScriptPath => Path.Combine(AppContext.BaseDirectory, "compat.sh");

    /// <summary>A relaunch can help only when libtorch failed for want of a newer libstdc++, and only once.</summary>
    public static bool CanRelaunch => TorchBackend.FailedOnOldLibStdCxx && !IsActive && File.Exists(ScriptPath);

    /// <summary>Runs this same program with the same arguments through compat.sh and returns its exit code.</summary>
    public static int Relaunch(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("bash") { UseShellExecute = false };
        start.ArgumentList.Add(ScriptPath);
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add("--");
        foreach (var part in ThisProgram.Command)
            start.ArgumentList.Add(part);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);

        // Ctrl-C reaches the child through the terminal; this process only waits for it and passes its exit code on.
        Console.CancelKeyPress += (_, e) => e.Cancel = true;
        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start bash");
        child.WaitForExit();
        return child.ExitCode;
    }
}
