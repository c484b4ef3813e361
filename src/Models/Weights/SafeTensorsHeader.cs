using System.Buffers.Binary;
using System.Text.Json;

namespace GeoAI.Models;

/// <summary>One tensor of a safetensors file and its bytes [Begin, End) in the data buffer.</summary>
public sealed record SafeTensorsEntry(StoredTensor Tensor, long Begin, long End)
{
    public string Name => Tensor.Name;
}

/// <summary>
/// The header of a .safetensors file, read and checked completely before any tensor is touched. The format: an 8-byte
/// little-endian header length N, N bytes of UTF-8 JSON <c>{name: {dtype, shape, data_offsets: [begin, end]},
/// "__metadata__": {string: string}}</c> (possibly padded with spaces), then the data buffer, whose bytes the tensors'
/// offsets (relative to the buffer's start) must cover exactly once, without gaps or overlaps. Every violation throws a
/// <see cref="WeightsFileException"/> naming the file and the problem.
/// </summary>
public sealed class SafeTensorsHeader
{
    /// <summary>The reference implementation's limit; a longer "header" means the file is not safetensors.</summary>
    public const long MaxHeaderBytes = 100_000_000;

    public string FilePath { get; }

    /// <summary>The tensors, in the order the header lists them.</summary>
    public IReadOnlyList<SafeTensorsEntry> Entries { get; }

    /// <summary>The optional <c>__metadata__</c> strings; empty when the file has none.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>File offset of the data buffer: 8 + header length.</summary>
    public long DataStart { get; }

    private SafeTensorsHeader(string filePath, IReadOnlyList<SafeTensorsEntry> entries,
        IReadOnlyDictionary<string, string> metadata, long dataStart)
    {
        FilePath = filePath;
        Entries = entries;
        Metadata = metadata;
        DataStart = dataStart;
    }

    public static SafeTensorsHeader Read(string path)
    {
        if (!File.Exists(path))
            throw new WeightsFileException(path, "no such file");
        using var stream = File.OpenRead(path);
        var fileLength = stream.Length;
        if (fileLength < 8)
            throw new WeightsFileException(path, $"{fileLength} bytes is too short for the 8-byte header length that starts a safetensors file");

        Span<byte> lengthBytes = stackalloc byte[8];
        stream.ReadExactly(lengthBytes);
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
        if (headerLength < 2)
            throw new WeightsFileException(path, $"header length {headerLength} is too small for a JSON object");
        if (headerLength > MaxHeaderBytes)
            throw new WeightsFileException(path, $"header length {headerLength} exceeds the {MaxHeaderBytes}-byte limit (not a safetensors file?)");
        if ((long)headerLength > fileLength - 8)
            throw new WeightsFileException(path, $"header length {headerLength} runs past the end of the file ({fileLength} bytes)");

        var headerBytes = new byte[headerLength];
        stream.ReadExactly(headerBytes);
        var dataStart = 8 + (long)headerLength;
        var dataLength = fileLength - dataStart;
        var (entries, metadata) = ParseJson(path, headerBytes);
        CheckOffsets(path, entries, dataLength);
        return new SafeTensorsHeader(path, entries, metadata, dataStart);
    }

    private static (List<SafeTensorsEntry>, Dictionary<string, string>) ParseJson(string path, byte[] headerBytes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(headerBytes);
        }
        catch (JsonException e)
        {
            throw new WeightsFileException(path, $"header is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new WeightsFileException(path, $"header is a JSON {document.RootElement.ValueKind}, not an object");
            var entries = new List<SafeTensorsEntry>();
            var metadata = new Dictionary<string, string>();
            var seen = new HashSet<string>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                    throw new WeightsFileException(path, $"'{property.Name}' appears twice in the header");
                if (property.Name == "__metadata__")
                    ReadMetadata(path, property.Value, metadata);
                else
                    entries.Add(ReadEntry(path, property.Name, property.Value));
            }
            return (entries, metadata);
        }
    }

    private static void ReadMetadata(string path, JsonElement value, Dictionary<string, string> metadata)
    {
        if (value.ValueKind != JsonValueKind.Object)
            throw new WeightsFileException(path, "__metadata__ is not a JSON object of strings");
        foreach (var item in value.EnumerateObject())
        {
            if (item.Value.ValueKind != JsonValueKind.String)
                throw new WeightsFileException(path, $"__metadata__ value '{item.Name}' is a JSON {item.Value.ValueKind}, not a string");
            metadata[item.Name] = item.Value.GetString()!;
        }
    }

    private static SafeTensorsEntry ReadEntry(string path, string name, JsonElement value)
    {
        WeightsFileException Bad(string problem) => new(path, $"tensor '{name}': {problem}");

        if (value.ValueKind != JsonValueKind.Object)
            throw Bad($"entry is a JSON {value.ValueKind}, not an object");
        if (!value.TryGetProperty("dtype", out var dtypeElement) || dtypeElement.ValueKind != JsonValueKind.String)
            throw Bad("no \"dtype\" string");
        var dtypeName = dtypeElement.GetString()!;
        var dtype = WeightsDType.FromName(dtypeName) ?? throw Bad($"dtype {dtypeName} is not supported (supported: {WeightsDType.Supported})");
        var shape = ReadIntegers(value, "shape") ?? throw Bad("no \"shape\" array of non-negative integers");
        var offsets = ReadIntegers(value, "data_offsets");
        if (offsets is not [var begin, var end] || end < begin)
            throw Bad("no \"data_offsets\" [begin, end] with 0 <= begin <= end");

        var tensor = new StoredTensor(name, dtype, shape);
        var expectedBytes = StoredTensor.CheckedByteLength(shape, dtype) ?? throw Bad($"shape {tensor.ShapeText} is too large");
        if (end - begin != expectedBytes)
            throw Bad($"dtype {dtype} and shape {tensor.ShapeText} need {expectedBytes} bytes, but data_offsets [{begin}, {end}] hold {end - begin}");
        return new SafeTensorsEntry(tensor, begin, end);
    }

    /// <summary>The array <paramref name="property"/> of non-negative integers, or null when it is anything else.</summary>
    private static long[]? ReadIntegers(JsonElement entry, string property)
    {
        if (!entry.TryGetProperty(property, out var array) || array.ValueKind != JsonValueKind.Array)
            return null;
        var values = new List<long>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out var number) || number < 0)
                return null;
            values.Add(number);
        }
        return [.. values];
    }

    private static void CheckOffsets(string path, List<SafeTensorsEntry> entries, long dataLength)
    {
        foreach (var entry in entries.Where(entry => entry.End > dataLength))
            throw new WeightsFileException(path,
                $"tensor '{entry.Name}': data_offsets [{entry.Begin}, {entry.End}] run past the end of the {dataLength}-byte data buffer");

        long covered = 0;
        SafeTensorsEntry? previous = null;
        foreach (var entry in entries.OrderBy(entry => entry.Begin).ThenBy(entry => entry.End))
        {
            if (entry.Begin < covered)
                throw new WeightsFileException(path,
                    $"tensors '{previous!.Name}' [{previous.Begin}, {previous.End}] and '{entry.Name}' [{entry.Begin}, {entry.End}] overlap");
            if (entry.Begin > covered)
                throw new WeightsFileException(path, $"bytes [{covered}, {entry.Begin}) of the data buffer belong to no tensor");
            covered = entry.End;
            previous = entry;
        }
        if (covered != dataLength)
            throw new WeightsFileException(path, $"bytes [{covered}, {dataLength}) of the data buffer belong to no tensor");
    }
}
