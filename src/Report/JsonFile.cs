using System.Text.Json;

namespace GeoAI.Report;

/// <summary>Reads one input JSON file, turning every way it can fail into a <see cref="ReportException"/> naming it.</summary>
internal static class JsonFile
{
    /// <param name="kind">What the file should be, for the message: "JSON", "reference JSON".</param>
    public static T? Read<T>(string file, JsonSerializerOptions options, string kind)
    {
        try
        {
            using var stream = File.OpenRead(file);
            return JsonSerializer.Deserialize<T>(stream, options);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, byte {e.BytePositionInLine + 1}" : "";
            throw new ReportException($"{file}: malformed {kind}{where}: {FirstSentence(e.Message)}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReportException($"{file}: cannot be read: {e.Message}", e);
        }
    }

    /// <summary>System.Text.Json appends the JSON path and position, which the message already says better.</summary>
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
