using System.Reflection;

namespace GeoAI.Data;

/// <summary>The package version of a library (its informational version without the commit suffix), for cache headers.</summary>
internal static class LibraryVersion
{
    public static string Of(Type type)
    {
        var assembly = type.Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString(3) ?? "unknown";
    }
}
