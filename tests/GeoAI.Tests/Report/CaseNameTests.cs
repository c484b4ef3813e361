using GeoAI.Report;
using GeoAI.Report.Results;
using GeoAI.Tests.Report.KnownAnswers;

namespace GeoAI.Tests.Report;

/// <summary>
/// How a case is named in tables (the full name from its type on) and which batch sizes a result may claim: the inputs
/// BenchmarkDotNet never writes but a hand-edited or foreign file can hold.
/// </summary>
public sealed class CaseNameTests : IDisposable
{
    private readonly ScratchFolder scratch = new();

    [Theory]
    [InlineData("GeoAI.Bench.Benchmarks.CnnTraining.Train(Device: Cpu)", "CnnTraining", "CnnTraining.Train(Device: Cpu)")]
    // The type's name also begins a namespace segment ("Benchmarks"): only "Bench." followed by a dot starts the type.
    [InlineData("GeoAI.Benchmarks.Bench.Run(Case: x)", "Bench", "Bench.Run(Case: x)")]
    [InlineData("GeoAI.Bench.Benchmarks.CnnTraining.Train", "", "GeoAI.Bench.Benchmarks.CnnTraining.Train")] // no Type in the file
    [InlineData("GeoAI.Bench.Benchmarks.CnnTraining.Train", "Inference", "GeoAI.Bench.Benchmarks.CnnTraining.Train")] // Type not in the name
    [InlineData("CnnTraining.Train", "CnnTraining", "CnnTraining.Train")] // no namespace to drop
    public void TheShortNameStartsAtTheTypeFollowedByADot(string fullName, string type, string shortName)
    {
        double[] samples = [1, 2, 3];
        var result = new BenchmarkResult
        {
            FullName = fullName, Type = type, Method = "Train", Parameters = CaseParameters.Parse(""), Samples = samples,
            Time = TimeEstimate.FromSamples(samples), Launches = [new Launch(null, samples, "file.json")], Machine = "box",
            SourceFile = "file.json",
        };

        Assert.Equal(shortName, result.ShortName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-40)]
    public void ABatchOfNoImagesIsRefusedNamingTheFileAndTheCase(int batchSize)
    {
        // Times per image are times per step over BatchSize: at 0 they would be infinite, below 0 negative.
        var file = GeneratedResults.Write(scratch.Combine("results"), "box", [("empty", [100, 101, 102, 103, 104])], batchSize);

        var error = Assert.Throws<ReportException>(() => ResultReader.Read([file]));

        Assert.Equal($"{file}: benchmark {GeneratedResults.FullName("empty", batchSize)} has BatchSize {batchSize}; a step holds " +
                     "at least one image", error.Message);
    }

    public void Dispose() => scratch.Dispose();
}
