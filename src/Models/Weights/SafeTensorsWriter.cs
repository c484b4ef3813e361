using System.Buffers.Binary;
using System.Text.Json;

namespace GeoAI.Models;

/// <summary>
/// Writes the .safetensors format <see cref="SafeTensorsHeader"/> reads: the 8-byte header length, the JSON header
/// (tensors in the given order, data offsets back to back, <c>__metadata__</c> first when there is any), padded with
/// spaces to a multiple of 8 bytes as the reference writer does, then the values.
/// </summary>
internal static class SafeTensorsWriter
{
    public static void Write(Stream output, IReadOnlyList<TensorToWrite> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        var header = Header(tensors, metadata);
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
        output.Write(length);
        output.Write(header);
        foreach (var tensor in tensors)
            tensor.WriteValues(output);
    }

    private static byte[] Header(IReadOnlyList<TensorToWrite> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        using var json = new MemoryStream();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            if (metadata.Count > 0)
            {
                writer.WriteStartObject("__metadata__");
                foreach (var (key, value) in metadata)
                    writer.WriteString(key, value);
                writer.WriteEndObject();
            }
            long offset = 0;
            foreach (var (tensor, _) in tensors)
            {
                writer.WriteStartObject(tensor.Name);
                writer.WriteString("dtype", tensor.DType.Name);
                writer.WriteStartArray("shape");
                foreach (var dimension in tensor.Shape)
                    writer.WriteNumberValue(dimension);
                writer.WriteEndArray();
                writer.WriteStartArray("data_offsets");
                writer.WriteNumberValue(offset);
                writer.WriteNumberValue(offset + tensor.ByteLength);
                writer.WriteEndArray();
                writer.WriteEndObject();
                offset += tensor.ByteLength;
            }
            writer.WriteEndObject();
        }
        // Spaces pad the header to a multiple of 8 bytes, as the reference writer does, so the data starts aligned.
        var padded = (json.Length + 7) / 8 * 8;
        while (json.Length < padded)
            json.WriteByte((byte)' ');
        return json.ToArray();
    }
}
