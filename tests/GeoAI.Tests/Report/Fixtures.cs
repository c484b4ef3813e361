namespace GeoAI.Tests.Report;

/// <summary>
/// The reporter's fixture results (copied beside the test assembly). Two machines, in BenchmarkDotNet 0.15.8's full JSON
/// shape: epyc-2core is a real run of the default sweep on this project's 2-core CPU (synthetic data, plus JPEG decoding
/// on the real zip), trimmed; h100-box, with CPU and CUDA cases, is constructed from that run by
/// tools/construct_gpu_fixture.py (no GPU run exists yet). Tests that check numbers name the case they use and how its
/// expected value follows from the file (see Fixtures/README.md).
/// </summary>
internal static class Fixtures
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Report", "Fixtures");

    /// <summary>CPU and CUDA results: every chart has data here.</summary>
    public static string GpuMachine => Path.Combine(Root, "h100-box");

    /// <summary>CPU-only results on synthetic data: the CPU → CUDA chart has nothing to show.</summary>
    public static string CpuMachine => Path.Combine(Root, "epyc-2core");

    public static string PyTorchReference => Path.Combine(Root, "reference", "pytorch-h100-box.json");

    // Counts the tests rely on; update them with the files.
    public const int GpuMachineCases = 100;
    public const int CpuMachineCases = 35;
    public const int FilesPerMachine = 5;

    /// <summary>epyc-2core's CnnTraining file: 3 batch sizes × (FixedBatch, Host with 0, 2 and 4 workers).</summary>
    public const int CnnTrainingCasesOfCpuMachine = 12;

    /// <summary>Cases (same full name) both machines ran: every epyc-2core case, which h100-box has on its CPU.</summary>
    public const int SharedCases = 35;

    /// <summary>h100-box: 1 CPU→CUDA, 4 data-path, 3 batch-scaling; epyc-2core: 4 data-path, 3 batch-scaling; 5 per-class
    /// machine charts (every class has shared cases).</summary>
    public const int ChartsOfBoth = 20;

    /// <summary>epyc-2core alone: 4 data-path charts and 3 batch-scaling charts (CNN training, data pipeline, CNN inference).</summary>
    public const int ChartsOfCpuMachine = 7;

    public const string CnnTrainingFile = "GeoAI.Bench.Benchmarks.CnnTraining-report-full.json";

    /// <summary>On h100-box: 10 samples, mean 101.0 µs per image (noise floor at 0.5 ms per batch: 12.5 µs per image).</summary>
    public const string CpuHostCase = "GeoAI.Bench.Benchmarks.CnnTraining.Train(Device: Cpu, BatchSize: 40, Loader: Host, Workers: 0)";

    /// <summary>On h100-box: 10 samples, mean 12.0 µs per image (6.2 ms per step, far above a 0.5 ms floor).</summary>
    public const string CudaResidentCase = "GeoAI.Bench.Benchmarks.CnnTraining.Train(Device: Cuda, BatchSize: 512, Loader: GpuResident, Workers: 0)";

    /// <summary>On h100-box: 10 samples, mean 0.42 ms per step: 20 % of it (0.08 ms) is below a 0.5 ms-per-batch floor.</summary>
    public const string CudaSmallStepCase = "GeoAI.Bench.Benchmarks.CnnTraining.Train(Device: Cuda, BatchSize: 40, Loader: GpuResident, Workers: 0)";
}
