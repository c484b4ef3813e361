using System.Reflection;

namespace GeoAI.Runtime;

/// <summary>How this program was started, so that it can start itself again (the compat relaunch, benchmark launches).</summary>
public static class ThisProgram
{
    /// <summary>The apphost alone, or <c>dotnet path/to/app.dll</c>.</summary>
    public static IReadOnlyList<string> Command
    {
        get
        {
            var process = Environment.ProcessPath ?? throw new InvalidOperationException("unknown process path");
            return Path.GetFileNameWithoutExtension(process) == "dotnet"
                ? [process, Assembly.GetEntryAssembly()?.Location ?? throw new InvalidOperationException("unknown entry assembly")]
                : [process];
        }
    }
}
