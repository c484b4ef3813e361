using System.IO.Compression;
using System.Text;

namespace GeoAI.Models;

/// <summary>
/// torch.save's format since PyTorch 1.6: a zip archive whose records sit in one folder, <c>ARCHIVE/data.pkl</c> (the
/// state dict, pickled, with persistent ids <c>('storage', torch.FloatStorage, KEY, location, elements)</c>),
/// <c>ARCHIVE/byteorder</c> and one record <c>ARCHIVE/data/KEY</c> of raw bytes per storage. Every storage a tensor
/// names must be a record of exactly the declared size.
/// </summary>
internal sealed class PyTorchZipFile : PyTorchFile
{
    private const long MaxPickleBytes = 256L << 20;

    private readonly ZipArchive archive;
    private readonly Dictionary<string, ZipArchiveEntry> storages;

    private PyTorchZipFile(string path, ZipArchive archive, Dictionary<string, ZipArchiveEntry> storages,
        IReadOnlyList<KeyValuePair<string, PickledTensor>> tensors)
        : base(path, WeightsFormat.PyTorchZip, tensors)
    {
        this.archive = archive;
        this.storages = storages;
    }

    public static new PyTorchZipFile Open(string path)
    {
        var archive = OpenArchive(path);
        try
        {
            var pickle = archive.Entries.Where(entry => entry.FullName.EndsWith("/data.pkl", StringComparison.Ordinal)
                                                        && entry.FullName.Count(c => c == '/') == 1).ToList();
            if (pickle.Count != 1)
                throw new WeightsFileException(path, $"a zip archive with {pickle.Count} ARCHIVE/data.pkl records, not one: not a torch.save file");
            var prefix = pickle[0].FullName[..^"data.pkl".Length];
            CheckByteOrder(path, archive.GetEntry(prefix + "byteorder"));
            var storages = archive.Entries.Where(entry => entry.FullName.StartsWith(prefix + "data/", StringComparison.Ordinal))
                .ToDictionary(entry => entry.FullName[(prefix.Length + "data/".Length)..]);
            var record = pickle[0].FullName;
            var root = Unpickle(path, pickle[0], new StateDictObjects((id, dtype) => Storage(path, storages, id, dtype)));
            return new PyTorchZipFile(path, archive, storages, StateDict(path, record, root));
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }

    protected override Stream OpenStorage(StorageRef storage) => storages[storage.Key].Open();

    public override void Dispose()
    {
        archive.Dispose();
        base.Dispose();
    }

    private static ZipArchive OpenArchive(string path)
    {
        var stream = File.OpenRead(path);
        try
        {
            return new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException e)
        {
            stream.Dispose();
            throw new WeightsFileException(path, $"not a complete zip archive (truncated or damaged?): {e.Message}", e);
        }
    }

    private static void CheckByteOrder(string path, ZipArchiveEntry? entry)
    {
        if (entry is null)
            return; // files from before PyTorch 1.10 have none, and are little-endian
        using var reader = new StreamReader(entry.Open(), Encoding.ASCII);
        var order = reader.ReadToEnd().Trim();
        if (order != "little")
            throw new WeightsFileException(path, $"its byteorder record says '{order}'; only little-endian files are read here");
    }

    private static object? Unpickle(string path, ZipArchiveEntry entry, StateDictObjects objects)
    {
        if (entry.Length > MaxPickleBytes)
            throw new WeightsFileException(path, $"{entry.FullName} is {entry.Length} bytes; a state dict's pickle is far smaller");
        using var pickle = new MemoryStream((int)entry.Length);
        try
        {
            using (var source = entry.Open())
                source.CopyTo(pickle);
            pickle.Position = 0;
            return new PickleMachine(pickle, objects).Load();
        }
        catch (InvalidDataException e)
        {
            throw new WeightsFileException(path, $"{entry.FullName}: {e.Message}", e);
        }
    }

    private static StorageRef Storage(string path, Dictionary<string, ZipArchiveEntry> storages, object?[] id, WeightsDType dtype)
    {
        if (id is not [_, _, string key, string, long elements] || elements < 0)
            throw new InvalidDataException("a storage id that is not ('storage', type, key, location, elements)");
        if (!storages.TryGetValue(key, out var entry))
            throw new WeightsFileException(path, $"storage '{key}' has no data/{key} record in the archive");
        var declared = StoredTensor.CheckedByteLength([elements], dtype);
        if (declared != entry.Length)
            throw new WeightsFileException(path,
                $"storage '{key}' has {entry.Length} bytes in the archive, but the pickle declares {elements} {dtype} elements " +
                $"({declared} bytes): a storage too short or too long for what it claims to hold");
        return new StorageRef(key, dtype, 0, elements);
    }
}
