namespace GeoAI.Models;

/// <summary>Writes a file under a temporary name beside it and renames it into place only once complete and checked.</summary>
internal static class AtomicFile
{
    private const int BufferBytes = 1 << 20;

    /// <param name="write">Writes the content.</param>
    /// <param name="verify">Runs on the finished temporary file before the rename; throwing keeps it from ever appearing.</param>
    public static void Write(string path, Action<FileStream> write, Action<string>? verify = null)
    {
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferBytes))
                write(stream);
            verify?.Invoke(temporary);
            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
