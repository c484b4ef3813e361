using System.Buffers.Binary;
using System.Text.Json;
using GeoAI.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace GeoAI.Models;

/// <summary>
/// A module's state dict (parameters and persistent buffers, under PyTorch's names) to and from a .safetensors file,
/// so that weights exported from PyTorch (tools/export_vgg11bn.py) load unchanged.
/// </summary>
public static class SafeTensors
{
    private const int CopyBufferBytes = 1 << 20;

    /// <summary>
    /// Writes every state-dict tensor of <paramref name="module"/> (F32, F16, BF16 or I64, from any device) with
    /// <paramref name="metadata"/> as <c>__metadata__</c>. The file is written beside its destination under a temporary
    /// name and renamed when complete, so a failure never leaves a partial file at <paramref name="path"/>.
    /// </summary>
    public static void Save(nn.Module module, string path, IReadOnlyDictionary<string, string>? metadata = null)
    {
        TorchBackend.EnsureLoaded();
        var tensors = module.state_dict().ToList();
        var header = HeaderBytes(tensors, metadata ?? new Dictionary<string, string>());
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBufferBytes))
            {
                Span<byte> length = stackalloc byte[8];
                BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
                stream.Write(length);
                stream.Write(header);
                foreach (var (_, tensor) in tensors)
                {
                    if (tensor.numel() == 0)
                        continue;
                    using var scope = NewDisposeScope();
                    tensor.detach().cpu().contiguous().WriteBytesToStream(stream, CopyBufferBytes);
                }
            }
            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>
    /// Copies the tensors of <paramref name="path"/> into <paramref name="module"/>'s parameters and buffers in place
    /// (identity, device and requires_grad are kept: load on the CPU, then move the module, or load into a module
    /// already on a GPU). F16 and BF16 values are widened to the model's F32; I64 loads into integer buffers such as
    /// <c>num_batches_tracked</c>. Matching is strict: the file is checked completely first, and missing keys,
    /// unexpected keys and shape or dtype mismatches are all listed in one <see cref="SafeTensorsException"/>; nothing
    /// is copied then.
    /// </summary>
    public static SafeTensorsLoadReport Load(nn.Module module, string path)
    {
        TorchBackend.EnsureLoaded();
        var header = SafeTensorsHeader.Read(path);
        var targets = module.state_dict();
        CheckMatches(path, header, targets);

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferBytes);
        using var noGrad = no_grad();
        foreach (var entry in header.Entries.OrderBy(entry => entry.Begin))
        {
            var target = targets[entry.Name];
            if (target.numel() == 0)
                continue;
            stream.Position = header.DataStart + entry.Begin;
            if (target.device_type == DeviceType.CPU && target.dtype == entry.ScalarType && target.is_contiguous())
            {
                target.ReadBytesFromStream(stream, CopyBufferBytes);
                continue;
            }
            using var staging = empty([.. entry.Shape], entry.ScalarType);
            staging.ReadBytesFromStream(stream, CopyBufferBytes);
            target.copy_(staging);
        }
        return new SafeTensorsLoadReport(Path.GetFullPath(path), header.Entries.Count, header.DataLength,
            header.Entries.GroupBy(entry => entry.DType).ToDictionary(group => group.Key, group => group.Count()),
            header.Metadata);
    }

    private static void CheckMatches(string path, SafeTensorsHeader header, Dictionary<string, Tensor> targets)
    {
        var stored = header.Entries.ToDictionary(entry => entry.Name);
        var missing = targets.Keys.Where(name => !stored.ContainsKey(name)).ToList();
        var unexpected = header.Entries.Select(entry => entry.Name).Where(name => !targets.ContainsKey(name)).ToList();
        var mismatched = new List<string>();
        foreach (var (name, target) in targets)
        {
            if (!stored.TryGetValue(name, out var entry))
                continue;
            if (!target.shape.SequenceEqual(entry.Shape))
                mismatched.Add($"{name} is [{string.Join(", ", entry.Shape)}] in the file, [{string.Join(", ", target.shape)}] in the model");
            else if (!SafeTensorsDType.CanLoadInto(entry.ScalarType, target.dtype))
                mismatched.Add($"{name} is {entry.DType} in the file, {target.dtype} in the model");
        }
        if (missing.Count + unexpected.Count + mismatched.Count == 0)
            return;

        var problems = new List<string> { $"does not match the model's state dict ({targets.Count} tensors; the file has {header.Entries.Count}):" };
        if (missing.Count > 0)
            problems.Add($"  missing from the file ({missing.Count}): {string.Join(", ", missing)}");
        if (unexpected.Count > 0)
            problems.Add($"  unexpected in the file ({unexpected.Count}): {string.Join(", ", unexpected)}");
        if (mismatched.Count > 0)
            problems.Add($"  shape or dtype mismatches ({mismatched.Count}): {string.Join("; ", mismatched)}");
        if (mismatched.Any(problem => problem.StartsWith(Vgg11Bn.HeadPrefix, StringComparison.Ordinal)))
            problems.Add("  (a head for another number of classes: tools/export_vgg11bn.py --classes N writes a file with a new head)");
        throw new SafeTensorsException(path, string.Join('\n', problems));
    }

    private static byte[] HeaderBytes(List<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string> metadata)
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
            foreach (var (name, tensor) in tensors)
            {
                if (!SafeTensorsDType.TryName(tensor.dtype, out var dtype) || !SafeTensorsDType.TryParse(dtype, out _, out var size))
                    throw new ArgumentException($"{name} is {tensor.dtype}; safetensors files here hold {SafeTensorsDType.Supported}");
                var bytes = tensor.numel() * size;
                writer.WriteStartObject(name);
                writer.WriteString("dtype", dtype);
                writer.WriteStartArray("shape");
                foreach (var dimension in tensor.shape)
                    writer.WriteNumberValue(dimension);
                writer.WriteEndArray();
                writer.WriteStartArray("data_offsets");
                writer.WriteNumberValue(offset);
                writer.WriteNumberValue(offset + bytes);
                writer.WriteEndArray();
                writer.WriteEndObject();
                offset += bytes;
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
