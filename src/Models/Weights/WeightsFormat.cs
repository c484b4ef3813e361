namespace GeoAI.Models;

/// <summary>The weights file formats read here; the last two are both what <c>torch.save</c> writes.</summary>
public enum WeightsFormat
{
    /// <summary>Hugging Face's .safetensors: a JSON header and raw little-endian tensors.</summary>
    SafeTensors,

    /// <summary>torch.save since PyTorch 1.6: a zip of data.pkl (a pickled state dict) and one record per storage.</summary>
    PyTorchZip,

    /// <summary>torch.save before 1.6 (torchvision's older downloads): pickles and raw storages in one stream.</summary>
    PyTorchLegacy,
}

/// <summary>Which format a file name asks for, and what each format is called in messages.</summary>
public static class WeightsFormats
{
    /// <summary>The extensions <c>--weights</c> accepts, for messages.</summary>
    public const string Extensions = ".safetensors, .pth or .pt";

    public static string Describe(this WeightsFormat format) => format switch
    {
        WeightsFormat.SafeTensors => "safetensors",
        WeightsFormat.PyTorchZip => "PyTorch zip",
        WeightsFormat.PyTorchLegacy => "PyTorch legacy",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>True for .pth and .pt, the names torch.save's files go by.</summary>
    public static bool IsPyTorchName(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".pth" or ".pt";

    public static bool IsSafeTensorsName(string path) =>
        Path.GetExtension(path).Equals(".safetensors", StringComparison.OrdinalIgnoreCase);

    /// <summary>The format a new file at <paramref name="path"/> is written in: safetensors, or torch.save's zip.</summary>
    public static WeightsFormat ForWriting(string path) =>
        IsSafeTensorsName(path) ? WeightsFormat.SafeTensors
        : IsPyTorchName(path) ? WeightsFormat.PyTorchZip
        : throw new WeightsFileException(path, $"the name does not say which format to write: end it in {Extensions}");
}
