using System.IO.Hashing;
using System.IO.MemoryMappedFiles;

namespace GeoAI.Data;

/// <summary>
/// An opened tensor cache file (<see cref="TensorCacheFormat"/>), memory-mapped read-only: every process that opens it
/// shares the same page-cache pages, nothing is copied onto the managed heap. Opening checks the header (magic,
/// version, header checksum, shape) and the file length against the header, and by default the XxHash3 checksum of the
/// whole payload too: at about 10 GB/s that costs some 30 ms for the 330 MB real set once its pages are cached, which
/// is cheap next to a benchmark process, so a tampered payload is never used. A cache that fails any check throws
/// <see cref="CacheDamagedException"/>.
/// </summary>
public sealed unsafe class TensorCache : IDisposable
{
    private readonly MemoryMappedFile file;
    private readonly MemoryMappedViewAccessor view;
    private readonly byte* start;
    private readonly int headerLength;
    private readonly ulong payloadChecksum;
    private int disposed;

    private TensorCache(string path, MemoryMappedFile file, MemoryMappedViewAccessor view, int headerLength, int count,
        ulong payloadChecksum, TensorCacheMetadata metadata)
    {
        Path = path;
        this.file = file;
        this.view = view;
        this.headerLength = headerLength;
        this.payloadChecksum = payloadChecksum;
        Count = count;
        Metadata = metadata;
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        start = pointer + view.PointerOffset;
    }

    public string Path { get; }

    public int Count { get; }

    public TensorCacheMetadata Metadata { get; }

    public long FileLength => TensorCacheFormat.FileLength(headerLength, Count);

    /// <summary>All images, uint8 NCHW, <see cref="EuroSatClasses.BytesPerImage"/> bytes each.</summary>
    internal byte* Images => start + headerLength;

    /// <summary>One uint8 class index per image.</summary>
    internal byte* LabelPointer => Images + (long)Count * EuroSatClasses.BytesPerImage;

    public ReadOnlySpan<byte> Labels => new(LabelPointer, Count);

    /// <summary>Image <paramref name="index"/> as uint8 CHW [3,64,64].</summary>
    public ReadOnlySpan<byte> Image(int index)
    {
        if ((uint)index >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"the cache holds {Count} images");
        return new ReadOnlySpan<byte>(Images + (long)index * EuroSatClasses.BytesPerImage, EuroSatClasses.BytesPerImage);
    }

    /// <summary>Opens and checks a cache; see the class summary for what is checked.</summary>
    public static TensorCache Open(string path, bool verifyChecksum = true)
    {
        path = System.IO.Path.GetFullPath(path);
        if (!File.Exists(path))
            throw new CacheDamagedException(path, "no cache file here");
        MemoryMappedFile? mapped = null;
        MemoryMappedViewAccessor? view = null;
        try
        {
            // FileShare.Delete: a rebuild elsewhere may rename a new cache over this one while it is mapped here.
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
            (int HeaderLength, long Count, ulong PayloadChecksum, TensorCacheMetadata Metadata) header;
            try
            {
                header = TensorCacheFormat.Decode(stream, path);
            }
            catch
            {
                stream.Dispose();
                throw;
            }
            try
            {
                mapped = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            }
            catch
            {
                stream.Dispose();
                throw;
            }
            view = mapped.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            var cache = new TensorCache(path, mapped, view, header.HeaderLength, (int)header.Count, header.PayloadChecksum, header.Metadata);
            try
            {
                cache.CheckLabels();
                if (verifyChecksum)
                    cache.VerifyChecksum();
            }
            catch
            {
                cache.Dispose();
                throw;
            }
            return cache;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            view?.Dispose();
            mapped?.Dispose();
            throw new CacheDamagedException(path, $"cannot be read: {e.Message}");
        }
    }

    /// <summary>Recomputes the payload checksum; throws <see cref="CacheDamagedException"/> when it differs from the header's.</summary>
    public void VerifyChecksum()
    {
        var actual = ComputePayloadChecksum(Images, FileLength - headerLength);
        if (actual != payloadChecksum)
            throw new CacheDamagedException(Path,
                $"payload checksum mismatch: header says {payloadChecksum:x16}, the data hashes to {actual:x16} (modified or corrupted)");
    }

    /// <summary>XxHash3-64 of a memory range, fed in 64 MiB slices (a span is limited to 2 GiB).</summary>
    internal static ulong ComputePayloadChecksum(byte* data, long length)
    {
        const int slice = 64 << 20;
        var hash = new XxHash3();
        for (long offset = 0; offset < length; offset += slice)
            hash.Append(new ReadOnlySpan<byte>(data + offset, (int)Math.Min(slice, length - offset)));
        return hash.GetCurrentHashAsUInt64();
    }

    /// <summary>
    /// Keeps the mapping alive for a reader (a batch source) even if this cache is disposed first; the pages are unmapped
    /// when the cache and every lease are disposed.
    /// </summary>
    internal IDisposable Lease()
    {
        var added = false;
        view.SafeMemoryMappedViewHandle.DangerousAddRef(ref added);
        return new MappingLease(view);
    }

    private void CheckLabels()
    {
        var classes = Metadata.ClassNames.Count;
        var labels = Labels;
        var counts = new int[classes];
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= classes)
                throw new CacheDamagedException(Path, $"label {labels[i]} of image {i} is not one of the {classes} classes");
            counts[labels[i]]++;
        }
        if (!counts.SequenceEqual(Metadata.ClassCounts))
            throw new CacheDamagedException(Path, "labels do not match the per-class counts in the header");
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
            return;
        view.SafeMemoryMappedViewHandle.ReleasePointer();
        view.Dispose();
        file.Dispose();
    }

    private sealed class MappingLease(MemoryMappedViewAccessor view) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
                view.SafeMemoryMappedViewHandle.DangerousRelease();
        }
    }
}
