using System.Text.RegularExpressions;

namespace GeoAI.Models;

/// <summary>
/// A weights file torchvision publishes, and where torch.hub keeps it. The file name carries the first hex digits of
/// the file's SHA-256 (<c>vgg11_bn-6002323d.pth</c>), which torch.hub checks after a download and so does
/// <c>./geoai download --weights</c>.
/// </summary>
public sealed partial record TorchvisionWeights(string Model, string Url)
{
    /// <summary>The chapter's <c>vgg11_bn(pretrained=True)</c>: ImageNet, 1,000 classes, torch.save's legacy format.</summary>
    public static TorchvisionWeights Vgg11Bn { get; } = new(Vgg11BnSpec.Instance.Name, "https://download.pytorch.org/models/vgg11_bn-6002323d.pth");

    /// <summary>Every model with published weights, by <see cref="IModelSpec.Name"/>.</summary>
    public static IReadOnlyList<TorchvisionWeights> All { get; } = [Vgg11Bn];

    /// <summary>The name <c>--weights</c> takes for this file wherever torch.hub keeps it.</summary>
    public const string CacheName = "torchvision";

    public string FileName => FileNameOf(Url);

    public static TorchvisionWeights? Find(string model) => All.FirstOrDefault(weights => weights.Model == model);

    /// <summary>The last segment of a URL's path.</summary>
    public static string FileNameOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Path.GetFileName(uri.AbsolutePath) : Path.GetFileName(url);

    /// <summary>The SHA-256 prefix torch.hub reads from a file name (<c>NAME-HEX.EXT</c>), or null when it has none.</summary>
    public static string? HashPrefixOf(string fileName) =>
        HashInName().Match(fileName) is { Success: true } match ? match.Groups[1].Value : null;

    /// <summary>
    /// torch.hub's checkpoint folder, as <c>torch.hub.get_dir()</c> chooses it: <c>$TORCH_HOME/hub/checkpoints</c>,
    /// else <c>$XDG_CACHE_HOME/torch/hub/checkpoints</c>, else <c>~/.cache/torch/hub/checkpoints</c>.
    /// </summary>
    public static string CheckpointsDirectory => CandidateDirectories()[0];

    /// <summary>Where the file is when torchvision or a download here already fetched it, else null.</summary>
    public string? FindCached() =>
        CandidateDirectories().Select(directory => Path.Combine(directory, FileName)).FirstOrDefault(File.Exists);

    /// <summary>torch.hub's folder first, then the default one, in case TORCH_HOME was set only when the file came.</summary>
    public static IReadOnlyList<string> CandidateDirectories()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(home, ".cache");
        var standard = Path.Combine(cache, "torch", "hub", "checkpoints");
        return Environment.GetEnvironmentVariable("TORCH_HOME") is { Length: > 0 } torchHome
            ? [Path.Combine(torchHome, "hub", "checkpoints"), standard]
            : [standard];
    }

    [GeneratedRegex("-([a-f0-9]+)\\.")]
    private static partial Regex HashInName();
}
