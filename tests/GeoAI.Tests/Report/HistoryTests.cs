using System.Text.Json.Nodes;
using GeoAI.Report;
using GeoAI.Report.History;
using GeoAI.Report.Results;

namespace GeoAI.Tests.Report;

/// <summary>
/// History over the fixture of 3 machines × 12 commits: the planted step is the only change point, at its commit, with
/// the ratio the files give; the other 11 series stay quiet whatever the seed; the folder holds what it should.
/// </summary>
public sealed class HistoryTests(WrittenFixtureHistory written) : IClassFixture<WrittenFixtureHistory>, IDisposable
{
    private readonly ScratchFolder scratch = new();

    [Fact]
    public void ThePlantedStepIsTheOnlyChangePointAndFallsOnItsCommit()
    {
        var history = written.Written.History;

        Assert.Equal(HistoryFixture.Machines.Length * HistoryFixture.Commits, history.Runs.Count);
        Assert.Equal(HistoryFixture.Machines.Length * HistoryFixture.CasesPerRun, history.Series.Count);
        Assert.All(history.Series, s => Assert.Equal(HistoryFixture.Commits, s.Points.Count));
        var change = Assert.Single(history.ChangePoints);
        Assert.Equal((HistoryFixture.StepMachine, HistoryFixture.StepCase), (change.Machine, change.Case));
        Assert.Equal((HistoryFixture.StepCommit, HistoryFixture.CommitBeforeStep), (change.Commit, change.PreviousCommit));
        Assert.Equal((6, 6), (change.RunsBefore, change.RunsAfter));
        Assert.True(change.IsSlower);
    }

    [Fact]
    public void TheRatioIsTheMedianOfTheRunsAfterOverTheMedianBefore()
    {
        // Read back run by run with the plain result reader, in date order (the folder names start with the date).
        var means = HistoryFixture.RunFolders(HistoryFixture.StepMachine)
            .Select(folder => ResultReader.Read([folder]).Results.Single(r => r.FullName == HistoryFixture.StepCase).Time.Mean)
            .ToArray();
        var expected = ChangePointTests.Median(means[6..]) / ChangePointTests.Median(means[..6]);

        var change = Assert.Single(written.Written.History.ChangePoints);

        Assert.Equal(expected, change.Ratio, 1e-9);
        // The planted 1.25, give or take the run-to-run drift the fixture adds (2 % per run).
        Assert.InRange(change.Ratio, HistoryFixture.PlantedRatio / 1.1, HistoryFixture.PlantedRatio * 1.1);
    }

    [Fact]
    public void OnlyThePlantedStepIsFoundWhateverTheSeed()
    {
        var runs = HistoryReader.Read(HistoryFixture.RunFolders());

        for (var seed = 1; seed <= 25; seed++)
        {
            var history = HistoryAnalysis.Of(runs, new ChangePointMethod(5, seed));
            var change = Assert.Single(history.ChangePoints);
            Assert.Equal((HistoryFixture.StepMachine, HistoryFixture.StepCase, HistoryFixture.StepCommit),
                (change.Machine, change.Case, change.Commit));
        }
    }

    [Fact]
    public void TheFolderHoldsMarkdownHtmlJsonAndAChartPerSeries()
    {
        var files = written.Written.Files;
        var charts = HistoryFixture.Machines.Length * HistoryFixture.CasesPerRun;

        Assert.Equal(3 + 2 * charts, files.Count);
        Assert.Contains(HistoryWriter.MarkdownFile, files);
        Assert.Contains(HistoryWriter.HtmlFile, files);
        Assert.Contains("history.json", files);
        Assert.Equal(charts, files.Count(f => f.StartsWith("charts/trend-", StringComparison.Ordinal) && f.EndsWith(".png", StringComparison.Ordinal)));
        var markdown = File.ReadAllText(Path.Combine(written.Written.Directory, HistoryWriter.MarkdownFile));
        Assert.Contains("**1 change point**", markdown);
        Assert.Contains("| `xeon-8core` | CnnTraining.Train(Device: Cpu, BatchSize: 128, Loader: Host, Workers: 0) | **e3471ebd09** | ed21dcf7ef |", markdown);
    }

    [Fact]
    public void TheJsonNamesMachineCaseCommitAndRatio()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(written.Written.Directory, "history.json")))!;
        var change = Assert.Single(json["changePoints"]!.AsArray())!;
        var expected = Assert.Single(written.Written.History.ChangePoints);

        Assert.Equal(HistoryFixture.StepMachine, change["machine"]!.GetValue<string>());
        Assert.Equal(HistoryFixture.StepCase, change["case"]!.GetValue<string>());
        Assert.Equal(HistoryFixture.StepCommit, change["commit"]!.GetValue<string>());
        Assert.Equal(expected.Ratio, change["ratio"]!.GetValue<double>(), 1e-12);
        Assert.Equal("slower", change["direction"]!.GetValue<string>());
        Assert.Equal("2026-11-30T02:20:00Z", change["startedUtc"]!.GetValue<string>());
        Assert.Equal("E-Divisive means", json["method"]!["name"]!.GetValue<string>());
        Assert.Equal(36, json["runs"]!.AsArray().Count);
        Assert.All(json["series"]!.AsArray(), s => Assert.Equal(12, s!["points"]!.AsArray().Count));
    }

    [Fact]
    public void RunsAreInCommitOrderEvenWhenGivenShuffled()
    {
        var folders = HistoryFixture.RunFolders("epyc-2core").Reverse().ToArray();

        var series = HistoryAnalysis.Of(HistoryReader.Read(folders), new ChangePointMethod(5, 1)).Series[0];

        var starts = series.Points.Select(p => p.Run.Started).ToList();
        Assert.Equal(starts.Order(), starts);
        Assert.Equal("09daf19dd60ece9967d9a84e4031893043bbb2f4", series.Points[0].Run.Commit);
    }

    [Fact]
    public void OlderFilesWithoutProvenanceStillLoadAndAreTimedByTheirTitle()
    {
        var machine = Assert.Single(ResultReader.Read([Fixtures.CpuMachine]).Machines);

        Assert.All(machine.Provenance, p =>
        {
            Assert.Null(p.Commit);
            Assert.Null(p.CommitDirty);
            Assert.True(p.StartedFromTitle);
            Assert.Equal("unknown", p.CommitLabel);
        });
        // GeoAI.Bench.Benchmarks.CnnTraining-20261123-162408
        Assert.Contains(machine.Provenance, p => p.StartedUtc == new DateTimeOffset(2026, 11, 23, 16, 24, 8, TimeSpan.Zero));
    }

    [Fact]
    public void ProvenanceIsReadFromTheGeoAiBlock()
    {
        var folder = HistoryFixture.RunFolders(HistoryFixture.StepMachine)[6];

        var provenance = Assert.Single(Assert.Single(ResultReader.Read([folder]).Machines).Provenance);

        Assert.Equal((HistoryFixture.StepCommit, (bool?)false, false), (provenance.Commit, provenance.CommitDirty, provenance.StartedFromTitle));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 2, 20, 0, TimeSpan.Zero), provenance.StartedUtc);
        Assert.Equal("e3471ebd09", provenance.CommitLabel);
    }

    [Theory]
    [InlineData("StartedUtc", "yesterday", "GeoAI.StartedUtc 'yesterday' is not an ISO 8601 time")]
    [InlineData("CommitDirty", "maybe", "GeoAI.CommitDirty 'maybe' is not true or false")]
    public void AMalformedProvenanceFieldIsBadInput(string field, string value, string message)
    {
        var run = scratch.CopyOf(HistoryFixture.RunFolders("epyc-2core")[0], "run");
        var file = Directory.GetFiles(run).Single();
        ScratchFolder.EditFile(file, root => root["HostEnvironmentInfo"]!["GeoAI"]![field] = value);

        var error = Assert.Throws<ReportException>(() => HistoryReader.Read([run]));

        Assert.Equal($"{file}: {message}" + (field == "StartedUtc" ? " (e.g. 2026-12-03T09:41:07Z)" : ""), error.Message);
    }

    [Fact]
    public void ARunWithoutAnyStartTimeIsBadInput()
    {
        var run = scratch.CopyOf(HistoryFixture.RunFolders("epyc-2core")[0], "run");
        var file = Directory.GetFiles(run).Single();
        ScratchFolder.EditFile(file, root =>
        {
            root["HostEnvironmentInfo"]!["GeoAI"]!.AsObject().Remove("StartedUtc");
            root["Title"] = "no stamp";
        });

        var error = Assert.Throws<ReportException>(() => HistoryReader.Read([run]));

        Assert.StartsWith($"{file}: has no GeoAI.StartedUtc and no time in its BenchmarkDotNet title", error.Message);
    }

    [Fact]
    public void FilesOfOneRunNamingTwoCommitsAreBadInput()
    {
        var run = scratch.CopyOf(HistoryFixture.RunFolders("epyc-2core")[0], "run");
        var second = Path.Combine(run, "GeoAI.Bench.Benchmarks.Other-report-full.json");
        File.Copy(Directory.GetFiles(run).Single(), second);
        ScratchFolder.EditFile(second, root =>
        {
            root["HostEnvironmentInfo"]!["GeoAI"]!["Commit"] = HistoryFixture.StepCommit;
            foreach (var benchmark in root["Benchmarks"]!.AsArray())
                benchmark!["FullName"] = benchmark["FullName"]!.GetValue<string>().Replace("CnnTraining", "Other");
        });

        var error = Assert.Throws<ReportException>(() => HistoryReader.Read([run]));

        Assert.StartsWith($"{run}: one run of machine 'epyc-2core' names two commits", error.Message);
        Assert.EndsWith("give each run as its own folder", error.Message);
    }

    [Fact]
    public void TheSameRunGivenTwiceIsBadInput()
    {
        var original = HistoryFixture.RunFolders("epyc-2core")[0];
        var copy = scratch.CopyOf(original, "copy");

        var error = Assert.Throws<ReportException>(() => HistoryReader.Read([original, copy]));

        Assert.StartsWith($"{original} and {copy}: hold the same run of machine 'epyc-2core' (commit 09daf19dd6, started 2026-11-24T02:00:00Z)",
            error.Message);
    }

    [Fact]
    public void AFileInTwoInputsIsBadInput()
    {
        var machine = Path.Combine(HistoryFixture.Root, "epyc-2core");
        var run = HistoryFixture.RunFolders("epyc-2core")[0];

        var error = Assert.Throws<ReportException>(() => HistoryReader.Read([machine, run]));

        Assert.EndsWith($": is in two inputs ({machine} and {run}); give each run once", error.Message);
    }

    [Fact]
    public void BadInputWritesNothingAndAForeignFolderIsRefused()
    {
        var output = scratch.Combine("history");
        Assert.Throws<ReportException>(() => HistoryWriter.Write(new HistoryOptions { Inputs = [scratch.Combine("missing")], OutputDirectory = output }));
        Assert.False(Directory.Exists(output));

        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "notes.txt"), "mine");
        var error = Assert.Throws<ReportException>(() =>
            HistoryWriter.Write(new HistoryOptions { Inputs = HistoryFixture.RunFolders("epyc-2core"), OutputDirectory = output }));

        Assert.Contains("holds files that are not a history (notes.txt)", error.Message);
        Assert.Equal(["notes.txt"], Directory.GetFiles(output).Select(Path.GetFileName));
    }

    public void Dispose() => scratch.Dispose();
}

/// <summary>One history of the whole fixture, written once for the tests that only read it.</summary>
public sealed class WrittenFixtureHistory : IDisposable
{
    private readonly ScratchFolder scratch = new();

    public WrittenFixtureHistory() => Written = HistoryWriter.Write(new HistoryOptions
    {
        Inputs = HistoryFixture.RunFolders(),
        OutputDirectory = scratch.Combine("history"),
    });

    public WrittenHistory Written { get; }

    public void Dispose() => scratch.Dispose();
}
