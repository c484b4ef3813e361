namespace GeoAI.Models;

/// <summary>
/// A read-only window of exactly <c>length</c> bytes onto another stream: it ends there, and a source that ends sooner
/// is a damaged file (a <see cref="WeightsFileException"/> naming the tensor), never a short read taken for data.
/// </summary>
internal sealed class ExactLengthStream(Stream inner, long byteCount, string filePath, string tensorName, bool ownsInner) : Stream
{
    private long consumed;

    private long Remaining => byteCount - consumed;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => byteCount;

    public override long Position
    {
        get => consumed;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (Remaining == 0 || buffer.Length == 0)
            return 0;
        var read = inner.Read(buffer[..(int)Math.Min(buffer.Length, Remaining)]);
        if (read == 0)
            throw new WeightsFileException(filePath, $"tensor '{tensorName}' ends {Remaining} bytes early (the file is damaged or changed while it was read)");
        consumed += read;
        return read;
    }

    /// <summary>Reads and discards <paramref name="count"/> bytes of <paramref name="source"/> (a zip entry cannot seek).</summary>
    public static void Skip(Stream source, long count, string filePath, string tensorName)
    {
        if (count == 0)
            return;
        if (source.CanSeek)
        {
            source.Seek(count, SeekOrigin.Current);
            return;
        }
        using var window = new ExactLengthStream(source, count, filePath, tensorName, ownsInner: false);
        window.CopyTo(Null);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && ownsInner)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
