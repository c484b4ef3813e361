namespace GeoAI.Models;

/// <summary>
/// An open weights file whose structure has been checked in full (every tensor's dtype, shape and bytes accounted
/// for) before any value is read. Loading into a model, converting and verifying all go through this one view, so
/// both formats get the same checks.
/// </summary>
public abstract class WeightsFile : IDisposable
{
    protected WeightsFile(string filePath, WeightsFormat format, IReadOnlyList<StoredTensor> tensors,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        FilePath = filePath;
        Format = format;
        Tensors = tensors;
        Metadata = metadata ?? new Dictionary<string, string>();
        var duplicate = tensors.GroupBy(tensor => tensor.Name).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
            throw new WeightsFileException(filePath, $"'{duplicate.Key}' appears twice");
    }

    public string FilePath { get; }

    public WeightsFormat Format { get; }

    /// <summary>The tensors in the file's own order.</summary>
    public IReadOnlyList<StoredTensor> Tensors { get; }

    /// <summary>Free-form strings stored with the tensors (safetensors' <c>__metadata__</c>); empty otherwise.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    public long ByteLength => Tensors.Sum(tensor => tensor.ByteLength);

    /// <summary>
    /// A stream of exactly <see cref="StoredTensor.ByteLength"/> bytes: the tensor's values, row-major and little-endian.
    /// One stream at a time; dispose it before opening the next.
    /// </summary>
    public abstract Stream OpenRead(StoredTensor tensor);

    /// <summary>
    /// Opens <paramref name="path"/>: .safetensors as safetensors, .pth and .pt as torch.save's zip or legacy format
    /// (told apart by their first bytes); <paramref name="format"/> overrides the name (files under temporary names).
    /// </summary>
    public static WeightsFile Open(string path, WeightsFormat? format = null)
    {
        if (!File.Exists(path))
            throw new WeightsFileException(path, "no such file");
        if (format == WeightsFormat.SafeTensors || (format is null && WeightsFormats.IsSafeTensorsName(path)))
            return SafeTensorsFile.Open(path);
        if (format is not null || WeightsFormats.IsPyTorchName(path))
            return PyTorchFile.Open(path);
        throw new WeightsFileException(path, $"not a weights file by its name: weights files end in {WeightsFormats.Extensions}");
    }

    public virtual void Dispose() => GC.SuppressFinalize(this);
}
