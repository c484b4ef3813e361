using System.Buffers.Binary;
using System.Text.RegularExpressions;
using GeoAI.Report;

namespace GeoAI.Tests.Report;

/// <summary>
/// The report folder: which files, which numbers (worked out by hand from the fixtures, see Fixtures/README.md), which
/// charts are left out and why, and that bad input or a foreign folder never leaves a half-written report.
/// </summary>
public sealed partial class ReportWriterTests(FullReport fullReport) : IClassFixture<FullReport>, IDisposable
{
    private readonly ScratchFolder scratch = new();

    private WrittenReport WriteBoth() => fullReport.Written;

    [Fact]
    public void WritesMarkdownHtmlAndEachChartAsPngAndSvg()
    {
        var written = WriteBoth();

        Assert.Equal(Fixtures.ChartsOfBoth, written.Charts);
        Assert.Equal(2 + 2 * written.Charts, written.Files.Count);
        Assert.Contains("report.md", written.Files);
        Assert.Contains("report.html", written.Files);
        Assert.Contains("charts/speedup-cpu-cuda-h100-box.png", written.Files);
        Assert.Contains("charts/speedup-cpu-cuda-h100-box.svg", written.Files);
        foreach (var file in written.Files)
            Assert.True(new FileInfo(Path.Combine(written.Directory, file)).Length > 0, file);
        Assert.DoesNotContain(Directory.GetFileSystemEntries(Path.GetDirectoryName(written.Directory)!),
            p => Path.GetFileName(p).StartsWith('.'));
    }

    [Fact]
    public void ChartsArePrintSizedPngsAndSvgsWithRealText()
    {
        var written = WriteBoth();
        var png = File.ReadAllBytes(Path.Combine(written.Directory, "charts", "speedup-cpu-cuda-h100-box.png"));
        var svg = File.ReadAllText(Path.Combine(written.Directory, "charts", "speedup-cpu-cuda-h100-box.svg"));

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(1920, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4))); // 960 px drawn at 2×
        Assert.StartsWith("<?xml", svg);
        Assert.Contains("font-family=\"DejaVu Sans\"", svg);
        Assert.Contains("CPU → CUDA speedup on h100-box", svg);
        Assert.Contains("12.5×", svg);
    }

    [Fact]
    public void TablesHoldTheNumbersOfTheFixtures()
    {
        var markdown = File.ReadAllText(Path.Combine(WriteBoth().Directory, "report.md"));

        // epyc-2core, CNN training, CPU, batch 40, host loader: mean 16,164,366 ns per step / 40 = 404 µs per image;
        // 1e9 / 404,109 = 2,475 images/s; ± is BenchmarkDotNet's 99.9 % margin (1,569,772 ns / 40 = 39.2 µs); 10
        // iterations of one launch; it is its own baseline.
        Assert.Contains("| CPU · batch 40 · host, 0 workers | 404 | 39.2 | 2,475 | 1.00× (baseline) | – | 1 × 10 |", markdown);
        // Same, 2 workers: mean 20,793,999 ns / 40 = 520 µs; 1e9 / 519,850 = 1,924 images/s; 404.1 / 519.85 = 0.78× (slower:
        // two workers and two torch threads share two cores, which the row says); margin 1,937,545 / 40 = 48.4 µs; 9
        // iterations (1 outlier). The interval (404.1 − 39.2) / (519.85 + 48.4) … (404.1 + 39.2) / (519.85 − 48.4) =
        // 0.64 … 0.94 excludes 1×, so no n.d.
        Assert.Contains("| CPU · batch 40 · host, 2 workers (oversubscribed: 2 torch threads + 2 workers on 2 cores) | 520 | 48.4 | 1,924 | " +
                        "0.78× | – | 1 × 9 |", markdown);
        // h100-box (constructed, see Fixtures/README.md), CNN training at batch 128: fastest CPU data path host with 4
        // workers, 0.25 × 460,332.9 = 115,083 ns per image; fastest CUDA data path device-resident, 0.021 × 439,970.3
        // (epyc-2core's fixed batch) = 9,239.4 ns: 12.46×.
        Assert.Contains("| CNN training | 128 | host, 4 workers | 115 | device-resident | 9.24 | 12.5× |", markdown);
        // That CUDA case against CUDA host with 0 workers (0.1 × 479,686.7 = 47,968.7 ns): 5.19×; no GPU memory recorded.
        Assert.Contains("| CUDA · batch 128 · device-resident | 9.24 | 1.38 | 108,232 | 5.19× | – | 1 × 10 |", markdown);
        // Under the fixed-batch row: PyTorch's CUDA row for a batch made once is its real CPU row × 0.02, as the TorchSharp
        // case it matches is, so their ratio is epyc-2core's own: 113,644 / 77,838 images/s = 1.46×.
        Assert.Matches(@"\| ↳ \*PyTorch 2\.6\.0\+debian eager, OpenBLAS\* \| 12\.8 \| 1\.07 \| 77,838 \|  \|  \| 1 × 10 \| 1\.46× \|", markdown);
        Assert.DoesNotContain("measured the same work", markdown); // every constructed reference row has its case
    }

    [Fact]
    public void EnvironmentTableAndSyntheticDataNote()
    {
        var markdown = File.ReadAllText(Path.Combine(WriteBoth().Directory, "report.md"));

        Assert.Contains("|  | h100-box | epyc-2core |", markdown);
        Assert.Contains("| GPU | NVIDIA H100 80GB HBM3 | none |", markdown);
        Assert.Contains("| Cores (physical / logical) | 16 / 32 | 2 / 2 |", markdown);
        Assert.Contains("| libtorch (build) | 2.10.0 (cuda-12.8) | 2.10.0 (cpu) |", markdown);
        // epyc-2core's sweep ran on the synthetic set; its JPEG decoding on the real zip, which its result file still
        // names by the path it had on that machine: the report names it by file name.
        const string sources = "synthetic EuroSAT stand-in (27,000 generated images, seed 2019; not real data) — **synthetic**; " +
                               "EuroSAT zip EuroSAT.zip (27,000 JPEGs, 10 classes) — real";
        Assert.Contains($"| Data source | {sources} | {sources} |", markdown); // h100-box is constructed from epyc-2core's files
        Assert.DoesNotContain("/work/shared", markdown);
        Assert.Contains("> **Note:** **Constructed results** on `h100-box`, not measured: constructed by tools/construct_gpu_fixture.py", markdown);
        Assert.Contains("> **Note:** **Constructed reference** `pytorch-h100-box.json`, not measured:", markdown);
        Assert.DoesNotContain("**Constructed results** on `epyc-2core`", markdown);
        Assert.Contains("> **Note:** **Synthetic data** on `epyc-2core`: 4 of 5 result files (GeoAI.Bench.Benchmarks.CnnTraining, " +
                        "GeoAI.Bench.Benchmarks.DataPipeline, GeoAI.Bench.Benchmarks.Inference, GeoAI.Bench.Benchmarks.Vgg11BnTraining) " +
                        "ran on generated images", markdown);
    }

    [Fact]
    public void ChartsWithoutDataAreLeftOutWithAReason()
    {
        var written = ReportWriter.Write(new ReportOptions { Inputs = [Fixtures.CpuMachine], OutputDirectory = scratch.Combine("cpu") });
        var markdown = File.ReadAllText(Path.Combine(written.Directory, "report.md"));

        Assert.DoesNotContain(written.Files, f => f.Contains("speedup-cpu-cuda"));
        Assert.DoesNotContain(written.Files, f => f.Contains("machines-"));
        Assert.Contains("No CPU → CUDA chart: no machine has CPU and CUDA results for the same workload and batch size " +
                        "(`epyc-2core` ran on the CPU only).", markdown);
        Assert.Contains("No machine comparison: all results come from one machine (`epyc-2core`).", markdown);
        Assert.Contains("- No batch-scaling chart for VGG11-BN training, frozen on `epyc-2core`: only batch size 40 was measured.", markdown);
        // Inference has no loader: its batch is already on the device, so it scales as one series.
        Assert.Contains("charts/batch-scaling-epyc-2core-inference-infer-model-cnn.png", written.Files);
        Assert.Equal(Fixtures.ChartsOfCpuMachine, written.Charts);
        Assert.Contains(written.Omitted, s => s.StartsWith("No CPU → CUDA chart", StringComparison.Ordinal));
    }

    [Fact]
    public void HtmlIsSelfContained()
    {
        var written = WriteBoth();
        var html = File.ReadAllText(Path.Combine(written.Directory, "report.html"));

        var images = ImageSource().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(written.Charts, images.Count);
        Assert.All(images, src => Assert.StartsWith("data:image/png;base64,iVBORw0KGgo", src));
        Assert.DoesNotMatch(@"(src|href)=""(https?:)?//", html);
        Assert.DoesNotContain("<link", html);
        Assert.Contains("<td class=\"num\">2,475</td>", html);
    }

    [Fact]
    public void BadInputLeavesNoReport()
    {
        var broken = scratch.CopyOf(Fixtures.CpuMachine, "broken");
        File.WriteAllText(Path.Combine(broken, Fixtures.CnnTrainingFile), "{ not json");
        var output = scratch.Combine("out", "report");

        Assert.Throws<ReportException>(() => ReportWriter.Write(new ReportOptions { Inputs = [broken], OutputDirectory = output }));

        Assert.False(Directory.Exists(scratch.Combine("out")));
        Assert.Equal(["broken"], Directory.GetFileSystemEntries(scratch.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void PreviousReportIsReplacedWhole()
    {
        var first = ReportWriter.Write(new ReportOptions { Inputs = [Fixtures.GpuMachine], OutputDirectory = scratch.Combine("report") });
        Assert.Contains("charts/speedup-cpu-cuda-h100-box.png", first.Files);

        var second = ReportWriter.Write(new ReportOptions { Inputs = [Fixtures.CpuMachine], OutputDirectory = scratch.Combine("report") });

        var onDisk = Directory.EnumerateFiles(second.Directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(second.Directory, f).Replace('\\', '/')).Order(StringComparer.Ordinal);
        Assert.Equal(second.Files, onDisk);
        Assert.Equal(["report"], Directory.GetFileSystemEntries(scratch.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void FolderWithOtherFilesIsRefusedAndLeftAlone()
    {
        var folder = Directory.CreateDirectory(scratch.Combine("notes")).FullName;
        File.WriteAllText(Path.Combine(folder, "thesis.tex"), "mine");

        var error = Assert.Throws<OutputException>(() =>
            ReportWriter.Write(new ReportOptions { Inputs = [Fixtures.CpuMachine], OutputDirectory = folder }));

        Assert.Contains("holds files that are not a report's (thesis.tex)", error.Message);
        Assert.Equal(["thesis.tex"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
    }

    [GeneratedRegex("<img src=\"([^\"]*)\"")]
    private static partial Regex ImageSource();

    public void Dispose() => scratch.Dispose();
}
