using GeoAI.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace GeoAI.Models;

/// <summary>
/// Copies a <see cref="WeightsFile"/>'s tensors into a module's parameters and buffers in place (identity, device and
/// requires_grad are kept: load on the CPU, then move the module, or load into a module already on a GPU). The same
/// checks for every format, all made before anything is copied and listed together in one
/// <see cref="WeightsFileException"/>: keys missing from the file, keys the model does not have, shapes that differ,
/// floating values for integer tensors or the reverse. The one difference allowed is a classifier head for another
/// number of classes (<see cref="ClassifierHead"/>): it is left out and the model keeps its fresh head. And, as
/// PyTorch's BatchNorm loads them, files saved before PyTorch 0.4.1 (torchvision's 2017 downloads) lack the batch
/// norms' <c>num_batches_tracked</c> counters: those keep the model's own value.
/// </summary>
internal static class StateDictLoader
{
    private const int CopyBufferBytes = 1 << 20;

    public static WeightsLoadReport Load(nn.Module module, WeightsFile file)
    {
        TorchBackend.EnsureLoaded();
        var targets = module.state_dict();
        var stored = file.Tensors.ToDictionary(tensor => tensor.Name);
        var head = ClassifierHead.Of(module);
        var freshHead = head?.OtherClassesIn(stored) is { } fileClasses ? new FreshHead(head.Layer, fileClasses, head.Classes) : null;
        var skipped = freshHead is null ? [] : new HashSet<string> { head!.Weight, head.Bias };
        var absentCounters = BatchNormCounters(module).Where(name => !stored.ContainsKey(name)).ToHashSet();
        CheckMatches(file, stored, targets, skipped, absentCounters);

        var converted = 0;
        using var noGrad = no_grad();
        foreach (var tensor in file.Tensors.Where(tensor => !skipped.Contains(tensor.Name)))
        {
            var target = targets[tensor.Name];
            if (target.dtype != tensor.DType.ScalarType)
                converted++;
            if (target.numel() == 0)
                continue;
            using var data = file.OpenRead(tensor);
            if (target.device_type == DeviceType.CPU && target.dtype == tensor.DType.ScalarType && target.is_contiguous())
            {
                target.ReadBytesFromStream(data, CopyBufferBytes);
                continue;
            }
            using var staging = empty([.. tensor.Shape], tensor.DType.ScalarType);
            staging.ReadBytesFromStream(data, CopyBufferBytes);
            target.copy_(staging);
        }
        return new WeightsLoadReport(Path.GetFullPath(file.FilePath), file.Format, file.Tensors.Count - skipped.Count,
            file.Tensors.Count, file.ByteLength,
            file.Tensors.GroupBy(tensor => tensor.DType.Name).ToDictionary(group => group.Key, group => group.Count()),
            converted, absentCounters.Count, file.Metadata, freshHead);
    }

    /// <summary>The <c>num_batches_tracked</c> buffers of the module's batch norms, by state-dict name.</summary>
    private static IEnumerable<string> BatchNormCounters(nn.Module module) =>
        module.named_modules().Prepend((name: "", module))
            .Where(named => named.module is TorchSharp.Modules.BatchNorm)
            .Select(named => named.name.Length == 0 ? "num_batches_tracked" : $"{named.name}.num_batches_tracked");

    private static void CheckMatches(WeightsFile file, Dictionary<string, StoredTensor> stored, Dictionary<string, Tensor> targets,
        HashSet<string> skipped, HashSet<string> absentCounters)
    {
        var missing = targets.Keys.Where(name => !stored.ContainsKey(name) && !absentCounters.Contains(name)).ToList();
        var unexpected = file.Tensors.Select(tensor => tensor.Name).Where(name => !targets.ContainsKey(name)).ToList();
        var mismatched = new List<string>();
        foreach (var (name, target) in targets)
        {
            if (!stored.TryGetValue(name, out var tensor) || skipped.Contains(name))
                continue;
            if (!target.shape.SequenceEqual(tensor.Shape))
                mismatched.Add($"{name} is {tensor.ShapeText} in the file, [{string.Join(", ", target.shape)}] in the model");
            else if (!tensor.DType.CanLoadInto(target.dtype))
                mismatched.Add($"{name} is {tensor.DType} in the file, {target.dtype} in the model");
        }
        if (missing.Count + unexpected.Count + mismatched.Count == 0)
            return;

        var problems = new List<string> { $"does not match the model's state dict ({targets.Count} tensors; the file has {file.Tensors.Count}):" };
        if (missing.Count > 0)
            problems.Add($"  missing from the file ({missing.Count}): {string.Join(", ", missing)}");
        if (unexpected.Count > 0)
            problems.Add($"  unexpected in the file ({unexpected.Count}): {string.Join(", ", unexpected)}");
        if (mismatched.Count > 0)
            problems.Add($"  shape or dtype mismatches ({mismatched.Count}): {string.Join("; ", mismatched)}");
        throw new WeightsFileException(file.FilePath, string.Join('\n', problems));
    }
}
