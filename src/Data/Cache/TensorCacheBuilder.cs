using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.MemoryMappedFiles;

namespace GeoAI.Data;

/// <summary>
/// Builds a tensor cache from a source: every image decoded (or generated) once, in parallel, straight into a
/// memory-mapped temporary file next to the destination, which is renamed into place only when complete and
/// checksummed. A failed or cancelled build leaves no file behind; a reader of the old cache keeps its mapping.
/// </summary>
public static class TensorCacheBuilder
{
    /// <summary>Images a worker claims at a time: large enough to read a zip mostly in order, small enough to balance.</summary>
    private const int Chunk = 64;

    private const int MaxSkippedExamples = 10;

    /// <param name="source">The images.</param>
    /// <param name="path">The cache file to (re)place.</param>
    /// <param name="decoder">Decodes JPEG sources; ignored by the synthetic one.</param>
    /// <param name="skipCorruptImages">Leave out images that fail to read or decode (and count them) instead of failing.</param>
    /// <param name="threads">Workers; 0 = one per logical core.</param>
    /// <param name="progress">Receives progress from worker threads, throttled to about 200 reports per build.</param>
    public static unsafe TensorCacheMetadata Build(EuroSatSource source, string path, IJpegDecoder decoder,
        bool skipCorruptImages = false, int threads = 0, IProgress<CacheBuildProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        threads = threads == 0 ? Environment.ProcessorCount : threads;
        path = Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataSourceException(Path.GetDirectoryName(path)!, $"cannot create the cache folder: {e.Message}", e);
        }
        var stopwatch = Stopwatch.StartNew();
        var fingerprint = source.Fingerprint();
        var count = source.Count;
        var labels = source.Labels;
        var headerLength = TensorCacheFormat.DefaultHeaderLength;
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            var failures = new ConcurrentDictionary<int, string>();
            long keptLength;
            using (var stream = CreateTemporary(temporary))
            {
                stream.SetLength(TensorCacheFormat.FileLength(headerLength, count));
                using (var mapped = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.ReadWrite,
                           HandleInheritability.None, leaveOpen: true))
                using (var view = mapped.CreateViewAccessor(0, 0, MemoryMappedFileAccess.ReadWrite))
                {
                    byte* start = null;
                    view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
                    try
                    {
                        start += view.PointerOffset;
                        var images = start + headerLength;
                        Decode(source, decoder, images, threads, skipCorruptImages, failures, progress, cancellation);
                        var (kept, keptPerClass) = Compact(images, labels, source.ClassNames.Count, failures.Keys);
                        if (kept == 0)
                            throw new DataSourceException(source.Spec, failures.IsEmpty
                                ? "the source holds no images"
                                : $"no image could be read (all {count} failed; the first: {failures.MinBy(f => f.Key).Value})");
                        keptLength = (long)kept * (EuroSatClasses.BytesPerImage + 1);
                        progress?.Report(new CacheBuildProgress(count, count, failures.Count, "checksum"));
                        var checksum = TensorCache.ComputePayloadChecksum(images, keptLength);
                        var metadata = Metadata(source, fingerprint, decoder, keptPerClass, failures, threads, stopwatch.Elapsed);
                        var header = TensorCacheFormat.Encode(kept, metadata, checksum, headerLength);
                        header.CopyTo(new Span<byte>(start, headerLength));
                        view.Flush();
                    }
                    finally
                    {
                        view.SafeMemoryMappedViewHandle.ReleasePointer();
                    }
                }
                stream.SetLength(headerLength + keptLength);
            }
            File.Move(temporary, path, overwrite: true);
            progress?.Report(new CacheBuildProgress(count, count, failures.Count, "done"));
            using var check = TensorCache.Open(path, verifyChecksum: false);
            return check.Metadata;
        }
        catch (IOException e)
        {
            throw new DataSourceException(path, $"cannot write the cache: {e.Message}", e);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    private static FileStream CreateTemporary(string temporary)
    {
        try
        {
            return new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataSourceException(temporary, $"cannot write the cache: {e.Message}", e);
        }
    }

    /// <summary>
    /// Workers claim chunks of images from a shared cursor, each with its own reader (a zip archive per thread), and
    /// write pixels to their final place. The first error stops every worker unless corrupt images are skipped.
    /// </summary>
    private static unsafe void Decode(EuroSatSource source, IJpegDecoder decoder, byte* images, int threads,
        bool skipCorruptImages, ConcurrentDictionary<int, string> failures, IProgress<CacheBuildProgress>? progress,
        CancellationToken cancellation)
    {
        var count = source.Count;
        var reportEvery = Math.Max(Chunk, count / 200);
        var cursor = 0;
        var done = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var imagesAddress = (nint)images;
        try
        {
            Parallel.For(0, Math.Min(threads, (count + Chunk - 1) / Chunk), new ParallelOptions { MaxDegreeOfParallelism = threads },
                _ =>
                {
                    using var reader = source.OpenReader(decoder);
                    int first;
                    while (!stop.IsCancellationRequested && (first = Interlocked.Add(ref cursor, Chunk) - Chunk) < count)
                    {
                        var end = Math.Min(count, first + Chunk);
                        for (var i = first; i < end; i++)
                        {
                            var destination = new Span<byte>((byte*)imagesAddress + (long)i * EuroSatClasses.BytesPerImage, EuroSatClasses.BytesPerImage);
                            try
                            {
                                reader.Read(i, destination);
                            }
                            catch (DataSourceException e) when (skipCorruptImages)
                            {
                                failures[i] = e.Message;
                            }
                            catch
                            {
                                stop.Cancel();
                                throw;
                            }
                        }
                        var now = Interlocked.Add(ref done, end - first);
                        if (progress is not null && (now / reportEvery != (now - (end - first)) / reportEvery || now == count))
                            progress.Report(new CacheBuildProgress(now, count, failures.Count, source.IsSynthetic ? "generating" : "decoding"));
                    }
                });
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(x => x is not OperationCanceledException) is { } cause)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(cause).Throw();
        }
        cancellation.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// Moves the kept images down over the skipped ones (order preserved) and writes the labels after them; returns
    /// how many were kept and how many per class.
    /// </summary>
    private static unsafe (int Kept, int[] PerClass) Compact(byte* images, IReadOnlyList<int> labels, int classes, ICollection<int> skipped)
    {
        var skip = skipped.ToHashSet();
        var perClass = new int[classes];
        var kept = 0;
        var keptLabels = new byte[labels.Count];
        for (var i = 0; i < labels.Count; i++)
        {
            if (skip.Contains(i))
                continue;
            if (kept != i)
                Buffer.MemoryCopy(images + (long)i * EuroSatClasses.BytesPerImage, images + (long)kept * EuroSatClasses.BytesPerImage,
                    EuroSatClasses.BytesPerImage, EuroSatClasses.BytesPerImage);
            keptLabels[kept++] = checked((byte)labels[i]);
            perClass[labels[i]]++;
        }
        keptLabels.AsSpan(0, kept).CopyTo(new Span<byte>(images + (long)kept * EuroSatClasses.BytesPerImage, kept));
        return (kept, perClass);
    }

    private static TensorCacheMetadata Metadata(EuroSatSource source, string fingerprint, IJpegDecoder decoder,
        int[] perClass, ConcurrentDictionary<int, string> failures, int threads, TimeSpan elapsed)
    {
        var examples = failures.OrderBy(f => f.Key).Select(f => f.Value).Take(MaxSkippedExamples).ToList();
        TensorCacheMetadata Make() => new(source.ClassNames, perClass, source.Kind, source.Spec, source.Description,
            source.IsSynthetic, fingerprint, source.Pipeline(decoder), DateTimeOffset.UtcNow, Math.Round(elapsed.TotalSeconds, 3),
            threads, failures.Count, examples);
        var metadata = Make();
        while (examples.Count > 0 && TensorCacheFormat.MetadataLength(metadata) > TensorCacheFormat.MaxMetadataLength())
        {
            examples.RemoveAt(examples.Count - 1);
            metadata = Make();
        }
        return metadata;
    }
}
