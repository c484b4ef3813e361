using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using GeoAI.Data;
using Spectre.Console;

namespace GeoAI.Bench.Commands;

/// <summary>
/// <c>cache</c>: builds a source's tensor cache (with a progress bar) or reuses it, <c>--verify</c> re-checks an existing
/// one in full, and either way prints what it holds: images, classes and per-class counts, source, size, build time.
/// </summary>
internal static class CacheCommand
{
    public static SubCommand Definition { get; } = new(Create(), NeedsLibTorch: false);

    private static Command Create()
    {
        var data = new Option<string>("--data")
        {
            Description = "Data source: synthetic, synthetic:N[:SEED], a EuroSAT folder (torchvision layout) or EuroSAT.zip",
            DefaultValueFactory = _ => SyntheticSource.Name,
        };
        var cacheDir = new Option<string?>("--cache-dir")
        {
            Description = $"Cache folder (default ${CacheLocation.EnvironmentVariable}, else ~/.cache/geoai-bench/data)",
        };
        var verify = new Option<bool>("--verify") { Description = "Check an existing cache in full (header, size, payload checksum); build nothing" };
        var rebuild = new Option<bool>("--rebuild") { Description = "Build the cache afresh even if a valid one exists" };
        var decoder = new Option<JpegDecoderKind>("--decoder")
        {
            Description = "JPEG decoder for real data",
            DefaultValueFactory = _ => JpegDecoders.Default,
        };
        var skipCorrupt = new Option<bool>("--skip-corrupt") { Description = "Leave corrupt JPEGs out (counted) instead of failing" };
        var threads = new Option<int>("--threads") { Description = "Build workers (0 = one per core)", DefaultValueFactory = _ => 0 };

        var command = new Command("cache", "Build, verify or describe the uint8 tensor cache of a data source.");
        foreach (var option in new Option[] { data, cacheDir, verify, rebuild, decoder, skipCorrupt, threads })
            command.Options.Add(option);
        command.SetAction(parse => Run(parse.GetValue(data)!, new EuroSatDataOptions
        {
            CacheDirectory = parse.GetValue(cacheDir),
            Decoder = parse.GetValue(decoder),
            SkipCorruptImages = parse.GetValue(skipCorrupt),
            BuildThreads = parse.GetValue(threads),
            Mode = parse.GetValue(verify) ? CacheMode.ExistingOnly : parse.GetValue(rebuild) ? CacheMode.Rebuild : CacheMode.Auto,
        }, parse.GetValue(verify)));
        return command;
    }

    private static int Run(string spec, EuroSatDataOptions options, bool verify)
    {
        try
        {
            var stopwatch = Stopwatch.StartNew();
            // Opening without the checksum, then verifying separately, times the two apart.
            using var data = verify
                ? EuroSatData.Open(spec, options with { VerifyChecksum = false })
                : DataLoading.OpenWithProgressBar(spec, options);
            var openTime = stopwatch.Elapsed;
            if (verify)
            {
                stopwatch.Restart();
                using (var cache = TensorCache.Open(data.CachePath, verifyChecksum: true))
                    AnsiConsole.MarkupLine($"[green]verified[/]: header, size and payload checksum of {Markup.Escape(cache.Path)} " +
                                           $"({stopwatch.Elapsed.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)} ms)");
            }
            Describe(data, openTime);
            return 0;
        }
        catch (DataSourceException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
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
