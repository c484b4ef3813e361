using GeoAI.Runtime;

namespace GeoAI.Tests.Runtime;

/// <summary>The bf16 features named in the environment block, read from /proc/cpuinfo text of known CPUs.</summary>
public class CpuFeaturesTests
{
    [Theory]
    // AMD Zen 5 (this project's VM): AVX512-BF16, no AMX.
    [InlineData("processor\t: 0\nmodel name\t: AMD EPYC\nflags\t\t: fpu sse2 avx2 avx512f avx512_bf16 avx512_vnni\n", "avx512_bf16")]
    // Intel Sapphire Rapids: AVX512-BF16 and AMX, listed in the order of CpuFeatures.Bf16Flags.
    [InlineData("flags\t\t: avx512f amx_tile avx512_bf16 amx_int8 amx_bf16\n", "avx512_bf16 amx_bf16 amx_tile")]
    // Intel Skylake-SP: AVX-512 without bf16.
    [InlineData("flags\t\t: avx2 avx512f avx512bw avx512_vnni\n", "none")]
    // An aarch64 kernel says "Features", not "flags".
    [InlineData("processor\t: 0\nFeatures\t: fp asimd bf16\n", "unknown")]
    public void NamesTheBf16FeaturesTheFlagsLineLists(string cpuinfo, string expected)
    {
        Assert.Equal(expected, CpuFeatures.Bf16(cpuinfo));
    }

    [Fact]
    public void OnlyTheFirstProcessorIsRead()
    {
        Assert.Equal("none", CpuFeatures.Bf16("flags\t: avx2\n\nflags\t: avx2 avx512_bf16\n"));
    }
}
