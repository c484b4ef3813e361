namespace GeoAI.Models;

/// <summary>A weights file that cannot be read, is not what it claims, or does not fit the model; the message names the file.</summary>
public sealed class WeightsFileException : Exception
{
    public string FilePath { get; }

    public WeightsFileException(string filePath, string problem, Exception? inner = null)
        : base($"{filePath}: {problem}", inner)
    {
        FilePath = filePath;
    }
}
