using GeoAI.Data;

namespace GeoAI.Tests.Data;

public class CacheTests
{
    private static readonly string[] Classes = ["Alpha", "Beta", "Gamma"];

    private static EuroSatDataOptions In(TempDirectory temp) => new() { CacheDirectory = temp.Combine("cache") };

    [Fact]
    public void SyntheticCacheRoundTripsBitExact()
    {
        using var temp = new TempDirectory();
        using var data = EuroSatData.Open("synthetic:200", In(temp));

        Assert.Equal(CacheOutcome.Built, data.CacheOutcome);
        Assert.Equal(200, data.Count);
        Assert.True(data.IsSynthetic);
        Assert.Contains("synthetic", data.Description);
        Assert.Equal(SyntheticSource.ProportionalCounts(200), data.ClassCounts);
        var expected = new byte[EuroSatClasses.BytesPerImage];
        var source = new SyntheticSource(200);
        for (var i = 0; i < data.Count; i++)
        {
            SyntheticImages.Render(SyntheticSource.DefaultSeed, i, source.Labels[i], expected);
            Assert.True(expected.AsSpan().SequenceEqual(data.Image(i)), $"image {i} differs from the generator's");
            Assert.Equal(source.Labels[i], data.Label(i));
        }
        Assert.Equal(4 * 4096 + 200L * (EuroSatClasses.BytesPerImage + 1), new FileInfo(data.CachePath).Length);
    }

    [Fact]
    public void FolderCacheHoldsTheDecodedImagesAndIsReusedWhenUnchanged()
    {
        using var temp = new TempDirectory();
        TestImages.WriteFolder(temp.Combine("set"), TestImages.Layout(Classes, perClass: 5));

        using (var built = EuroSatData.Open(temp.Combine("set"), In(temp)))
        {
            Assert.Equal(CacheOutcome.Built, built.CacheOutcome);
            var decoder = JpegDecoders.Create();
            var source = (FolderSource)built.Source;
            var expected = new byte[EuroSatClasses.BytesPerImage];
            for (var i = 0; i < built.Count; i++)
            {
                decoder.Decode(File.ReadAllBytes(Path.Combine(source.SourcePath, source.Images[i].RelativePath)), expected);
                Assert.True(expected.AsSpan().SequenceEqual(built.Image(i)), $"image {i} differs from a direct decode");
            }
            Assert.Equal(new[] { 5, 5, 5 }, built.ClassCounts);
            Assert.Equal(Classes, built.ClassNames);
            Assert.Contains(decoder.Name, built.CacheMetadata.Pipeline);
        }

        using var reused = EuroSatData.Open(temp.Combine("set"), In(temp));
        Assert.Equal(CacheOutcome.Reused, reused.CacheOutcome);
    }

    [Fact]
    public void ChangedSourceRebuildsTheSameFile()
    {
        using var temp = new TempDirectory();
        TestImages.WriteFolder(temp.Combine("set"), TestImages.Layout(Classes, perClass: 2));
        string path;
        using (var first = EuroSatData.Open(temp.Combine("set"), In(temp)))
            path = first.CachePath;
        File.WriteAllBytes(temp.Combine("set", "2750", "Gamma", "Gamma_3.jpg"), TestImages.SolidJpeg(5, 6, 7));

        using var second = EuroSatData.Open(temp.Combine("set"), In(temp));

        Assert.Equal(CacheOutcome.Rebuilt, second.CacheOutcome);
        Assert.Contains("source changed", second.CacheNote);
        Assert.Equal(path, second.CachePath);
        Assert.Equal(7, second.Count);
        Assert.Single(Directory.GetFiles(temp.Combine("cache")));
    }

    [Fact]
    public void OtherDecoderRebuilds()
    {
        using var temp = new TempDirectory();
        TestImages.WriteFolder(temp.Combine("set"), TestImages.Layout(Classes, perClass: 1));
        EuroSatData.Open(temp.Combine("set"), In(temp) with { Decoder = JpegDecoderKind.Skia }).Dispose();

        using var stb = EuroSatData.Open(temp.Combine("set"), In(temp) with { Decoder = JpegDecoderKind.Stb });

        Assert.Equal(CacheOutcome.Rebuilt, stb.CacheOutcome);
        Assert.Contains("StbImageSharp", stb.CacheMetadata.Pipeline);
    }

    [Fact]
    public void TamperedPayloadIsDetectedAndRebuilt()
    {
        using var temp = new TempDirectory();
        string path;
        byte original;
        using (var data = EuroSatData.Open("synthetic:50", In(temp)))
        {
            path = data.CachePath;
            original = data.Image(17)[100];
        }
        FlipByte(path, 4 * 4096 + 17 * EuroSatClasses.BytesPerImage + 100);

        var error = Assert.Throws<CacheDamagedException>(() => TensorCache.Open(path));
        Assert.Contains("checksum mismatch", error.Message);
        Assert.Contains(path, error.Message);

        using var rebuilt = EuroSatData.Open("synthetic:50", In(temp));
        Assert.Equal(CacheOutcome.Rebuilt, rebuilt.CacheOutcome);
        Assert.Contains("damaged", rebuilt.CacheNote);
        Assert.Equal(original, rebuilt.Image(17)[100]);
    }

    [Fact]
    public void TamperedLabelIsDetected()
    {
        using var temp = new TempDirectory();
        string path;
        using (var data = EuroSatData.Open("synthetic:50", In(temp)))
            path = data.CachePath;
        // The last byte of the file is the last image's label (SeaLake = 9); 9 ^ 1 = 8 keeps it a valid class.
        FlipByte(path, new FileInfo(path).Length - 1, mask: 1);

        Assert.Contains("labels do not match", Assert.Throws<CacheDamagedException>(() => TensorCache.Open(path, verifyChecksum: false)).Message);
    }

    [Fact]
    public void TamperedHeaderIsDetected()
    {
        using var temp = new TempDirectory();
        string path;
        using (var data = EuroSatData.Open("synthetic:20", In(temp)))
            path = data.CachePath;
        FlipByte(path, 60); // inside the metadata JSON

        Assert.Contains("header checksum mismatch", Assert.Throws<CacheDamagedException>(() => TensorCache.Open(path)).Message);
    }

    [Fact]
    public void TruncatedCacheIsDetectedWithoutReadingThePayload()
    {
        using var temp = new TempDirectory();
        string path;
        using (var data = EuroSatData.Open("synthetic:20", In(temp)))
            path = data.CachePath;
        var length = new FileInfo(path).Length;

        using (var stream = new FileStream(path, FileMode.Open))
            stream.SetLength(length - 1000);
        var truncated = Assert.Throws<CacheDamagedException>(() => TensorCache.Open(path, verifyChecksum: false));
        Assert.Contains("truncated", truncated.Message);
        Assert.Contains($"{length - 1000:N0} bytes", truncated.Message);

        using (var stream = new FileStream(path, FileMode.Open))
            stream.SetLength(100);
        Assert.Contains("header length", Assert.Throws<CacheDamagedException>(() => TensorCache.Open(path, verifyChecksum: false)).Message);

        using (var stream = new FileStream(path, FileMode.Open))
            stream.SetLength(10);
        Assert.Contains("too short", Assert.Throws<CacheDamagedException>(() => TensorCache.Open(path)).Message);
    }

    [Fact]
    public void AppendedBytesAreDetectedWithoutReadingThePayloadAndTheCacheIsRebuilt()
    {
        using var temp = new TempDirectory();
        string path;
        long length;
        byte original;
        using (var data = EuroSatData.Open("synthetic:20", In(temp)))
        {
            (path, length, original) = (data.CachePath, new FileInfo(data.CachePath).Length, data.Image(19)[7]);
        }
        using (var stream = new FileStream(path, FileMode.Append))
            stream.Write(new byte[EuroSatClasses.BytesPerImage + 1]); // exactly one more image and label: still refused

        var error = Assert.Throws<CacheDamagedException>(() => TensorCache.Open(path, verifyChecksum: false));
        Assert.Contains($"{EuroSatClasses.BytesPerImage + 1:N0} bytes more than the header's {length:N0} for 20 images", error.Message);

        using var rebuilt = EuroSatData.Open("synthetic:20", In(temp));
        Assert.Equal(CacheOutcome.Rebuilt, rebuilt.CacheOutcome);
        Assert.Contains("bytes more than the header's", rebuilt.CacheNote);
        Assert.Equal(length, new FileInfo(path).Length);
        Assert.Equal(original, rebuilt.Image(19)[7]);
    }

    [Fact]
    public void NotACacheIsRefused()
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.Combine("x.u8cache"), new byte[5000]);

        Assert.Contains("not a GeoAI tensor cache", Assert.Throws<CacheDamagedException>(() => TensorCache.Open(temp.Combine("x.u8cache"))).Message);
    }

    [Fact]
    public void ExistingOnlyRefusesToBuild()
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<CacheDamagedException>(() =>
            EuroSatData.Open("synthetic:30", In(temp) with { Mode = CacheMode.ExistingOnly }));

        Assert.Contains("no usable cache", error.Message);
        Assert.Contains("cache --data synthetic:30", error.Message);
        Assert.False(Directory.Exists(temp.Combine("cache")) && Directory.EnumerateFiles(temp.Combine("cache")).Any());
    }

    [Fact]
    public void CorruptJpegFailsTheBuildNamingTheFileAndLeavesNoFile()
    {
        using var temp = new TempDirectory();
        TestImages.WriteFolder(temp.Combine("set"), TestImages.Layout(Classes, perClass: 4));
        var bad = temp.Combine("set", "2750", "Beta", "Beta_3.jpg");
        var bytes = File.ReadAllBytes(bad);
        File.WriteAllBytes(bad, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<DataSourceException>(() => EuroSatData.Open(temp.Combine("set"), In(temp)));

        Assert.Equal(bad, error.Path);
        Assert.Contains("truncated", error.Message);
        Assert.Empty(Directory.EnumerateFiles(temp.Combine("cache")));
    }

    [Fact]
    public void CorruptJpegsCanBeSkippedAndCounted()
    {
        using var temp = new TempDirectory();
        TestImages.WriteFolder(temp.Combine("set"), TestImages.Layout(Classes, perClass: 4));
        File.WriteAllBytes(temp.Combine("set", "2750", "Alpha", "Alpha_2.jpg"), "garbage"u8.ToArray());
        File.WriteAllBytes(temp.Combine("set", "2750", "Gamma", "Gamma_4.jpg"), []);

        using var data = EuroSatData.Open(temp.Combine("set"), In(temp) with { SkipCorruptImages = true });

        Assert.Equal(10, data.Count);
        Assert.Equal(new[] { 3, 4, 3 }, data.ClassCounts);
        Assert.Equal(2, data.CacheMetadata.SkippedImages);
        Assert.Contains("2 corrupt images skipped", data.Description);
        Assert.Contains(data.CacheMetadata.SkippedExamples, e => e.Contains("Alpha_2.jpg") && e.Contains("not a JPEG"));
        Assert.Contains(data.CacheMetadata.SkippedExamples, e => e.Contains("Gamma_4.jpg") && e.Contains("empty file"));
        // The kept images moved down in order: image 1 is Alpha_3 now (Alpha_1, Alpha_3, Alpha_4, then Beta).
        var expected = new byte[EuroSatClasses.BytesPerImage];
        JpegDecoders.Create().Decode(File.ReadAllBytes(temp.Combine("set", "2750", "Alpha", "Alpha_3.jpg")), expected);
        Assert.True(expected.AsSpan().SequenceEqual(data.Image(1)));
        Assert.Equal(new byte[] { 0, 0, 0, 1, 1, 1, 1, 2, 2, 2 }, data.Labels.ToArray());

        // Opened again without skipping, the cache does not count as a match; the strict rebuild then fails on the file.
        Assert.Contains("Alpha_2.jpg", Assert.Throws<DataSourceException>(() => EuroSatData.Open(temp.Combine("set"), In(temp))).Message);
    }

    [Fact]
    public void ZipCacheEqualsFolderCache()
    {
        using var temp = new TempDirectory();
        var files = TestImages.Layout(Classes, perClass: 3).ToList();
        TestImages.WriteFolder(temp.Combine("set"), files);
        var zip = TestImages.WriteZip(temp.Combine("set.zip"), files.Select(f => (f.Path, (byte[]?)f.Bytes)));

        using var fromFolder = EuroSatData.Open(temp.Combine("set"), In(temp));
        using var fromZip = EuroSatData.Open(zip, In(temp));

        Assert.NotEqual(fromFolder.CachePath, fromZip.CachePath);
        for (var i = 0; i < fromZip.Count; i++)
            Assert.True(fromFolder.Image(i).SequenceEqual(fromZip.Image(i)));
        Assert.Equal(fromFolder.Labels.ToArray(), fromZip.Labels.ToArray());
    }

    [Fact]
    public void ProgressIsReportedUpToTheTotal()
    {
        using var temp = new TempDirectory();
        var reports = new System.Collections.Concurrent.ConcurrentBag<CacheBuildProgress>();

        using var data = EuroSatData.Open("synthetic:500", In(temp) with { Progress = new SynchronousProgress(reports.Add), BuildThreads = 2 });

        Assert.Contains(reports, r => r is { Done: 500, Total: 500, Stage: "done" });
        Assert.All(reports, r => Assert.InRange(r.Done, 1, 500));
        Assert.Equal(2, data.CacheMetadata.BuildThreads);
    }

    [Fact]
    public void CacheFileNamesFollowTheSource()
    {
        var synthetic = CacheLocation.FileFor(new SyntheticSource(300, 5), "/tmp/c");

        Assert.Equal("/tmp/c/synthetic-300-seed5.u8cache", synthetic);
    }

    private static void FlipByte(string path, long offset, byte mask = 0xFF)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        stream.Position = offset;
        var value = (byte)stream.ReadByte();
        stream.Position = offset;
        stream.WriteByte((byte)(value ^ mask));
    }

    private sealed class SynchronousProgress(Action<CacheBuildProgress> report) : IProgress<CacheBuildProgress>
    {
        public void Report(CacheBuildProgress value) => report(value);
    }
}
