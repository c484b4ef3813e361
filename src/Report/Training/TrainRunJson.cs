using System.Text.Json;
using System.Text.Json.Serialization;

namespace GeoAI.Report.Training;

/// <summary>Reads and writes <c>train.json</c>: camelCase, indented, UTF-8, invariant numbers.</summary>
public static class TrainRunJson
{
    public const string FileName = "train.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // A diverged run has NaN or infinite losses; they are written as "NaN" rather than failing the whole output.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Serialize(TrainRun run) => JsonSerializer.Serialize(run, Options) + "\n";

    public static void Write(TrainRun run, string path) =>
        File.WriteAllText(path, Serialize(run), Documents.DocumentFiles.Utf8);

    /// <summary>Parses a train.json; anything else (bad JSON, another schema, missing fields) is a <see cref="ReportException"/> naming the file.</summary>
    public static TrainRun Read(string path)
    {
        TrainRun? run;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            // The schema first, so a file of another version says so instead of naming a missing field.
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("schema", out var schema) && schema.ValueKind == JsonValueKind.String
                && schema.GetString() != TrainRun.SchemaName)
                throw new ReportException($"{path}: has schema '{schema.GetString()}', this version reads {TrainRun.SchemaName}");
            run = document.RootElement.Deserialize<TrainRun>(Options);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}" : "";
            throw new ReportException($"{path}: not a train.json of schema {TrainRun.SchemaName}{where}: {FirstSentence(e.Message)}", e);
        }
        catch (IOException e)
        {
            throw new ReportException($"{path}: cannot be read: {e.Message}", e);
        }
        if (run is null)
            throw new ReportException($"{path}: is empty (JSON null), not a train.json");
        if (run.Epochs.Count == 0)
            throw new ReportException($"{path}: has no epochs");
        return run;
    }

    /// <summary>True when the file is JSON whose "schema" is a GeoAI training run (any version): cheap, for sorting inputs.</summary>
    public static bool LooksLikeTrainRun(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.TryGetProperty("schema", out var schema)
                   && schema.ValueKind == JsonValueKind.String
                   && schema.GetString()!.StartsWith("geoai-train/", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
