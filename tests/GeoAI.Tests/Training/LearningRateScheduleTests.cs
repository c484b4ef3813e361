using GeoAI.Tests.Models;
using GeoAI.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GeoAI.Tests.Training;

/// <summary>
/// The learning rate each schedule gives step by step, against PyTorch's OneCycleLR formula worked out by hand. Creating
/// the one-layer model draws from libtorch's global generator, so these run with the other tests that seed it.
/// </summary>
[Collection(GlobalGeneratorCollection.Name)]
public class LearningRateScheduleTests
{
    private static List<double> RatesOverSteps(TrainingRecipe recipe, int totalSteps)
    {
        using var scope = NewDisposeScope();
        using var model = nn.Linear(2, 2);
        using var step = new TrainingStep(model, recipe.Sgd, LearningRateSchedules.For(recipe, totalSteps));
        var rates = new List<double> { step.LearningRate };
        for (var i = 1; i < totalSteps; i++)
        {
            step.Run(ones(1, 2), zeros(1, ScalarType.Int64));
            rates.Add(step.LearningRate);
        }
        return rates;
    }

    [Fact]
    public void TheChaptersConstantRateStaysAtTheSgdSetting()
    {
        Assert.Null(LearningRateSchedules.For(TrainingRecipe.Chapter, 10));
        Assert.All(RatesOverSteps(TrainingRecipe.Chapter, 10), rate => Assert.Equal(0.01, rate, 15));
    }

    [Fact]
    public void OneCycleRisesFromPeakOver25ToThePeakAt30PercentThenFallsToPeakOver250000()
    {
        // 20 steps, peak 0.05: start 0.05/25 = 0.002, end 0.002/10⁴ = 2e-7. Cosine up over steps 0..5 (the warm-up ends at
        // step 0.3·20 − 1 = 5), cosine down over steps 5..19: lr = end + (start − end)·(1 + cos(π·t))/2 for t from 0 to 1.
        var rates = RatesOverSteps(TrainingRecipe.Improved, 20);

        Assert.Equal(20, rates.Count);
        Assert.Equal(0.002, rates[0], 12);
        Assert.Equal(0.05 + (0.002 - 0.05) * (1 + Math.Cos(Math.PI * 2 / 5)) / 2, rates[2], 12); // 0.0167082...
        Assert.Equal(0.05, rates[5], 12);
        Assert.Equal((0.05 + 2e-7) / 2, rates[12], 12); // halfway down: 7 of 14 steps
        Assert.Equal(2e-7, rates[19], 12);
        Assert.All(rates.Take(6).Zip(rates.Skip(1).Take(5)), pair => Assert.True(pair.First < pair.Second));
        Assert.All(rates.Skip(5).Zip(rates.Skip(6)), pair => Assert.True(pair.First > pair.Second));
    }
}
