namespace GeoAI.Data;

/// <summary>
/// Bad input the data layer refuses: a corrupt image, a zip entry that escapes its root, an unknown folder layout, a
/// damaged cache, a failed download. The message names the file and what is wrong with it.
/// </summary>
public class DataSourceException(string path, string problem, Exception? inner = null)
    : Exception($"{path}: {problem}", inner)
{
    /// <summary>The file, folder, zip entry or URL at fault.</summary>
    public string Path { get; } = path;

    /// <summary>What is wrong, without the path.</summary>
    public string Problem { get; } = problem;
}
