using GeoAI.Report;
using GeoAI.Tests.Data;

namespace GeoAI.Tests.Report;

/// <summary>The one publisher of output folders: whole or not at all, never over someone else's files.</summary>
public sealed class OutputFolderTests : IDisposable
{
    private readonly TempDirectory temp = new();

    private static readonly Func<string, bool> Own = OutputFolder.FilesAndCharts("charts", "a.md");

    [Theory]
    [InlineData("a.md", true)]
    [InlineData("charts", true)]
    [InlineData("charts/loss.png", true)]
    [InlineData("charts/loss.svg", true)]
    [InlineData("b.md", false)]
    [InlineData("charts/notes.txt", false)]
    [InlineData("charts/old/loss.png", false)]
    [InlineData("A.md", false)]
    public void AnOutputOwnsItsFilesAndTheChartsFoldersImages(string entry, bool own) => Assert.Equal(own, Own(entry));

    [Fact]
    public void PublishingWritesTheFolderAndListsItsFiles()
    {
        var folder = new OutputFolder(temp.Combine("new", "out"), "test output", Own);

        var files = folder.Publish(staging =>
        {
            File.WriteAllText(Path.Combine(staging, "a.md"), "new");
            Directory.CreateDirectory(Path.Combine(staging, "charts"));
            File.WriteAllText(Path.Combine(staging, "charts", "x.png"), "png");
        });

        Assert.Equal(["a.md", "charts/x.png"], files);
        Assert.Equal("new", File.ReadAllText(temp.Combine("new", "out", "a.md")));
        Assert.Equal([temp.Combine("new", "out")], Directory.GetFileSystemEntries(temp.Combine("new")));
    }

    [Fact]
    public void AFailedWriteLeavesThePreviousOutputAndNoStagingFolder()
    {
        var (target, folder) = PreviousOutput();

        Assert.Throws<InvalidOperationException>(() => folder.Publish(staging =>
        {
            File.WriteAllText(Path.Combine(staging, "a.md"), "new");
            throw new InvalidOperationException("the chart failed");
        }));

        AssertThePreviousOutputIsBackAlone(target);
    }

    [Fact]
    public void ADiskErrorIsAnOutputExceptionNamingTheFolderAndRemovesTheParentItMade()
    {
        var target = temp.Combine("new", "out");
        var folder = new OutputFolder(target, "test output", Own);

        var error = Assert.Throws<OutputException>(() => folder.Publish(_ => throw new IOException("No space left on device")));

        Assert.Equal($"{target}: could not be written: No space left on device", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void AFailedFinalRenamePutsThePreviousOutputBack()
    {
        var (target, folder) = PreviousOutput();
        // The previous output is moved aside, then the staging folder, which is gone, cannot be renamed into place.
        var vanished = folder.NewStaging();

        var error = Assert.Throws<OutputException>(() => folder.Publish(vanished));

        Assert.StartsWith($"{target}: could not be written: ", error.Message);
        Assert.IsAssignableFrom<IOException>(error.InnerException);
        AssertThePreviousOutputIsBackAlone(target);
    }

    [Fact]
    public void OtherFilesAnywhereInTheFolderAreRefusedAndLeftAlone()
    {
        var target = temp.Combine("out");
        Directory.CreateDirectory(Path.Combine(target, "charts"));
        File.WriteAllText(Path.Combine(target, "charts", "notes.txt"), "mine");
        var folder = new OutputFolder(target, "test output", Own);

        var error = Assert.Throws<OutputException>(() => folder.Publish(_ => { }));

        Assert.Equal($"{target}: holds files that are not a test output's (charts/notes.txt); give --out a new or empty folder, " +
                     "or a previous test output's folder", error.Message);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(target, "charts", "notes.txt")));
        Assert.Equal([target], Directory.GetFileSystemEntries(temp.Path));
    }

    /// <summary>A previous output at temp/out: one file, a.md, holding "old".</summary>
    private (string Target, OutputFolder Folder) PreviousOutput()
    {
        var target = temp.Combine("out");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "a.md"), "old");
        return (target, new OutputFolder(target, "test output", Own));
    }

    private void AssertThePreviousOutputIsBackAlone(string target)
    {
        Assert.Equal("old", File.ReadAllText(Path.Combine(target, "a.md")));
        Assert.Equal([target], Directory.GetFileSystemEntries(temp.Path));
    }

    public void Dispose() => temp.Dispose();
}
