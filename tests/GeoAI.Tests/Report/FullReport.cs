using GeoAI.Report;

namespace GeoAI.Tests.Report;

/// <summary>One report of both fixture machines with the PyTorch reference, written once for the tests that only read it.</summary>
public sealed class FullReport : IDisposable
{
    private readonly ScratchFolder scratch = new();

    public FullReport() => Written = ReportWriter.Write(new ReportOptions
    {
        Inputs = [Fixtures.GpuMachine, Fixtures.CpuMachine],
        References = [Fixtures.PyTorchReference],
        OutputDirectory = scratch.Combine("report"),
    });

    public WrittenReport Written { get; }

    public void Dispose() => scratch.Dispose();
}
