using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;

namespace GeoAI.Data;

/// <summary>
/// EuroSAT.zip read in place, without extracting (System.IO.Compression): entries <c>2750/&lt;Class&gt;/*.jpg</c> or
/// <c>&lt;Class&gt;/*.jpg</c>. The published archive stores its JPEGs uncompressed, so reading an entry is one seek and
/// one read. Each reading thread opens the archive on its own (ZipArchive is not thread-safe).
/// </summary>
public sealed class ZipSource : ImageFileSource
{
    /// <summary>CRC-32 of each image entry as the archive records it, in sample order.</summary>
    private readonly IReadOnlyList<uint> crcs;

    private ZipSource(string path, IReadOnlyList<string> classNames, IReadOnlyList<SourceImage> images, IReadOnlyList<uint> crcs)
        : base(path, classNames, images)
    {
        this.crcs = crcs;
    }

    public override string Kind => "zip";

    public static ZipSource Open(string zipPath)
    {
        var path = Path.GetFullPath(zipPath);
        using var archive = OpenArchive(path);
        foreach (var entry in archive.Entries)
            ImageFolderLayout.CheckEntryName(entry.FullName, path);
        var files = archive.Entries.Where(e => !IsDirectory(e)).Select(e => (e.FullName, e.Length));
        // Folders appear as entries ending in '/', and implicitly as the parents of files.
        var directories = archive.Entries.Where(IsDirectory).Select(e => e.FullName.TrimEnd('/'));
        var (classNames, images) = ImageFolderLayout.Resolve(files, directories, path);
        var crcByName = new Dictionary<string, uint>(StringComparer.Ordinal);
        foreach (var entry in archive.Entries)
            if (!IsDirectory(entry) && !crcByName.TryAdd(entry.FullName.Replace('\\', '/'), entry.Crc32))
                throw new DataSourceException($"{path}: {entry.FullName}", "zip holds this entry more than once");
        var crcs = images.Select(i => crcByName[i.RelativePath]).ToList();
        return new ZipSource(path, classNames, images, crcs);
    }

    /// <summary>Entry names, sizes and CRC-32s: content-addressed, so re-packing or touching the zip does not rebuild.</summary>
    public override string Fingerprint() =>
        HashImages(i => string.Create(CultureInfo.InvariantCulture, $"{Images[i].Length}\0{crcs[i]:x8}"));

    /// <summary>The zip file's size and SHA-256, as <c>sha256sum EuroSAT.zip</c> prints it.</summary>
    private protected override (long Bytes, string Sha256) Identify()
    {
        using var stream = File.OpenRead(SourcePath);
        return (stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }

    private protected override EncodedReader OpenEncodedReader() => new EntryReader(this);

    private static ZipArchive OpenArchive(string path)
    {
        FileStream? stream = null;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 16 * 1024);
            return new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            stream?.Dispose();
            throw new DataSourceException(path, $"not a readable zip archive: {e.Message}", e);
        }
    }

    private static bool IsDirectory(ZipArchiveEntry entry) => entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\');

    private sealed class EntryReader : EncodedReader
    {
        private readonly ZipSource source;
        private readonly ZipArchive archive;
        private readonly ZipArchiveEntry[] entries;

        public EntryReader(ZipSource source)
        {
            this.source = source;
            archive = OpenArchive(source.SourcePath);
            var byName = archive.Entries.Where(e => !IsDirectory(e))
                .ToDictionary(e => e.FullName.Replace('\\', '/'), StringComparer.Ordinal);
            entries = source.Images.Select(i => byName.TryGetValue(i.RelativePath, out var entry)
                ? entry
                : throw new DataSourceException(Describe(i.RelativePath), "entry vanished since the archive was listed")).ToArray();
        }

        public override byte[] Read(int index)
        {
            var entry = entries[index];
            var bytes = new byte[entry.Length];
            using var stream = entry.Open();
            stream.ReadExactly(bytes);
            return bytes;
        }

        public override string Describe(int index) => Describe(source.Images[index].RelativePath);

        private string Describe(string entryName) => $"{source.SourcePath}!{entryName}";

        public override void Dispose() => archive.Dispose();
    }
}
