namespace GeoAI.Training.Profiling;

/// <summary>
/// One sample of the sampler: when (µs on the profile's clock), the process's CPU use since the previous sample as a
/// percentage of all logical cores (100 % = every core busy with this process), and the GPU reading (null without NVML).
/// </summary>
public sealed record UtilisationSample(double TimeMicroseconds, double ProcessCpuPercent, GpuReading? Gpu);
