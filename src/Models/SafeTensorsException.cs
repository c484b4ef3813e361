namespace GeoAI.Models;

/// <summary>A .safetensors file that cannot be read, or does not fit the model; the message names the file.</summary>
public sealed class SafeTensorsException : Exception
{
    public string FilePath { get; }

    public SafeTensorsException(string filePath, string problem, Exception? inner = null)
        : base($"{filePath}: {problem}", inner)
    {
        FilePath = filePath;
    }
}
