namespace GeoAI.Models;

/// <summary>
/// What a state-dict pickle may ask for, and what each request builds. Only the globals torch.save's state dicts
/// name are let through, as in torch.load(weights_only=True): <c>collections.OrderedDict</c>, the tensor rebuild
/// functions of <c>torch._utils</c> and the typed storage classes <c>torch.*Storage</c>. None of them is run: each
/// becomes a plain description (<see cref="PickleDict"/>, <see cref="PickledTensor"/>) checked for shape. Any other
/// global is refused by name before anything could use it.
/// </summary>
/// <param name="persistentLoad">
/// Resolves a persistent id <c>('storage', storage class, key, location, elements[, view])</c> to the file's storage;
/// null where the pickle may not refer to storages.
/// </param>
internal sealed class StateDictObjects(Func<object?[], WeightsDType, StorageRef>? persistentLoad)
{
    private static readonly Dictionary<string, PickleGlobal> Allowed = CreateAllowed();

    private static readonly string AllowedText =
        "collections.OrderedDict, torch._utils._rebuild_tensor, torch._utils._rebuild_tensor_v2, " +
        "torch._utils._rebuild_parameter and torch's typed storages (" +
        string.Join(", ", WeightsDType.All.Select(dtype => dtype.StorageClass)) + ")";

    public PickleGlobal Global(string module, string name) =>
        Allowed.GetValueOrDefault($"{module}.{name}")
        ?? throw new InvalidDataException($"it asks for the global {module}.{name}, which a state dict never needs: refused " +
                                          $"without running anything (a state dict uses only {AllowedText})");

    public object Call(PickleGlobal callable, object?[] arguments) => callable.Kind switch
    {
        PickleGlobalKind.OrderedDict => NewOrderedDict(arguments),
        PickleGlobalKind.RebuildTensorV2 when arguments.Length is 6 or 7 => Tensor(callable, arguments),
        PickleGlobalKind.RebuildTensor when arguments.Length == 4 => Tensor(callable, arguments),
        PickleGlobalKind.RebuildParameter when arguments is [PickledTensor data, bool, _] => data,
        PickleGlobalKind.StorageClass =>
            throw new InvalidDataException($"{callable.FullName} is called; in a state dict it only names a storage's type"),
        _ => throw new InvalidDataException($"{callable.FullName} is called with {arguments.Length} arguments it does not take"),
    };

    /// <summary>BUILD sets attributes; a state dict's OrderedDict carries <c>_metadata</c> that way, which is not needed here.</summary>
    public void Build(object? instance, object? state)
    {
        if (instance is PickleDict && state is PickleDict or null)
            return;
        throw new InvalidDataException($"BUILD on {PickleMachine.Describe(instance)}: only an OrderedDict's attributes may be set");
    }

    public StorageRef PersistentLoad(object? id)
    {
        if (persistentLoad is null)
            throw new InvalidDataException("a persistent id where no storage may be referred to");
        if (id is not object?[] { Length: >= 5 } parts || parts[0] is not "storage")
            throw new InvalidDataException($"a persistent id that is {PickleMachine.Describe(id)}, not ('storage', type, key, location, size)");
        if (parts[1] is not PickleGlobal { Kind: PickleGlobalKind.StorageClass, DType: { } dtype })
            throw new InvalidDataException($"a storage whose type is {PickleMachine.Describe(parts[1])}, not a torch storage class");
        return persistentLoad(parts, dtype);
    }

    private static PickleDict NewOrderedDict(object?[] arguments)
    {
        var dict = new PickleDict();
        if (arguments.Length == 0)
            return dict;
        // Python 2 pickled an OrderedDict as OrderedDict([[key, value], ...]).
        if (arguments is not [List<object?> pairs])
            throw new InvalidDataException("collections.OrderedDict is called with arguments other than () or a list of pairs");
        foreach (var pair in pairs)
        {
            var (key, value) = pair switch
            {
                List<object?> { Count: 2 } list => (list[0], list[1]),
                object?[] { Length: 2 } tuple => (tuple[0], tuple[1]),
                _ => throw new InvalidDataException("collections.OrderedDict is given an item that is not a (key, value) pair"),
            };
            dict.Set(key as string ?? throw new InvalidDataException("collections.OrderedDict is given a key that is not a string"), value);
        }
        return dict;
    }

    /// <summary><c>_rebuild_tensor(storage, offset, size, stride)</c> and <c>_rebuild_tensor_v2(…, requires_grad, hooks[, metadata])</c>.</summary>
    private static PickledTensor Tensor(PickleGlobal callable, object?[] arguments)
    {
        if (arguments[0] is not StorageRef storage)
            throw new InvalidDataException($"{callable.FullName} is given {PickleMachine.Describe(arguments[0])} as its storage");
        if (arguments[1] is not long offset || offset < 0)
            throw new InvalidDataException($"{callable.FullName} is given {PickleMachine.Describe(arguments[1])} as its storage offset");
        var shape = Sizes(callable, arguments[2], "size");
        var stride = Sizes(callable, arguments[3], "stride");
        if (shape.Length != stride.Length)
            throw new InvalidDataException($"{callable.FullName} is given {shape.Length} sizes but {stride.Length} strides");
        return new PickledTensor(storage, offset, shape, stride);
    }

    private static long[] Sizes(PickleGlobal callable, object? value, string what) =>
        value is object?[] items && items.All(item => item is long and >= 0)
            ? [.. items.Cast<long>()]
            : throw new InvalidDataException($"{callable.FullName} is given {PickleMachine.Describe(value)} as its {what}, not a tuple of non-negative integers");

    private static Dictionary<string, PickleGlobal> CreateAllowed()
    {
        var globals = new List<PickleGlobal>
        {
            new("collections", "OrderedDict", PickleGlobalKind.OrderedDict),
            new("torch._utils", "_rebuild_tensor", PickleGlobalKind.RebuildTensor),
            new("torch._utils", "_rebuild_tensor_v2", PickleGlobalKind.RebuildTensorV2),
            new("torch._utils", "_rebuild_parameter", PickleGlobalKind.RebuildParameter),
        };
        globals.AddRange(WeightsDType.All.Select(dtype => new PickleGlobal("torch", dtype.StorageClass, PickleGlobalKind.StorageClass, dtype)));
        return globals.ToDictionary(global => global.FullName);
    }
}
