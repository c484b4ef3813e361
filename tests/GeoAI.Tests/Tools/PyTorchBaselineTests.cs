using System.Text.Json;

namespace GeoAI.Tests.Tools;

/// <summary>
/// tools/pytorch_baseline.py writes the JSON the report reads as PyTorch reference rows. Where the test environment's
/// python3 can import PyTorch (the compat rootfs after tools/run_pytorch_baseline.sh has run once), one quick CNN case
/// runs and its JSON is checked field by field; elsewhere the script is only compiled. The tests install nothing.
/// </summary>
public sealed class PyTorchBaselineTests : IDisposable
{
    private static readonly string Script = Path.Combine(RepoPaths.Root, "tools", "pytorch_baseline.py");

    private readonly string folder = Directory.CreateTempSubdirectory("geoai-baseline-").FullName;

    [Fact]
    public void QuickCnnCaseWritesTheReportSchema()
    {
        var python = Python3();
        // Compiled into the temporary folder: nothing is written into the checkout.
        var compile = ProcessRunner.Run(python,
            ["-c", "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)",
             Script, Path.Combine(folder, "pytorch_baseline.pyc")]);
        Assert.True(compile.ExitCode == 0, compile.All);
        Assert.SkipUnless(CanImportTorch(python),
            $"{Script} compiles, but {python} cannot import torch and torchvision, so the quick run is skipped " +
            "(tools/run_pytorch_baseline.sh installs them into the compat rootfs once)");

        var output = Path.Combine(folder, "baseline.json");
        var run = ProcessRunner.Run(python,
            [Script, "--quick", "--images", "400", "--models", "cnn", "--devices", "cpu", "--batches", "40",
             "--loaders", "resident", "--seed", "7", "--machine", "test-box", "--out", output],
            timeout: TimeSpan.FromMinutes(3));

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("[1/1] cnn cpu b40 resident: ", run.StdErr);
        using var json = JsonDocument.Parse(File.ReadAllText(output));
        var root = json.RootElement;
        Assert.Equal("pytorch", root.GetProperty("tool").GetString());
        foreach (var name in new[] { "version", "torchvision", "device_name", "cpu" })
            Assert.False(string.IsNullOrWhiteSpace(root.GetProperty(name).GetString()), name);
        Assert.Equal("test-box", root.GetProperty("machine").GetString());
        Assert.True(root.GetProperty("threads").GetInt32() >= 1);
        Assert.Contains(root.GetProperty("cuda").ValueKind, new[] { JsonValueKind.String, JsonValueKind.Null });
        Assert.Contains(root.GetProperty("cudnn").ValueKind, new[] { JsonValueKind.String, JsonValueKind.Null });
        Assert.Equal("synthetic uint8 in memory (400 images, seed 7)", root.GetProperty("data").GetString());
        Assert.True(DateTimeOffset.TryParse(root.GetProperty("created").GetString(), out _));

        var single = Assert.Single(root.GetProperty("cases").EnumerateArray());
        Assert.False(single.TryGetProperty("error", out var error), error.ToString());
        Assert.Equal("cnn", single.GetProperty("model").GetString());
        Assert.Equal(JsonValueKind.Null, single.GetProperty("mode").ValueKind);
        Assert.Equal("cpu", single.GetProperty("device").GetString());
        Assert.Equal(40, single.GetProperty("batch_size").GetInt32());
        Assert.Equal("resident", single.GetProperty("loader").GetString());
        Assert.Equal(0, single.GetProperty("workers").GetInt32());
        Assert.False(single.GetProperty("pin_memory").GetBoolean());
        Assert.Equal(("fp32", "contiguous"), (single.GetProperty("precision").GetString(), single.GetProperty("memory_format").GetString()));
        Assert.True(single.GetProperty("steps_per_iteration").GetInt32() >= 1);
        var samples = single.GetProperty("ns_per_image").EnumerateArray().Select(s => s.GetDouble()).ToArray();
        Assert.Equal(3, samples.Length);
        Assert.All(samples, sample => Assert.True(sample > 0));
        // The per-step mean is the mean of the samples times the batch; images/s follows from it.
        var meanNsPerStep = single.GetProperty("mean_ns_per_step").GetDouble();
        Assert.Equal(samples.Average() * 40, meanNsPerStep, meanNsPerStep * 1e-9);
        Assert.Equal(40 * 1e9 / meanNsPerStep, single.GetProperty("images_per_second").GetDouble(), 1e-6);
    }

    [Fact]
    public void Bf16AndChannelsLastCasesRecordTheirPrecisionAndMemoryFormat()
    {
        var python = Python3();
        Assert.SkipUnless(CanImportTorch(python), $"{python} cannot import torch and torchvision, so the quick run is skipped");
        var output = Path.Combine(folder, "precision.json");

        var run = ProcessRunner.Run(python,
            [Script, "--quick", "--images", "400", "--models", "cnn", "--devices", "cpu", "--batches", "40", "--loaders", "resident",
             "--precisions", "fp32,bf16,tf32", "--memory-formats", "contiguous,channels_last", "--out", output],
            timeout: TimeSpan.FromMinutes(3));

        Assert.True(run.ExitCode == 0, run.All);
        // tf32 needs CUDA: on the CPU, 2 precisions x 2 memory formats.
        Assert.Contains("[4/4] cnn cpu b40 resident bf16 channels_last: ", run.StdErr);
        using var json = JsonDocument.Parse(File.ReadAllText(output));
        Assert.Matches("^(none|unknown|avx512_bf16( amx_bf16)?( amx_tile)?)$", json.RootElement.GetProperty("cpu_bf16_features").GetString());
        var cases = json.RootElement.GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal([("fp32", "contiguous"), ("fp32", "channels_last"), ("bf16", "contiguous"), ("bf16", "channels_last")],
            cases.Select(c => (c.GetProperty("precision").GetString(), c.GetProperty("memory_format").GetString())));
        Assert.All(cases, c => Assert.False(c.TryGetProperty("error", out var error), error.ToString()));
        Assert.All(cases, c => Assert.Equal(3, c.GetProperty("ns_per_image").GetArrayLength()));
    }

    [Fact]
    public void TooFewImagesForTheBatchAreRefusedWithoutOutput()
    {
        var python = Python3();
        var output = Path.Combine(folder, "never.json");

        var run = ProcessRunner.Run(python, [Script, "--images", "52", "--batches", "40", "--out", output]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--images 52 leaves 39 training images after the 75/25 split, fewer than batch size 40",
            run.StdErr);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder)); // neither the file nor its temporary
    }

    /// <summary>The python3 on PATH (inside the compat rootfs when tests run through ./geoai test); skips without one.</summary>
    private static string Python3()
    {
        var python = Tests.Python3.Find();
        Assert.SkipWhen(python is null, "python3 is not on PATH here, so tools/pytorch_baseline.py cannot be checked");
        return python!;
    }

    private static bool CanImportTorch(string python) => Tests.Python3.CanImport(python, "torch, torchvision");

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
