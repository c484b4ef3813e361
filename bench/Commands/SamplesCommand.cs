using System.CommandLine;
using GeoAI.Data;
using GeoAI.Report.Samples;

namespace GeoAI.Bench.Commands;

/// <summary>
/// <c>samples --data SPEC [--per-class N] [--seed N] --out FILE.png</c>: the chapter's grid of example images, N random
/// images of each class (seeded) with the class name under each, pixels upscaled ×3 with nearest-neighbour so they stay
/// visible. The title says whether the images are real EuroSAT or the synthetic stand-in. Reads the tensor cache only,
/// so it needs no libtorch.
/// </summary>
internal sealed class SamplesCommand : SubCommand
{
    /// <summary>Each 64×64 image is drawn at 192×192: large enough to see, small enough for a page.</summary>
    private const int Scale = 3;

    private readonly Option<string> data = CommonOptions.Data(defaultSpec: null);

    private readonly Option<int> perClass = new Option<int>("--per-class")
    {
        Description = "Images per class: 1 gives the chapter's grid of 5 columns; more give a row per class",
        DefaultValueFactory = _ => 1,
    }.AtLeast(1);

    private readonly Option<long> seed = new("--seed")
    {
        Description = "Seeds which images of each class are shown",
        DefaultValueFactory = _ => DatasetSplit.DefaultSeed,
    };

    private readonly Option<string?> cacheDir = CommonOptions.CacheDir();
    private readonly Option<string> output = CommonOptions.Out("The PNG file to write (replaced if it exists)");

    public SamplesCommand()
        : base("samples", "Draw the chapter's grid of example images, with class names, as a PNG.", needsLibTorch: false)
    {
        output.Validators.Add(result =>
        {
            var path = CommonOptions.ValueOf<string>(result) ?? "";
            if (!path.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
                result.AddError($"{path}: --out must name a .png file");
            else if (Directory.Exists(path))
                result.AddError($"{Path.GetFullPath(path)}: is a folder; --out must name a .png file");
        });
        Add(data, perClass, seed, cacheDir, output);
    }

    protected override int Run(ParseResult parse)
    {
        var count = parse.GetValue(perClass);
        var target = Path.GetFullPath(parse.GetValue(output)!);
        using var dataSet = DataLoading.OpenWithProgressBar(parse.GetValue(data)!, new EuroSatDataOptions { CacheDirectory = parse.GetValue(cacheDir) });
        var tiles = Pick(dataSet, count, parse.GetValue(seed));
        SampleGrid.Write(tiles, count == 1 ? 5 : count, Scale, Title(dataSet, count), target);
        Console.WriteLine($"{tiles.Count} images of {dataSet.ClassNames.Count} classes drawn to {target}");
        return ExitCode.Ok;
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
                throw new UsageException($"--per-class {perClass}: class {data.ClassNames[c]} has only {images.Count} images in {data.Description}");
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
            : $"EuroSAT RGB: {what} ({data.Source.DisplaySpec})";
    }
}
