namespace GeoAI.Models;

/// <summary>Every model the benchmarks, train and summary know, by command-line name.</summary>
public static class ModelRegistry
{
    public static IReadOnlyList<IModelSpec> All { get; } = [CnnSpec.Instance, Vgg11BnSpec.Instance, CnnBnSpec.Instance];

    /// <summary>The spec named <paramref name="name"/> (case-insensitive); unknown names throw, listing the valid ones.</summary>
    public static IModelSpec Get(string name) =>
        All.FirstOrDefault(spec => string.Equals(spec.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException(
            $"unknown model '{name}'; valid models: {string.Join(", ", All.Select(spec => spec.Name))}");
}
