using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;

namespace GeoAI.Data;

/// <summary>
/// The tensor cache file, format version 1 (all integers little-endian):
/// <code>
/// offset size
///      0    8  magic "GEOAIU8\n"
///      8    4  format version (1)
///     12    4  header length H (a multiple of 4096: the payload starts page-aligned)
///     16    8  N, the number of images
///     24   12  C, H, W of one image as three int32 (3, 64, 64)
///     36    4  length of the metadata JSON in bytes
///     40    8  XxHash3-64 of the payload (bytes H .. end of file)
///     48    8  XxHash3-64 of the header (bytes 0 .. H with this field zeroed)
///     56    …  metadata JSON (UTF-8, <see cref="TensorCacheMetadata"/>), zero padding up to H
///      H  N*C*H*W  images, uint8 NCHW
///      …    N  labels, one uint8 class index per image
/// </code>
/// The file is exactly H + N*(C*H*W + 1) bytes long; any other length means it was truncated or appended to.
/// </summary>
internal static class TensorCacheFormat
{
    public const int Version = 1;

    public const int PageSize = 4096;

    /// <summary>The header length the builder writes; the JSON must fit (readers accept any page multiple up to 1 MiB).</summary>
    public const int DefaultHeaderLength = 4 * PageSize;

    private const int MaxHeaderLength = 1 << 20;
    private const int FixedLength = 56;
    private const int HeaderChecksumOffset = 48;

    private static readonly byte[] Magic = "GEOAIU8\n"u8.ToArray();

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static long FileLength(int headerLength, long count) =>
        headerLength + count * (EuroSatClasses.BytesPerImage + 1L);

    /// <summary>The header bytes (length <paramref name="headerLength"/>) for a payload with the given checksum.</summary>
    public static byte[] Encode(long count, TensorCacheMetadata metadata, ulong payloadChecksum, int headerLength = DefaultHeaderLength)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(metadata, Json);
        if (FixedLength + json.Length > headerLength)
            throw new InvalidOperationException($"cache metadata ({json.Length} bytes) does not fit a {headerLength}-byte header");
        var header = new byte[headerLength];
        var span = header.AsSpan();
        Magic.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], Version);
        BinaryPrimitives.WriteInt32LittleEndian(span[12..], headerLength);
        BinaryPrimitives.WriteInt64LittleEndian(span[16..], count);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], EuroSatClasses.Channels);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], EuroSatClasses.ImageSize);
        BinaryPrimitives.WriteInt32LittleEndian(span[32..], EuroSatClasses.ImageSize);
        BinaryPrimitives.WriteInt32LittleEndian(span[36..], json.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(span[40..], payloadChecksum);
        json.CopyTo(span[FixedLength..]);
        BinaryPrimitives.WriteUInt64LittleEndian(span[HeaderChecksumOffset..], XxHash3.HashToUInt64(header));
        return header;
    }

    /// <summary>Reads and checks a header; throws <see cref="CacheDamagedException"/> saying what is wrong.</summary>
    public static (int HeaderLength, long Count, ulong PayloadChecksum, TensorCacheMetadata Metadata) Decode(Stream file, string path)
    {
        var fileLength = file.Length;
        Span<byte> fixedPart = stackalloc byte[FixedLength];
        if (fileLength < FixedLength || file.ReadAtLeast(fixedPart, FixedLength, throwOnEndOfStream: false) < FixedLength)
            throw new CacheDamagedException(path, $"too short to be a tensor cache ({fileLength} bytes)");
        if (!fixedPart[..Magic.Length].SequenceEqual(Magic))
            throw new CacheDamagedException(path, "not a GeoAI tensor cache (wrong magic number)");
        var version = BinaryPrimitives.ReadInt32LittleEndian(fixedPart[8..]);
        if (version != Version)
            throw new CacheDamagedException(path, $"cache format version {version}; this build reads version {Version}");
        var headerLength = BinaryPrimitives.ReadInt32LittleEndian(fixedPart[12..]);
        if (headerLength < FixedLength || headerLength % PageSize != 0 || headerLength > MaxHeaderLength || headerLength > fileLength)
            throw new CacheDamagedException(path, $"header length {headerLength} is impossible (file of {fileLength} bytes)");

        var header = new byte[headerLength];
        file.Position = 0;
        file.ReadExactly(header);
        var storedHeaderChecksum = BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(HeaderChecksumOffset));
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(HeaderChecksumOffset), 0);
        if (XxHash3.HashToUInt64(header) != storedHeaderChecksum)
            throw new CacheDamagedException(path, "header checksum mismatch (header modified or corrupted)");

        var count = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(16));
        var (c, h, w) = (BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(24)),
            BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(28)), BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(32)));
        if ((c, h, w) != (EuroSatClasses.Channels, EuroSatClasses.ImageSize, EuroSatClasses.ImageSize))
            throw new CacheDamagedException(path, $"image shape [{c},{h},{w}], expected [3,64,64]");
        if (count < 0 || count > int.MaxValue)
            throw new CacheDamagedException(path, $"image count {count} is impossible");
        var expectedLength = FileLength(headerLength, count);
        if (fileLength != expectedLength)
            throw new CacheDamagedException(path, fileLength < expectedLength
                ? $"truncated: {fileLength:N0} bytes, the header promises {expectedLength:N0} for {count:N0} images"
                : $"{fileLength - expectedLength:N0} bytes more than the header's {expectedLength:N0} for {count:N0} images");

        var jsonLength = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(36));
        if (jsonLength <= 0 || FixedLength + jsonLength > headerLength)
            throw new CacheDamagedException(path, $"metadata length {jsonLength} does not fit the {headerLength}-byte header");
        TensorCacheMetadata? metadata;
        try
        {
            metadata = JsonSerializer.Deserialize<TensorCacheMetadata>(header.AsSpan(FixedLength, jsonLength), Json);
        }
        catch (JsonException e)
        {
            throw new CacheDamagedException(path, $"metadata is not valid JSON: {e.Message}");
        }
        if (metadata is null || metadata.ClassNames is not { Count: > 0 } || metadata.ClassCounts?.Sum() != count)
            throw new CacheDamagedException(path, "metadata lacks class names or its class counts do not add up to the image count");
        return (headerLength, count, BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(40)), metadata);
    }

    /// <summary>UTF-8 bytes the metadata JSON would take, so the builder can shorten lists that would not fit.</summary>
    public static int MetadataLength(TensorCacheMetadata metadata) =>
        Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(metadata, Json));

    public static int MaxMetadataLength(int headerLength = DefaultHeaderLength) => headerLength - FixedLength;
}
