using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using GeoAI.Data;
using Spectre.Console;

namespace GeoAI.Bench.Commands;

/// <summary>
/// <c>cache</c>: builds a source's tensor cache (with a progress bar) or reuses it, <c>--verify</c> re-checks an existing
/// one in full, and either way prints what it holds: images, classes and per-class counts, source, size, build time.
/// A cache that fails <c>--verify</c> (missing, truncated, tampered with) exits 1; bad data or options exit 2.
/// </summary>
internal sealed class CacheCommand : SubCommand
{
    private readonly Option<string> data = CommonOptions.Data();
    private readonly Option<string?> cacheDir = CommonOptions.CacheDir();
    private readonly Option<bool> verify = new("--verify") { Description = "Check an existing cache in full (header, size, payload checksum); build nothing" };
    private readonly Option<bool> rebuild = new("--rebuild") { Description = "Build the cache afresh even if a valid one exists" };

    private readonly Option<JpegDecoderKind> decoder = new("--decoder")
    {
        Description = "JPEG decoder for real data",
        DefaultValueFactory = _ => JpegDecoders.Default,
    };

    private readonly Option<bool> skipCorrupt = new("--skip-corrupt") { Description = "Leave corrupt JPEGs out (counted) instead of failing" };
    private readonly Option<int> threads = new Option<int>("--threads") { Description = "Build workers (0 = one per core)", DefaultValueFactory = _ => 0 }.AtLeast(0);

    public CacheCommand()
        : base("cache", "Build, verify or describe the uint8 tensor cache of a data source.", needsLibTorch: false) =>
        Add(data, cacheDir, verify, rebuild, decoder, skipCorrupt, threads);

    protected override int Run(ParseResult parse)
    {
        var spec = parse.GetValue(data)!;
        var checkOnly = parse.GetValue(verify);
        var options = new EuroSatDataOptions
        {
            CacheDirectory = parse.GetValue(cacheDir),
            Decoder = parse.GetValue(decoder),
            SkipCorruptImages = parse.GetValue(skipCorrupt),
            BuildThreads = parse.GetValue(threads),
            Mode = checkOnly ? CacheMode.ExistingOnly : parse.GetValue(rebuild) ? CacheMode.Rebuild : CacheMode.Auto,
        };
        try
        {
            var stopwatch = Stopwatch.StartNew();
            // Opening without the checksum, then verifying separately, times the two apart.
            using var opened = checkOnly
                ? EuroSatData.Open(spec, options with { VerifyChecksum = false })
                : DataLoading.OpenWithProgressBar(spec, options);
            var openTime = stopwatch.Elapsed;
            if (checkOnly)
            {
                stopwatch.Restart();
                using (var cache = TensorCache.Open(opened.CachePath, verifyChecksum: true))
                    AnsiConsole.MarkupLine($"[green]verified[/]: header, size and payload checksum of {Markup.Escape(cache.Path)} " +
                                           $"({stopwatch.Elapsed.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)} ms)");
            }
            Describe(opened, openTime);
            return ExitCode.Ok;
        }
        catch (CacheDamagedException e) when (checkOnly)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCode.Failed;
        }
    }

    private static void Describe(EuroSatData data, TimeSpan openTime)
    {
        var metadata = data.CacheMetadata;
        var table = new Table().HideHeaders().AddColumns("", "");
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        Row("source", data.Description);
        Row("cache", data.CachePath);
        Row("this run", $"{data.CacheNote} in {Seconds(openTime)}");
        Row("images", Invariant($"{data.Count:N0} x uint8 [3,64,64]"));
        Row("size", Invariant($"{new FileInfo(data.CachePath).Length / 1e6:F1} MB"));
        Row("pipeline", metadata.Pipeline);
        Row("built", Invariant($"{metadata.BuiltAtUtc:yyyy-MM-dd HH:mm:ss} UTC in {metadata.BuildSeconds:F2} s on {metadata.BuildThreads} threads"));
        if (metadata.SkippedImages > 0)
            Row("skipped", $"{metadata.SkippedImages} corrupt images, e.g. {string.Join("; ", metadata.SkippedExamples.Take(3))}");
        Row("classes", string.Join(", ", data.ClassNames.Select((name, i) => Invariant($"{i} {name} {data.ClassCounts[i]}"))));
        AnsiConsole.Write(table);
    }

    private static string Seconds(TimeSpan time) => Invariant($"{time.TotalSeconds:F3} s");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
