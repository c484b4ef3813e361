using TorchSharp;
using static TorchSharp.torch;

namespace GeoAI.Models;

/// <summary>
/// What <c>--weights</c> does for train and the benchmarks, for every format: find the file, load it into the model
/// with <see cref="StateDictLoader"/>'s checks, and say what happened in one line. A bad file throws
/// <see cref="WeightsFileException"/>.
/// </summary>
public static class ModelWeights
{
    /// <summary>The line to print when no weights file is given.</summary>
    public const string RandomInitialisation =
        "weights: running from random initialisation (no --weights given; ./geoai download --weights vgg11bn fetches torchvision's ImageNet weights)";

    /// <summary>
    /// The file <c>--weights VALUE</c> names: a path (.safetensors, .pth or .pt), or <c>torchvision</c> for
    /// torchvision's VGG11-BN file where torch.hub keeps it. Throws when it is not there; returns a full path.
    /// </summary>
    public static string Locate(string value)
    {
        if (value == TorchvisionWeights.CacheName)
        {
            var weights = TorchvisionWeights.Vgg11Bn;
            return weights.FindCached() ?? throw new WeightsFileException(value,
                $"{weights.FileName} is not in {string.Join(" or ", TorchvisionWeights.CandidateDirectories())}; " +
                $"./geoai download --weights {weights.Model} fetches it");
        }
        return File.Exists(value) ? Path.GetFullPath(value) : throw new WeightsFileException(Path.GetFullPath(value), "no such weights file");
    }

    /// <summary>Loads the file <paramref name="value"/> names (see <see cref="Locate"/>) into <paramref name="model"/>.</summary>
    public static WeightsLoadReport Load(nn.Module model, string value)
    {
        using var file = WeightsFile.Open(Locate(value));
        return StateDictLoader.Load(model, file);
    }

    /// <summary>
    /// Loads <paramref name="value"/> into <paramref name="model"/> when given. Prints nothing; returns the line to
    /// print: what was loaded, or <see cref="RandomInitialisation"/>.
    /// </summary>
    public static string Apply(nn.Module model, string? value) =>
        string.IsNullOrEmpty(value) ? RandomInitialisation : Load(model, value).Describe();

    /// <summary>
    /// Writes <paramref name="model"/>'s state dict (parameters and persistent buffers, from any device, in PyTorch's
    /// order) to <paramref name="path"/>: .safetensors, or torch.save's zip format for .pth and .pt, through a temporary file
    /// renamed when complete. <paramref name="metadata"/> goes into a safetensors header; a .pth has no place for it.
    /// </summary>
    public static void Save(nn.Module model, string path, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var format = WeightsFormats.ForWriting(path);
        using var scope = NewDisposeScope();
        var tensors = PyTorchStateOrder.StateDict(model).Select(pair => Describe(pair.Key, pair.Value.detach().cpu().contiguous())).ToList();
        AtomicFile.Write(path, output => WeightsWriter.Write(format, output, tensors, metadata));
    }

    private static TensorToWrite Describe(string name, Tensor tensor)
    {
        var dtype = WeightsDType.FromScalarType(tensor.dtype)
                    ?? throw new ArgumentException($"{name} is {tensor.dtype}; weights files here hold {WeightsDType.Supported}");
        return new TensorToWrite(new StoredTensor(name, dtype, tensor.shape), output =>
        {
            if (tensor.numel() > 0)
                tensor.WriteBytesToStream(output, 1 << 20);
        });
    }
}
