namespace GeoAI.Models;

/// <summary>
/// A torch.save file holding a state dict, in either of torch.save's formats: the tensors its restricted pickle
/// describes, each checked to lie inside its storage, and the storages' bytes, which the two formats keep differently.
/// </summary>
internal abstract class PyTorchFile : WeightsFile
{
    private const int MaxGatheredBytes = int.MaxValue;

    private readonly Dictionary<string, PickledTensor> layouts;

    protected PyTorchFile(string filePath, WeightsFormat format, IReadOnlyList<KeyValuePair<string, PickledTensor>> tensors)
        : base(filePath, format, [.. tensors.Select(pair => new StoredTensor(pair.Key, pair.Value.Storage.DType, pair.Value.Shape))])
    {
        layouts = tensors.ToDictionary(pair => pair.Key, pair => pair.Value);
    }

    /// <summary>Opens torch.save's zip format or its legacy format, told apart by the first bytes.</summary>
    public static PyTorchFile Open(string path)
    {
        Span<byte> start = stackalloc byte[4];
        using (var stream = File.OpenRead(path))
        {
            if (stream.ReadAtLeast(start, 4, throwOnEndOfStream: false) < 4)
                throw new WeightsFileException(path, $"{stream.Length} bytes is too short for a torch.save file");
        }
        if (start is [(byte)'P', (byte)'K', 3, 4])
            return PyTorchZipFile.Open(path);
        if (start[0] == 0x80)
            return PyTorchLegacyFile.Open(path);
        throw new WeightsFileException(path, "not a torch.save file: it starts as neither a zip archive nor a pickle " +
                                             "(a tar archive from PyTorch before 0.1.10 is not read here)");
    }

    /// <summary>The bytes of <paramref name="storage"/> from its first element on; the caller disposes the stream.</summary>
    protected abstract Stream OpenStorage(StorageRef storage);

    public override Stream OpenRead(StoredTensor tensor)
    {
        var layout = layouts[tensor.Name];
        var storage = OpenStorage(layout.Storage);
        var size = tensor.DType.Size;
        if (layout.IsContiguous)
        {
            ExactLengthStream.Skip(storage, layout.StorageOffset * size, FilePath, tensor.Name);
            return new ExactLengthStream(storage, tensor.ByteLength, FilePath, tensor.Name, ownsInner: true);
        }
        using (storage)
            return new MemoryStream(Gather(storage, layout, tensor));
    }

    /// <summary>
    /// The state dict a pickle built: an OrderedDict (or dict) of names to tensors, each inside its storage. Anything
    /// else (a training checkpoint with epochs and optimizer state, a whole pickled model) is refused with what it is.
    /// </summary>
    protected static List<KeyValuePair<string, PickledTensor>> StateDict(string path, string record, object? root)
    {
        if (root is not PickleDict dict)
            throw new WeightsFileException(path, $"{record} holds {PickleMachine.Describe(root)}, not a state dict (a dict of names to tensors)");
        var tensors = new List<KeyValuePair<string, PickledTensor>>();
        foreach (var (key, value) in dict.Items)
        {
            if (key is not string name)
                throw new WeightsFileException(path, $"{record}: the state dict has a key that is {PickleMachine.Describe(key)}, not a name");
            if (value is not PickledTensor tensor)
                throw new WeightsFileException(path, $"{record}: '{name}' is {PickleMachine.Describe(value)}, not a tensor, so this " +
                                                     "is not a state dict (a training checkpoint? save model.state_dict() itself)");
            CheckInsideStorage(path, name, tensor);
            tensors.Add(new(name, tensor));
        }
        return tensors;
    }

    private static void CheckInsideStorage(string path, string name, PickledTensor tensor)
    {
        var storage = tensor.Storage;
        var stored = new StoredTensor(name, storage.DType, tensor.Shape);
        if (StoredTensor.CheckedByteLength(tensor.Shape, storage.DType) is null)
            throw new WeightsFileException(path, $"tensor '{name}': shape {stored.ShapeText} is too large");
        if (stored.ElementCount == 0)
            return;
        long last;
        try
        {
            last = checked(tensor.StorageOffset + tensor.Shape.Zip(tensor.Stride, (size, stride) => (size - 1) * stride).Sum());
        }
        catch (OverflowException)
        {
            last = long.MaxValue;
        }
        if (last >= storage.ElementCount)
            throw new WeightsFileException(path,
                $"tensor '{name}': shape {stored.ShapeText} with strides [{string.Join(", ", tensor.Stride)}] from element " +
                $"{tensor.StorageOffset} reaches element {last} of storage '{storage.Key}', which holds only " +
                $"{storage.ElementCount} {storage.DType} elements (a storage too short for its tensor)");
    }

    /// <summary>A strided view's values in row-major order (torch.save keeps views as they are; few state dicts have one).</summary>
    private byte[] Gather(Stream storage, PickledTensor layout, StoredTensor tensor)
    {
        var size = tensor.DType.Size;
        var extent = layout.StorageOffset + layout.Shape.Zip(layout.Stride, (length, stride) => (length - 1) * stride).Sum() + 1;
        if (extent * size > MaxGatheredBytes || tensor.ByteLength > MaxGatheredBytes)
            throw new WeightsFileException(FilePath, $"tensor '{tensor.Name}' is a strided view over more than 2 GiB; save it contiguous");
        var source = new byte[extent * size];
        storage.ReadExactly(source);
        var values = new byte[tensor.ByteLength];
        var index = new long[layout.Shape.Length];
        for (long element = 0; element < tensor.ElementCount; element++)
        {
            var at = layout.StorageOffset + index.Zip(layout.Stride, (position, stride) => position * stride).Sum();
            source.AsSpan((int)(at * size), size).CopyTo(values.AsSpan((int)(element * size), size));
            for (var dimension = index.Length - 1; dimension >= 0 && ++index[dimension] == layout.Shape[dimension]; dimension--)
                index[dimension] = 0;
        }
        return values;
    }
}
