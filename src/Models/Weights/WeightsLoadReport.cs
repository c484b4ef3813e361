using System.Globalization;

namespace GeoAI.Models;

/// <summary>What loading a weights file into a model did.</summary>
/// <param name="FilePath">The file, as a full path.</param>
/// <param name="Loaded">Tensors copied into the model.</param>
/// <param name="InFile">Tensors the file holds (more than <paramref name="Loaded"/> when its head was left out).</param>
/// <param name="Bytes">Size of the file's tensor values.</param>
/// <param name="TensorsByDType">How many tensors the file stored in each dtype (VGG11-BN: "F32" 54, "I64" 8).</param>
/// <param name="Converted">Tensors stored in another dtype than the model's, converted as they were copied (F16 to F32).</param>
/// <param name="AbsentCounters">Batch-norm <c>num_batches_tracked</c> counters the file lacks (saved before PyTorch 0.4.1).</param>
/// <param name="Metadata">The file's free-form strings (safetensors' <c>__metadata__</c>).</param>
/// <param name="FreshHead">Set when the file's classifier head had another number of classes and was left out.</param>
public sealed record WeightsLoadReport(
    string FilePath,
    WeightsFormat Format,
    int Loaded,
    int InFile,
    long Bytes,
    IReadOnlyDictionary<string, int> TensorsByDType,
    int Converted,
    int AbsentCounters,
    IReadOnlyDictionary<string, string> Metadata,
    FreshHead? FreshHead)
{
    /// <summary>
    /// One line, e.g. for the tests' file shaped like torchvision's 2017 ones: "weights: loaded 8 of 10 tensors from
    /// /tmp/…/tiny1000-old.pth (PyTorch legacy; 0.0 MB: F32 10; 1 batch-norm counters not in the file keep the model's);
    /// a fresh 10-class head replaces the file's 1000-class classifier.2".
    /// </summary>
    public string Describe()
    {
        var dtypes = string.Join(", ", TensorsByDType.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key} {pair.Value}"));
        var megabytes = Megabytes(Bytes);
        var converted = Converted > 0 ? $"; {Converted} converted to the model's dtype" : "";
        var counters = AbsentCounters > 0 ? $"; {AbsentCounters} batch-norm counters not in the file keep the model's" : "";
        var head = FreshHead is { } fresh ? $"; {fresh.Describe()}" : "";
        return $"weights: loaded {Loaded} of {InFile} tensors from {FilePath} ({Format.Describe()}; {megabytes} MB: {dtypes}{converted}{counters}){head}";
    }

    /// <summary>Bytes as MiB with one decimal, "506.9".</summary>
    internal static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F1", CultureInfo.InvariantCulture);
}

/// <summary>The file's classifier head was for <paramref name="FileClasses"/> classes; the model kept its own fresh one.</summary>
public sealed record FreshHead(string Layer, long FileClasses, long ModelClasses)
{
    public string Describe() => $"a fresh {ModelClasses}-class head replaces the file's {FileClasses}-class {Layer}";
}
