using TorchSharp;
using static TorchSharp.torch;

namespace GeoAI.Models;

/// <summary>
/// A module's state dict in PyTorch's order: module by module, depth first, each module's parameters then its
/// buffers, then its children. TorchSharp lists every parameter before every buffer instead; a file written in
/// PyTorch's order is what torch.save of the same model writes, key for key.
/// </summary>
internal static class PyTorchStateOrder
{
    public static List<KeyValuePair<string, Tensor>> StateDict(nn.Module module)
    {
        // named_modules lists siblings in registration order, so a path's positions compare depth first.
        var positions = module.named_modules().Select((named, index) => (named.name, index)).ToDictionary(pair => pair.name, pair => pair.index);
        var parameters = module.named_parameters().Select(named => named.name).ToHashSet();
        return [.. module.state_dict().OrderBy(pair => SortKey(pair.Key, positions, parameters), KeyComparer.Instance)];
    }

    /// <summary>The positions of the owning module and its ancestors, then -2 for a parameter or -1 for a buffer.</summary>
    private static int[] SortKey(string name, Dictionary<string, int> positions, HashSet<string> parameters)
    {
        var segments = name.Split('.');
        var key = new List<int>();
        for (var depth = 1; depth < segments.Length; depth++)
            key.Add(positions.GetValueOrDefault(string.Join('.', segments[..depth]), -1));
        key.Add(parameters.Contains(name) ? -2 : -1);
        return [.. key];
    }

    /// <summary>Lexicographic; OrderBy is stable, so members of one kind keep their registration order.</summary>
    private sealed class KeyComparer : IComparer<int[]>
    {
        public static KeyComparer Instance { get; } = new();

        public int Compare(int[]? x, int[]? y)
        {
            for (var i = 0; i < Math.Min(x!.Length, y!.Length); i++)
                if (x[i] != y[i])
                    return x[i].CompareTo(y[i]);
            return x.Length.CompareTo(y.Length);
        }
    }
}
