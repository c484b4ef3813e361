using GeoAI.Report;
using GeoAI.Report.Profiling;
using GeoAI.Tests.Data;
using GeoAI.Tests.Training.Profiling;

namespace GeoAI.Tests.Report.Profiling;

/// <summary>The profile folder is written whole or not at all, and never over someone's other files.</summary>
public class ProfileWriterTests
{
    [Fact]
    public void WritesEveryFileAndTheMarkdownNamesTheBottleneckAndShowsTheChart()
    {
        using var temp = new TempDirectory();

        var files = ProfileWriter.Write(ProfileFiles.Record(HandMadeRuns.FourSteps()), temp.Combine("profile"));

        Assert.Equal(["phases.png", "phases.svg", ProfileWriter.JsonFile, ProfileWriter.MarkdownFile, ProfileWriter.TraceFile], files);
        var markdown = File.ReadAllText(temp.Combine("profile", ProfileWriter.MarkdownFile));
        // Compute is (10 + 20) / 39 of the mean step.
        Assert.Contains("**Compute (forward + backward) dominates: it takes 77 % of each step.**", markdown);
        Assert.Contains("| data wait | 4.00 | 2.50 | 7.90 | 10.3 % |", markdown);
        Assert.Contains("| **step** | **39.00** |", markdown);
        Assert.Contains("- Machine: load average (1 min) 1.50 before and 2.25 after the recorded steps, on 2 logical cores", markdown);
        Assert.Contains("![Mean time per step by phase](phases.png)", markdown);
        Assert.Contains("<svg", File.ReadAllText(temp.Combine("profile", "phases.svg")));
        Assert.Equal([temp.Combine("profile")], Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void AFileAsTargetIsRefusedAndLeftAlone()
    {
        using var temp = new TempDirectory();
        var file = temp.Combine("not-a-folder");
        File.WriteAllText(file, "keep me");

        var error = Assert.Throws<OutputException>(() => ProfileWriter.Write(ProfileFiles.Record(HandMadeRuns.FourSteps()), file));

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

        var error = Assert.Throws<OutputException>(() => ProfileWriter.Write(ProfileFiles.Record(HandMadeRuns.FourSteps()), folder));

        Assert.Contains("holds files that are not a profile's (chapter1.tex)", error.Message);
        Assert.Equal(["chapter1.tex"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
        Assert.Equal([folder], Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void APreviousProfileIsReplacedWhole()
    {
        using var temp = new TempDirectory();
        var target = temp.Combine("profile");
        ProfileWriter.Write(ProfileFiles.Record(HandMadeRuns.FourSteps()), target);
        File.WriteAllText(Path.Combine(target, ProfileWriter.MarkdownFile), "an old profile");

        ProfileWriter.Write(ProfileFiles.Record(HandMadeRuns.FourSteps()), target);

        Assert.StartsWith("# Profile: CNN (chapter)", File.ReadAllText(Path.Combine(target, ProfileWriter.MarkdownFile)));
        Assert.Equal(5, Directory.GetFiles(target).Length);
        Assert.Equal([target], Directory.GetFileSystemEntries(temp.Path));
    }
}
