using BenchmarkDotNet.Attributes;
using GeoAI.Bench.Benchmarks.Infrastructure;
using GeoAI.Data;

namespace GeoAI.Bench.Benchmarks;

/// <summary>
/// JPEG decoding speed of each served decoder on real EuroSAT images, from memory (no I/O): 1,000 JPEGs spread evenly
/// over the 27,000 (every class), each decoded to the cache's uint8 CHW [3,64,64]. One operation = one image, so the
/// result reads as time per image. The images come from the EuroSAT zip or folder given to the benchmark command with
/// <c>--data</c>; with synthetic data there are no JPEGs and these cases are skipped.
/// </summary>
[BenchmarkCategory(Categories.Decode)]
public class JpegDecoding
{
    private const int Images = 1_000;

    private IReadOnlyList<byte[]> jpegs = [];
    private IJpegDecoder decoder = null!;
    private readonly byte[] chw = new byte[EuroSatClasses.BytesPerImage];

    [Params(JpegDecoderKind.Skia, JpegDecoderKind.Stb)]
    public JpegDecoderKind Decoder { get; set; }

    [GlobalSetup]
    public void LoadJpegs()
    {
        var spec = BenchmarkInputs.DataSpec;
        if (EuroSatSource.Parse(spec) is not ImageFileSource source)
            throw new InvalidOperationException($"{spec} is not a EuroSAT zip or folder");
        jpegs = source.ReadEncoded(Enumerable.Range(0, Images).Select(i => (int)((long)i * source.Count / Images)));
        decoder = JpegDecoders.Create(Decoder);
    }

    [Benchmark(OperationsPerInvoke = Images)]
    public byte Decode()
    {
        foreach (var jpeg in jpegs)
            decoder.Decode(jpeg, chw);
        return chw[0];
    }
}
