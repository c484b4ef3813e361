using GeoAI.Report;
using GeoAI.Report.Training;
using GeoAI.Tests.Data;

namespace GeoAI.Tests.Report.Training;

public sealed class TrainRunJsonTests : IDisposable
{
    private readonly TempDirectory temp = new();

    [Fact]
    public void ARunSurvivesWritingAndReadingUnchanged()
    {
        var run = HandMadeRuns.Run();
        var path = temp.Combine("train.json");

        TrainRunJson.Write(run, path);
        var read = TrainRunJson.Read(path);

        Assert.Equal(File.ReadAllText(path), TrainRunJson.Serialize(read));
        Assert.Equal(run.Epochs, read.Epochs);
        Assert.Equal(run.TimeToAccuracy, read.TimeToAccuracy);
        Assert.Equal([30L, 10, 0], read.Final.Confusion[0]);
        Assert.Null(read.Final.PerClass[2].Precision);
        Assert.Equal(0.85, read.FinalValidationAccuracy);
    }

    [Fact]
    public void TheFileIsCamelCaseWithItsSchemaAndNullsForNeverReached()
    {
        var path = temp.Combine("train.json");
        TrainRunJson.Write(HandMadeRuns.Run(), path);
        var text = File.ReadAllText(path);

        Assert.Contains("\"schema\": \"geoai-train/1\"", text);
        Assert.Contains("\"valAccuracy\": 0.85", text);
        Assert.Contains("\"threshold\": 0.95,\n      \"epoch\": null,\n      \"seconds\": null", text.Replace("\r\n", "\n"));
        Assert.True(TrainRunJson.LooksLikeTrainRun(path));
    }

    [Theory]
    [InlineData("{ \"schema\": \"geoai-train/9\" }", "has schema 'geoai-train/9', this version reads geoai-train/1")]
    [InlineData("{ \"schema\": \"geoai-train/1\" }", "not a train.json of schema geoai-train/1")]
    [InlineData("[1, 2", "not a train.json of schema geoai-train/1")]
    [InlineData("null", "is empty (JSON null), not a train.json")]
    public void AFileThatIsNotATrainingRunIsRefusedNamingIt(string content, string message)
    {
        var path = temp.Combine("train.json");
        File.WriteAllText(path, content);

        var error = Assert.Throws<ReportException>(() => TrainRunJson.Read(path));

        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains(message, error.Message);
    }

    public void Dispose() => temp.Dispose();
}
