namespace GeoAI.Models;

/// <summary>A .safetensors file opened for reading; <see cref="SafeTensorsHeader"/> has checked it.</summary>
internal sealed class SafeTensorsFile : WeightsFile
{
    private const int BufferBytes = 1 << 20;

    private readonly SafeTensorsHeader header;
    private readonly Dictionary<string, SafeTensorsEntry> entries;
    private readonly FileStream stream;

    private SafeTensorsFile(SafeTensorsHeader header)
        : base(header.FilePath, WeightsFormat.SafeTensors, [.. header.Entries.Select(entry => entry.Tensor)], header.Metadata)
    {
        this.header = header;
        entries = header.Entries.ToDictionary(entry => entry.Name);
        stream = new FileStream(header.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes);
    }

    public static SafeTensorsFile Open(string path) => new(SafeTensorsHeader.Read(path));

    public override Stream OpenRead(StoredTensor tensor)
    {
        var entry = entries[tensor.Name];
        stream.Position = header.DataStart + entry.Begin;
        return new ExactLengthStream(stream, tensor.ByteLength, FilePath, tensor.Name, ownsInner: false);
    }

    public override void Dispose()
    {
        stream.Dispose();
        base.Dispose();
    }
}
