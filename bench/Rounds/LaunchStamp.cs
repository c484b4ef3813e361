using System.Text.Json;
using System.Text.Json.Nodes;

namespace GeoAI.Bench.Rounds;

/// <summary>
/// Records in a launch's result file which run and round it belongs to, in its GeoAI block, so that the reader can
/// merge the rounds of one run (and pair the two sides of an <c>ab</c>). The runner stamps the file rather than the
/// benchmark process, so results of any revision, even one older than rounds, can be stamped.
/// </summary>
internal static class LaunchStamp
{
    public static void Write(string source, string destination, string runId, int round, string? rerunBecause)
    {
        var document = JsonNode.Parse(File.ReadAllText(source)) as JsonObject
                       ?? throw new InvalidDataException($"{source}: not a JSON object");
        var host = document["HostEnvironmentInfo"] as JsonObject ?? new JsonObject();
        document["HostEnvironmentInfo"] = host;
        var geoAi = host["GeoAI"] as JsonObject ?? new JsonObject();
        host["GeoAI"] = geoAi;
        geoAi["RunId"] = runId;
        geoAi["Round"] = round;
        geoAi["RerunBecause"] = rerunBecause;

        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var temporary = destination + ".tmp";
        File.WriteAllText(temporary, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temporary, destination, overwrite: true);
    }
}
