using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace GeoAI.Models;

/// <summary>
/// Writes a state dict as torch.save does since PyTorch 1.6: an uncompressed zip with <c>archive/data.pkl</c>,
/// <c>archive/byteorder</c>, one <c>archive/data/i</c> per tensor and <c>archive/version</c>, each record's data
/// aligned to 64 bytes as torch's writer aligns it (so torch.load(mmap=True) can map it). Plain zip, not zip64: a
/// file over 4 GiB is refused.
/// </summary>
internal static class PyTorchZipWriter
{
    private const string Folder = "archive";
    private const int Alignment = 64;
    private const ushort PaddingFieldId = 0x4246; // "FB", the id torch's writer gives its padding field
    private const int LocalHeaderBytes = 30;

    public static void Write(FileStream output, IReadOnlyList<TensorToWrite> tensors)
    {
        var records = new List<(string Name, long Offset, uint Crc, long Length)>();
        void Add(string name, long length, Action<Stream> write) => records.Add(Record(output, $"{Folder}/{name}", length, write));

        var pickle = StateDictPickleWriter.Write([.. tensors.Select(tensor => tensor.Tensor)]);
        Add("data.pkl", pickle.Length, stream => stream.Write(pickle));
        Add("byteorder", 6, stream => stream.Write("little"u8));
        for (var i = 0; i < tensors.Count; i++)
        {
            var tensor = tensors[i];
            Add($"data/{i}", tensor.Tensor.ByteLength, tensor.WriteValues);
        }
        Add("version", 2, stream => stream.Write("3\n"u8));
        WriteCentralDirectory(output, records);
    }

    /// <summary>A local header with room for the CRC, the data (CRC computed on the way), then the CRC written in place.</summary>
    private static (string, long, uint, long) Record(FileStream output, string name, long length, Action<Stream> write)
    {
        var offset = output.Position;
        var nameBytes = Encoding.ASCII.GetBytes(name);
        var dataStart = offset + LocalHeaderBytes + nameBytes.Length + 4;
        var padding = (int)((Alignment - dataStart % Alignment) % Alignment);
        CheckFits(output, offset + LocalHeaderBytes + nameBytes.Length + 4 + padding + length);

        var header = new byte[LocalHeaderBytes + nameBytes.Length + 4 + padding];
        var span = header.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, 0x04034b50);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], 20); // version needed: 2.0
        BinaryPrimitives.WriteUInt32LittleEndian(span[18..], (uint)length); // compressed size: stored
        BinaryPrimitives.WriteUInt32LittleEndian(span[22..], (uint)length);
        BinaryPrimitives.WriteUInt16LittleEndian(span[26..], (ushort)nameBytes.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(span[28..], (ushort)(4 + padding));
        nameBytes.CopyTo(span[LocalHeaderBytes..]);
        var extra = span[(LocalHeaderBytes + nameBytes.Length)..];
        BinaryPrimitives.WriteUInt16LittleEndian(extra, PaddingFieldId);
        BinaryPrimitives.WriteUInt16LittleEndian(extra[2..], (ushort)padding);
        extra[4..].Fill((byte)'Z');
        output.Write(header);

        var crc = new Crc32();
        using (var hashing = new HashingStream(output, crc))
            write(hashing);
        if (output.Position - dataStart - padding != length)
            throw new InvalidOperationException($"{name}: {output.Position - dataStart - padding} bytes written, {length} announced");
        var end = output.Position;
        output.Position = offset + 14;
        Span<byte> crcBytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(crcBytes, crc.GetCurrentHashAsUInt32());
        output.Write(crcBytes);
        output.Position = end;
        return (name, offset, crc.GetCurrentHashAsUInt32(), length);
    }

    private static void WriteCentralDirectory(FileStream output, List<(string Name, long Offset, uint Crc, long Length)> records)
    {
        var start = output.Position;
        foreach (var (name, offset, crc, length) in records)
        {
            var nameBytes = Encoding.ASCII.GetBytes(name);
            var entry = new byte[46 + nameBytes.Length];
            var span = entry.AsSpan();
            BinaryPrimitives.WriteUInt32LittleEndian(span, 0x02014b50);
            BinaryPrimitives.WriteUInt16LittleEndian(span[4..], 20); // made by: 2.0
            BinaryPrimitives.WriteUInt16LittleEndian(span[6..], 20); // version needed: 2.0
            BinaryPrimitives.WriteUInt32LittleEndian(span[16..], crc);
            BinaryPrimitives.WriteUInt32LittleEndian(span[20..], (uint)length);
            BinaryPrimitives.WriteUInt32LittleEndian(span[24..], (uint)length);
            BinaryPrimitives.WriteUInt16LittleEndian(span[28..], (ushort)nameBytes.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(span[42..], (uint)offset);
            nameBytes.CopyTo(span[46..]);
            output.Write(entry);
        }
        var size = output.Position - start;
        CheckFits(output, output.Position + 22);
        var end = new byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(8), (ushort)records.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(10), (ushort)records.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(12), (uint)size);
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(16), (uint)start);
        output.Write(end);
    }

    private static void CheckFits(FileStream output, long end)
    {
        if (end > uint.MaxValue)
            throw new WeightsFileException(output.Name, "more than 4 GiB: this .pth writer does not write zip64; write .safetensors instead");
    }

    /// <summary>Passes writes through to the file and into the CRC.</summary>
    private sealed class HashingStream(Stream inner, Crc32 crc) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            crc.Append(buffer);
            inner.Write(buffer);
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
