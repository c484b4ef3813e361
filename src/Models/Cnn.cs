using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace GeoAI.Models;

/// <summary>
/// The chapter's <c>Net</c>, layer for layer: conv 3→6 k5, ReLU, max-pool 2; conv 6→16 k5, ReLU, max-pool 2; flatten
/// 16·13·13; fc 120, ReLU; fc 84, ReLU; fc 10. 338,486 parameters with 10 classes. One <c>pool</c> module serves both
/// poolings and the ReLUs are functional, as in the chapter, so a summary sees two pooling calls and no ReLU rows.
/// Parameters keep PyTorch's default initialisation (TorchSharp's Conv2d and Linear use the same kaiming-uniform, a=√5,
/// and bias uniform ±1/√fan_in) and the state-dict names of the PyTorch module (<c>conv1.weight</c> … <c>fc3.bias</c>).
/// </summary>
public sealed class Cnn : nn.Module<Tensor, Tensor>
{
    /// <summary>Channels and side of the feature map that fc1 flattens: 64 → conv 60 → pool 30 → conv 26 → pool 13.</summary>
    public const long FlattenedFeatures = 16 * 13 * 13;

    // Field names are the submodule names, and so the state-dict keys; declaration order is the chapter's.
    private readonly Conv2d conv1;
    private readonly MaxPool2d pool;
    private readonly Conv2d conv2;
    private readonly Linear fc1;
    private readonly Linear fc2;
    private readonly Linear fc3;

    public Cnn(int numClasses = 10) : base(nameof(Cnn))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numClasses, 1);
        conv1 = nn.Conv2d(3, 6, 5);
        pool = nn.MaxPool2d(2, 2);
        conv2 = nn.Conv2d(6, 16, 5);
        fc1 = nn.Linear(FlattenedFeatures, 120);
        fc2 = nn.Linear(120, 84);
        fc3 = nn.Linear(84, numClasses);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        // call() rather than forward() so that forward hooks (the summary's) see every layer.
        var x = pool.call(F.relu(conv1.call(input)));
        x = pool.call(F.relu(conv2.call(x)));
        x = x.flatten(1);
        x = F.relu(fc1.call(x));
        x = F.relu(fc2.call(x));
        return fc3.call(x).MoveToOuterDisposeScope();
    }
}
