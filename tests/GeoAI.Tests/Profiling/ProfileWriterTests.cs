using GeoAI.Tests.Data;
using GeoAI.Training.Profiling;

namespace GeoAI.Tests.Profiling;

/// <summary>The profile folder is written whole or not at all, and never over someone's other files.</summary>
public class ProfileWriterTests
{
    [Fact]
    public void WritesTheThreeFilesAndTheMarkdownNamesTheBottleneck()
    {
        using var temp = new TempDirectory();

        var folder = ProfileWriter.Write(HandMadeRuns.FourSteps(), temp.Combine("profile"));

        Assert.Equal([ProfileWriter.JsonFile, ProfileWriter.MarkdownFile, ProfileWriter.TraceFile],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var markdown = File.ReadAllText(Path.Combine(folder, ProfileWriter.MarkdownFile));
        // Compute is (10 + 20) / 39 of the mean step.
        Assert.Contains("**Compute (forward + backward) dominates: it takes 77 % of each step.**", markdown);
        Assert.Contains("| data wait | 4.00 | 2.50 | 7.90 | 10.3 % |", markdown);
        Assert.Contains("| **step** | **39.00** |", markdown);
        Assert.Contains("- Machine: load average (1 min) 1.50 before and 2.25 after the recorded steps, on 2 logical cores", markdown);
        Assert.DoesNotContain("![", markdown);
        Assert.Equal([temp.Combine("profile")], Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void TheChartCallbackDrawsIntoTheFolderAndTheMarkdownShowsIt()
    {
        using var temp = new TempDirectory();

        var folder = ProfileWriter.Write(HandMadeRuns.FourSteps(), temp.Combine("profile"), (staging, summary) =>
        {
            File.WriteAllText(Path.Combine(staging, ProfileWriter.ChartId + ".png"), summary.Phases.Count.ToString());
            return ProfileWriter.ChartId + ".png";
        });

        Assert.Equal("5", File.ReadAllText(Path.Combine(folder, "phases.png")));
        Assert.Contains("![Mean time per step by phase](phases.png)", File.ReadAllText(Path.Combine(folder, ProfileWriter.MarkdownFile)));
    }

    [Fact]
    public void AFileAsTargetIsRefusedAndLeftAlone()
    {
        using var temp = new TempDirectory();
        var file = temp.Combine("not-a-folder");
        File.WriteAllText(file, "keep me");

        var error = Assert.Throws<IOException>(() => ProfileWriter.Write(HandMadeRuns.FourSteps(), file));

        Assert.Equal($"{file}: is a file; --out must be a folder", error.Message);
        Assert.Equal("keep me", File.ReadAllText(file));
        Assert.Equal([file], Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void AFolderWithOtherFilesIsRefusedAndLeftAlone()
    {
        using var temp = new TempDirectory();
        var folder = temp.Combine("thesis");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "chapter1.tex"), "");

        var error = Assert.Throws<IOException>(() => ProfileWriter.Write(HandMadeRuns.FourSteps(), folder));

        Assert.Contains("holds files that are not a profile's (chapter1.tex)", error.Message);
        Assert.Equal(["chapter1.tex"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
        Assert.Equal([folder], Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void APreviousProfileIsReplaced()
    {
        using var temp = new TempDirectory();
        var target = temp.Combine("profile");
        ProfileWriter.Write(HandMadeRuns.FourSteps(), target, (staging, _) =>
        {
            File.WriteAllText(Path.Combine(staging, "phases.svg"), "old chart");
            return "phases.svg";
        });

        ProfileWriter.Write(HandMadeRuns.FourSteps(), target);

        Assert.False(File.Exists(Path.Combine(target, "phases.svg")));
        Assert.True(File.Exists(Path.Combine(target, ProfileWriter.TraceFile)));
        Assert.Equal([target], Directory.GetFileSystemEntries(temp.Path));
    }
}
