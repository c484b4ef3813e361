using System.CommandLine;
using GeoAI.Data;
using GeoAI.Report;
using GeoAI.Report.Samples;

namespace GeoAI.Bench.Commands;

/// <summary>
/// <c>samples --data SPEC [--per-class N] [--seed N] --out FILE.png</c>: the chapter's grid of example images, N random
/// images of each class (seeded) with the class name under each, pixels upscaled ×3 with nearest-neighbour so they stay
/// visible. The title says whether the images are real EuroSAT or the synthetic stand-in. Reads the tensor cache only,
/// so it needs no libtorch.
/// </summary>
internal static class SamplesCommand
{
    /// <summary>Each 64×64 image is drawn at 192×192: large enough to see, small enough for a page.</summary>
    private const int Scale = 3;

    private static readonly Option<string> Data = new("--data")
    {
        Description = "EuroSAT folder (torchvision layout) or EuroSAT.zip, or synthetic[:N[:SEED]]",
        Required = true,
    };

    private static readonly Option<int> PerClass = new("--per-class")
    {
        Description = "Images per class: 1 gives the chapter's grid of 5 columns; more give a row per class",
        DefaultValueFactory = _ => 1,
    };

    private static readonly Option<long> Seed = new("--seed")
    {
        Description = "Seeds which images of each class are shown",
        DefaultValueFactory = _ => DatasetSplit.DefaultSeed,
    };

    private static readonly Option<string?> CacheDir = new("--cache-dir")
    {
        Description = $"Tensor cache folder (default ${CacheLocation.EnvironmentVariable}, else ~/.cache/geoai-bench/data)",
    };

    private static readonly Option<string> Out = new("--out")
    {
        Description = "The PNG file to write (replaced if it exists)",
        Required = true,
    };

    public static SubCommand Definition { get; } = new(Create(), NeedsLibTorch: false);

    private static Command Create()
    {
        var command = new Command("samples", "Draw the chapter's grid of example images, with class names, as a PNG.");
        foreach (var option in new Option[] { Data, PerClass, Seed, CacheDir, Out })
            command.Options.Add(option);
        command.Action = new SamplesAction();
        return command;
    }

    private sealed class SamplesAction : BadCommandLineExitsTwo
    {
        protected override int Run(ParseResult parse)
        {
            var perClass = parse.GetValue(PerClass);
            var output = parse.GetValue(Out);
            var problem = perClass < 1 ? $"--per-class must be at least 1, not {perClass}"
                : !output!.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? $"{output}: --out must name a .png file"
                : Directory.Exists(output) ? $"{Path.GetFullPath(output)}: is a folder; --out must name a .png file"
                : null;
            if (problem is not null)
            {
                Console.Error.WriteLine($"error: {problem}");
                return 2;
            }
            try
            {
                using var data = DataLoading.OpenWithProgressBar(parse.GetValue(Data)!,
                    new EuroSatDataOptions { CacheDirectory = parse.GetValue(CacheDir) });
                var tiles = Pick(data, perClass, parse.GetValue(Seed));
                var columns = perClass == 1 ? 5 : perClass;
                SampleGrid.Write(tiles, columns, Scale, Title(data, perClass), output!);
                Console.WriteLine($"{tiles.Count} images of {data.ClassNames.Count} classes drawn to {Path.GetFullPath(output!)}");
                return 0;
            }
            catch (Exception e) when (e is DataSourceException or ReportException or ArgumentException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: {Path.GetFullPath(output!)} could not be written: {e.Message}");
                return 1;
            }
        }
    }

    /// <summary>
    /// <paramref name="perClass"/> images of each class in class order, drawn without repeats by a seeded permutation of
    /// the class's images (stream = class index), so the same seed shows the same images.
    /// </summary>
    private static List<SampleTile> Pick(EuroSatData data, int perClass, long seed)
    {
        var byClass = Enumerable.Range(0, data.ClassNames.Count).Select(_ => new List<int>()).ToList();
        for (var i = 0; i < data.Count; i++)
            byClass[data.Label(i)].Add(i);
        var tiles = new List<SampleTile>();
        for (var c = 0; c < byClass.Count; c++)
        {
            var images = byClass[c];
            if (images.Count < perClass)
                throw new ArgumentException($"class {data.ClassNames[c]} has {images.Count} images in {data.Description}, fewer than --per-class {perClass}");
            foreach (var position in SplitMix64.ForStream(seed, c).Permutation(images.Count).Take(perClass))
                tiles.Add(new SampleTile(data.ClassNames[c], data.Image(images[position]).ToArray(), EuroSatClasses.ImageSize));
        }
        return tiles;
    }

    private static string Title(EuroSatData data, int perClass)
    {
        var what = perClass == 1 ? "one random image per class" : $"{perClass} random images per class";
        return data.IsSynthetic
            ? $"Synthetic images (not EuroSAT photographs): {what}"
            : $"EuroSAT RGB: {what} ({Path.GetFileName(data.Source.Spec)})";
    }
}
