using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GeoAI.Data;

/// <summary>EuroSAT extracted to a folder: <c>&lt;root&gt;/2750/&lt;Class&gt;/*.jpg</c> or <c>&lt;root&gt;/&lt;Class&gt;/*.jpg</c>.</summary>
public sealed class FolderSource : ImageFileSource
{
    private FolderSource(string path, IReadOnlyList<string> classNames, IReadOnlyList<SourceImage> images)
        : base(path, classNames, images)
    {
    }

    public override string Kind => "folder";

    public static FolderSource Open(string folder)
    {
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
            throw new DataSourceException(root, "no such folder");
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = 0 };
        var files = new DirectoryInfo(root).EnumerateFiles("*", options)
            .Select(f => (Path.GetRelativePath(root, f.FullName), f.Length));
        var directories = Directory.EnumerateDirectories(root, "*", options).Select(d => Path.GetRelativePath(root, d));
        var (classNames, images) = ImageFolderLayout.Resolve(files, directories, root);
        return new FolderSource(root, classNames, images);
    }

    public override string Fingerprint() => HashImages(i =>
    {
        var file = new FileInfo(Path.Combine(SourcePath, Images[i].RelativePath));
        if (!file.Exists)
            throw new DataSourceException(file.FullName, "image vanished since the folder was listed");
        return string.Create(CultureInfo.InvariantCulture, $"{file.Length}\0{file.LastWriteTimeUtc.Ticks}");
    });

    /// <summary>
    /// The images' total size, and the SHA-256 of each image's relative path (with '/'), a zero byte and its content, in
    /// sample order: the same images under the same names give the same hash on every machine, wherever the folder is.
    /// </summary>
    private protected override (long Bytes, string Sha256) Identify()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long bytes = 0;
        foreach (var image in Images)
        {
            var content = File.ReadAllBytes(Path.Combine(SourcePath, image.RelativePath));
            hash.AppendData(Encoding.UTF8.GetBytes(image.RelativePath + "\0"));
            hash.AppendData(content);
            bytes += content.Length;
        }
        return (bytes, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private protected override EncodedReader OpenEncodedReader() => new FileReader(this);

    private sealed class FileReader(FolderSource source) : EncodedReader
    {
        public override byte[] Read(int index) => File.ReadAllBytes(Describe(index));

        public override string Describe(int index) => Path.Combine(source.SourcePath, source.Images[index].RelativePath);

        public override void Dispose()
        {
        }
    }
}
