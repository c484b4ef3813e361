using GeoAI.Runtime;

namespace GeoAI.Tests.Runtime;

/// <summary>The default machine label: the CPU family and the logical cores, never the host name.</summary>
public class MachineLabelTests
{
    [Theory]
    [InlineData("AMD EPYC", 2, "epyc-2c")]
    [InlineData("AMD EPYC 7763 64-Core Processor", 128, "epyc-128c")]
    [InlineData("Intel(R) Xeon(R) Platinum 8480+", 2, "xeon-2c")]
    [InlineData("Intel(R) Core(TM) i7-12700K", 20, "core-i7-20c")]
    [InlineData("AMD Ryzen 9 7950X 16-Core Processor", 32, "ryzen-32c")]
    [InlineData("Apple M2 Pro", 12, "m2-12c")]
    [InlineData("X64", 4, "x64-4c")]
    [InlineData("", 1, "cpu-1c")]
    public void TheLabelIsTheFamilyAndTheCores(string cpu, int cores, string label) => Assert.Equal(label, MachineLabel.From(cpu, cores));
}
