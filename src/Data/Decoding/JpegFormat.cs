namespace GeoAI.Data;

/// <summary>
/// Structural checks both decoders run first. Decoders tend to accept a cut-off JPEG and fill the missing rows with grey
/// or zeros; an image without its end-of-image marker is refused here instead.
/// </summary>
internal static class JpegFormat
{
    /// <summary>How far before the end the end-of-image marker may sit (some writers pad a few bytes after it).</summary>
    private const int TrailerWindow = 32;

    public static void EnsureComplete(ReadOnlySpan<byte> data)
    {
        if (data.Length == 0)
            throw new InvalidDataException("empty file (0 bytes), not a JPEG");
        if (data.Length < 4 || data[0] != 0xFF || data[1] != 0xD8 || data[2] != 0xFF)
            throw new InvalidDataException(
                $"not a JPEG: starts with {Convert.ToHexString(data[..Math.Min(3, data.Length)])}, not FFD8FF");
        var tail = data[Math.Max(2, data.Length - TrailerWindow)..];
        if (tail.IndexOf([(byte)0xFF, (byte)0xD9]) < 0)
            throw new InvalidDataException($"truncated JPEG: no end-of-image marker (FFD9) in its last {tail.Length} bytes");
    }
}
