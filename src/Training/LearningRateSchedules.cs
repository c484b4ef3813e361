using TorchSharp;
using static TorchSharp.torch;

namespace GeoAI.Training;

/// <summary>The libtorch scheduler each <see cref="LearningRateSchedule"/> stands for.</summary>
public static class LearningRateSchedules
{
    /// <summary>
    /// The scheduler of <paramref name="recipe"/>'s schedule over <paramref name="totalSteps"/> optimizer steps, to hand to
    /// <see cref="TrainingStep"/>; null for <see cref="LearningRateSchedule.Constant"/>.
    /// </summary>
    public static Func<optim.Optimizer, optim.lr_scheduler.LRScheduler>? For(TrainingRecipe recipe, int totalSteps) =>
        recipe.Schedule switch
        {
            LearningRateSchedule.Constant => null,
            // Momentum is not cycled: the recipe's momentum holds throughout, as its description says.
            LearningRateSchedule.OneCycle => optimizer => optim.lr_scheduler.OneCycleLR(optimizer, recipe.Sgd.LearningRate,
                total_steps: totalSteps, cycle_momentum: false),
            _ => throw new ArgumentOutOfRangeException(nameof(recipe), recipe.Schedule, "unknown learning-rate schedule"),
        };
}
