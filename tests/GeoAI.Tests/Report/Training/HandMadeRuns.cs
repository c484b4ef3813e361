using GeoAI.Report;
using GeoAI.Report.Training;

namespace GeoAI.Tests.Report.Training;

/// <summary>Training runs written by hand, for the tests that need no libtorch: JSON, time to accuracy, the report.</summary>
internal static class HandMadeRuns
{
    public static readonly string[] Classes = ["A", "B", "C"];

    /// <summary>An epoch whose elapsed time is 10 s per epoch, validation accuracy as given.</summary>
    public static TrainRunEpoch Epoch(int epoch, double valAccuracy, double elapsed = double.NaN) =>
        new(epoch, 1.0 / epoch, valAccuracy - 0.01, 1.1 / epoch, valAccuracy, 9, 1,
            double.IsNaN(elapsed) ? 10.0 * epoch : elapsed, 2250);

    /// <summary>
    /// A three-class run of a CNN with the given validation accuracies; the confusion matrix holds 100 images
    /// (A: 40, B: 35, C: 25) and nothing is ever predicted as C, so C's precision is null.
    /// </summary>
    public static TrainRun Run(string device = "cpu", double totalSeconds = 30, params double[] valAccuracies)
    {
        var accuracies = valAccuracies.Length == 0 ? [0.5, 0.8, 0.85] : valAccuracies;
        var epochs = accuracies.Select((a, i) => Epoch(i + 1, a)).ToList();
        return new TrainRun
        {
            CommandLine = "./geoai train --model cnn --data synthetic:400 --out x",
            StartedUtc = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            Model = new TrainRunModel("cnn", "CNN (chapter)", "Full", 338_486, 338_486, 7_155_600),
            Recipe = new TrainRunRecipe("chapter", "the chapter's recipe", epochs.Count, 40, "SGD", 0.01, 0.9, 0, "Constant", "none",
                "cross-entropy, mean over the batch", []),
            Data = new TrainRunData("synthetic:400", "synthetic EuroSAT stand-in", true, 400, Classes, 300, 100, 300, 100, null, null,
                "x/255·2−1"),
            Loader = new TrainRunLoader("Host", 0, "host, in the caller"),
            Device = device,
            Seed = 42,
            Weights = "weights: PyTorch's default initialisation from seed 42",
            Runtime = new RuntimeRecord("libtorch 2.10.0 (cpu build)", "cpu", "2.10.0", "NuGet", "cpu", false, "n/a", "n/a",
                "AMD EPYC", "n/a", "AMD EPYC", 2, 2, "testbox", "Linux", "10.0.0"),
            TotalSeconds = totalSeconds,
            Epochs = epochs,
            TimeToAccuracy = TimeToAccuracyCalculator.Compute(epochs),
            Final = new TrainRunEvaluation(0.6, 100, Classes,
                [[30, 10, 0], [5, 30, 0], [10, 15, 0]],
                [
                    new TrainRunClassMetrics("A", 40, 30.0 / 45, 0.75),
                    new TrainRunClassMetrics("B", 35, 30.0 / 55, 30.0 / 35),
                    new TrainRunClassMetrics("C", 25, null, 0),
                ]),
            Notes = ["**Synthetic data**: generated images."],
        };
    }
}
