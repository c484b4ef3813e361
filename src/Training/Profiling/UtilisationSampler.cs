using System.Diagnostics;

namespace GeoAI.Training.Profiling;

/// <summary>
/// Samples this process's CPU use (its CPU time from /proc/self/stat through <see cref="Process.TotalProcessorTime"/>)
/// and, where there is one, the GPU on a background thread at a fixed interval while the recorded steps run. The
/// sampling thread costs a few µs of CPU per sample; it does not touch libtorch.
/// </summary>
internal sealed class UtilisationSampler : IDisposable
{
    private readonly Stopwatch clock;
    private readonly TimeSpan interval;
    private readonly IGpuMonitor? gpu;
    private readonly Process process = Process.GetCurrentProcess();
    private readonly ManualResetEventSlim stop = new();
    private readonly List<UtilisationSample> samples = [];
    private readonly Thread thread;
    private TimeSpan lastCpu;
    private TimeSpan lastWall;

    /// <param name="clock">The profile's clock: sample times are on the same axis as the steps.</param>
    public UtilisationSampler(Stopwatch clock, TimeSpan interval, IGpuMonitor? gpu)
    {
        this.clock = clock;
        this.interval = interval;
        this.gpu = gpu;
        thread = new Thread(Run) { IsBackground = true, Name = "geoai-profile-sampler" };
    }

    public void Start()
    {
        lastCpu = ProcessCpuTime();
        lastWall = clock.Elapsed;
        thread.Start();
    }

    /// <summary>Stops sampling, takes one last sample (so even a run shorter than the interval has one) and returns all.</summary>
    public IReadOnlyList<UtilisationSample> Stop()
    {
        stop.Set();
        thread.Join();
        Sample();
        return samples;
    }

    private void Run()
    {
        while (!stop.Wait(interval))
            Sample();
    }

    private void Sample()
    {
        var wall = clock.Elapsed;
        var cpu = ProcessCpuTime();
        var elapsed = (wall - lastWall).TotalSeconds;
        var cpuPercent = elapsed > 0 ? (cpu - lastCpu).TotalSeconds / elapsed / Environment.ProcessorCount * 100 : 0;
        samples.Add(new UtilisationSample(wall.TotalMicroseconds, Math.Max(0, cpuPercent), gpu?.Read(Environment.ProcessId)));
        lastCpu = cpu;
        lastWall = wall;
    }

    private TimeSpan ProcessCpuTime()
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    public void Dispose()
    {
        if (thread.IsAlive)
        {
            stop.Set();
            thread.Join();
        }
        stop.Dispose();
        process.Dispose();
    }
}
