using System.Buffers.Binary;
using System.Numerics;

namespace GeoAI.Models;

/// <summary>
/// torch.save's format from PyTorch 0.1.10 to 1.5 (and later with <c>_use_new_zipfile_serialization=False</c>), which
/// torchvision's older downloads such as vgg11_bn-6002323d.pth use. One stream of five pickles (the magic number, the
/// protocol version 1001, a sys_info dict, the state dict with persistent ids <c>('storage', type, KEY, location,
/// elements, view)</c>, the list of storage keys), then each storage in that order as a little-endian int64 element
/// count and its raw bytes. Every storage is checked to be declared, present and whole before anything is read.
/// </summary>
internal sealed class PyTorchLegacyFile : PyTorchFile
{
    private const long ProtocolVersion = 1001;
    private static readonly BigInteger MagicNumber = BigInteger.Parse("119547037146038801333356");

    private readonly FileStream stream;
    private readonly Dictionary<string, long> dataStarts;

    private PyTorchLegacyFile(string path, FileStream stream, Dictionary<string, long> dataStarts,
        IReadOnlyList<KeyValuePair<string, PickledTensor>> tensors)
        : base(path, WeightsFormat.PyTorchLegacy, tensors)
    {
        this.stream = stream;
        this.dataStarts = dataStarts;
    }

    public static new PyTorchLegacyFile Open(string path)
    {
        var stream = File.OpenRead(path);
        try
        {
            var roots = new Dictionary<string, (WeightsDType DType, long Elements)>();
            var headers = new PickleMachine(stream, new StateDictObjects(null));
            var state = new PickleMachine(stream, new StateDictObjects((id, dtype) => Storage(path, roots, id, dtype)));
            if (Read(path, headers, "the magic number") is not BigInteger magic || magic != MagicNumber)
                throw new WeightsFileException(path, "a pickle, but not torch.save's: its first value is not torch's magic number");
            if (Read(path, headers, "the protocol version") is not ProtocolVersion)
                throw new WeightsFileException(path, "a torch.save file of an unknown legacy protocol (not 1001)");
            if (Read(path, headers, "sys_info") is PickleDict info
                && info.Items.Any(item => item is { Key: "little_endian", Value: false }))
                throw new WeightsFileException(path, "written on a big-endian machine; only little-endian files are read here");
            var root = Read(path, state, "the state dict");
            var tensors = StateDict(path, "the state dict", root);
            var keys = Read(path, headers, "the storage list") as List<object?>
                       ?? throw new WeightsFileException(path, "the storage list after the state dict is not a list");
            var dataStarts = LocateStorages(path, stream, keys, roots);
            return new PyTorchLegacyFile(path, stream, dataStarts, tensors);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    protected override Stream OpenStorage(StorageRef storage)
    {
        stream.Position = dataStarts[storage.Key] + storage.ElementOffset * storage.DType.Size;
        return new ExactLengthStream(stream, storage.ElementCount * storage.DType.Size, FilePath, storage.Key, ownsInner: false);
    }

    public override void Dispose()
    {
        stream.Dispose();
        base.Dispose();
    }

    private static object? Read(string path, PickleMachine machine, string what)
    {
        try
        {
            return machine.Load();
        }
        catch (InvalidDataException e)
        {
            throw new WeightsFileException(path, $"{what}: {e.Message}", e);
        }
    }

    /// <summary>A persistent id: a root storage, or (in files from before PyTorch 0.4) a view of one.</summary>
    private static StorageRef Storage(string path, Dictionary<string, (WeightsDType DType, long Elements)> roots, object?[] id,
        WeightsDType dtype)
    {
        if (id is not [_, _, string key, _, long elements, var view] || elements < 0)
            throw new InvalidDataException("a storage id that is not ('storage', type, key, location, elements, view)");
        if (roots.TryGetValue(key, out var known) && known != (dtype, elements))
            throw new WeightsFileException(path, $"storage '{key}' is declared twice, as {known.Elements} {known.DType} and {elements} {dtype} elements");
        roots[key] = (dtype, elements);
        return view switch
        {
            null => new StorageRef(key, dtype, 0, elements),
            object?[] { Length: 3 } parts when parts[1] is long offset && parts[2] is long size && offset >= 0 && size >= 0
                                                && offset + size <= elements => new StorageRef(key, dtype, offset, size),
            _ => throw new WeightsFileException(path, $"storage '{key}' has a view that is not (key, offset, size) inside it"),
        };
    }

    /// <summary>Where each storage's bytes start, after checking that every one the state dict uses is there and whole.</summary>
    private static Dictionary<string, long> LocateStorages(string path, FileStream stream, List<object?> keys,
        Dictionary<string, (WeightsDType DType, long Elements)> roots)
    {
        var starts = new Dictionary<string, long>();
        Span<byte> count = stackalloc byte[8];
        foreach (var item in keys)
        {
            if (item is not string key || !roots.TryGetValue(key, out var root) || starts.ContainsKey(key))
                throw new WeightsFileException(path, $"the storage list names {PickleMachine.Describe(item)}, which the state dict does not use once");
            if (stream.Length - stream.Position < 8)
                throw new WeightsFileException(path, $"the file ends before storage '{key}' (truncated?)");
            stream.ReadExactly(count);
            var elements = BinaryPrimitives.ReadInt64LittleEndian(count);
            if (elements != root.Elements)
                throw new WeightsFileException(path,
                    $"storage '{key}' holds {elements} elements in the file, but the pickle declares {root.Elements} {root.DType} " +
                    "elements: a storage too short or too long for what it claims to hold");
            var bytes = elements * root.DType.Size;
            if (stream.Length - stream.Position < bytes)
                throw new WeightsFileException(path,
                    $"the file ends {bytes - (stream.Length - stream.Position)} bytes before the end of storage '{key}' (truncated?)");
            starts[key] = stream.Position;
            stream.Seek(bytes, SeekOrigin.Current);
        }
        var unlisted = roots.Keys.Where(key => !starts.ContainsKey(key)).ToList();
        if (unlisted.Count > 0)
            throw new WeightsFileException(path, $"storages {string.Join(", ", unlisted.Select(key => $"'{key}'"))} are used but not stored");
        return starts;
    }
}
