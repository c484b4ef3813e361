using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace GeoAI.Data;

/// <summary>A source of JPEG files in torchvision's layout (a folder or a zip): the images, their classes, decoding.</summary>
public abstract class ImageFileSource : EuroSatSource
{
    private readonly int[] labels;
    private readonly Lazy<string> identity;

    private protected ImageFileSource(string path, IReadOnlyList<string> classNames, IReadOnlyList<SourceImage> images)
    {
        SourcePath = path;
        ClassNames = classNames;
        Images = images;
        labels = images.Select(i => i.Label).ToArray();
        identity = new Lazy<string>(() =>
        {
            var (bytes, sha256) = Identify();
            return string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes, SHA-256 {sha256}");
        });
    }

    /// <summary>The folder or zip file.</summary>
    public string SourcePath { get; }

    public override bool IsSynthetic => false;

    public override string Spec => SourcePath;

    public override IReadOnlyList<string> ClassNames { get; }

    public override IReadOnlyList<int> Labels => labels;

    /// <summary>The JPEGs in sample order (by class, then by ordinal file name).</summary>
    public IReadOnlyList<SourceImage> Images { get; }

    public override string DisplaySpec => Path.GetFileName(SourcePath.TrimEnd(Path.DirectorySeparatorChar));

    /// <summary>"EuroSAT zip EuroSAT.zip (27,000 JPEGs, 10 classes; 94,280,567 bytes, SHA-256 8ebaf…)"; hashed once, when first asked.</summary>
    public override string Description =>
        string.Create(CultureInfo.InvariantCulture, $"EuroSAT {Kind} {DisplaySpec} ({Count:N0} JPEGs, {ClassNames.Count} classes; {identity.Value})");

    public override string Pipeline(IJpegDecoder decoder) => $"{decoder.Name}; resize to 64x64: {ImageResampler.FilterName}";

    /// <summary>The encoded bytes of some images, e.g. for the decoder benchmark; reads them in one pass.</summary>
    public IReadOnlyList<byte[]> ReadEncoded(IEnumerable<int> indices)
    {
        using var reader = OpenEncodedReader();
        return indices.Select(reader.Read).ToList();
    }

    internal override ISampleReader OpenReader(IJpegDecoder decoder) => new DecodingReader(this, OpenEncodedReader(), decoder);

    /// <summary>The size and lower-case hex SHA-256 that identify the source's bytes (see each source for what is hashed).</summary>
    private protected abstract (long Bytes, string Sha256) Identify();

    /// <summary>Reads one image's encoded bytes; one per thread.</summary>
    private protected abstract EncodedReader OpenEncodedReader();

    /// <summary>"kind:count:" and XxHash3 over each image's path and the given facts about image i, in hex.</summary>
    private protected string HashImages(Func<int, string> facts)
    {
        var text = new StringBuilder();
        for (var i = 0; i < Images.Count; i++)
            text.Append(Images[i].RelativePath).Append('\0').Append(facts(i)).Append('\n');
        var hash = XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(text.ToString()));
        return string.Create(CultureInfo.InvariantCulture, $"{Kind}:{Count}:{hash:x16}");
    }

    private protected abstract class EncodedReader : IDisposable
    {
        public abstract byte[] Read(int index);

        public abstract string Describe(int index);

        public abstract void Dispose();
    }

    private sealed class DecodingReader(ImageFileSource source, EncodedReader encoded, IJpegDecoder decoder) : ISampleReader
    {
        public void Read(int index, Span<byte> chw)
        {
            byte[] bytes;
            try
            {
                bytes = encoded.Read(index);
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                throw new DataSourceException(encoded.Describe(index), $"cannot read it: {e.Message}", e);
            }
            if (bytes.Length != source.Images[index].Length)
                throw new DataSourceException(encoded.Describe(index),
                    $"read {bytes.Length} bytes, expected {source.Images[index].Length} (file changed or archive truncated)");
            try
            {
                decoder.Decode(bytes, chw);
            }
            catch (InvalidDataException e)
            {
                throw new DataSourceException(encoded.Describe(index), e.Message, e);
            }
        }

        public string Describe(int index) => encoded.Describe(index);

        public void Dispose() => encoded.Dispose();
    }
}
