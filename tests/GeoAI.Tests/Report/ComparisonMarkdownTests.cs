using GeoAI.Report.Compare;
using GeoAI.Tests.Report.KnownAnswers;

namespace GeoAI.Tests.Report;

/// <summary>
/// The whole Markdown of a comparison whose every line is known: generated cases 2× slower, 2× faster, unchanged, cut
/// to 3 samples, and one on each side only. Ten samples 1 µs apart from 1,000 ns, so each median is 1,004.5 ns × the
/// case's factor; no BatchSize, so no noise floor applies.
/// </summary>
public sealed class ComparisonMarkdownTests : IDisposable
{
    private static readonly double[] Samples = Enumerable.Range(0, 10).Select(i => 1000 * (1 + 0.001 * i)).ToArray();

    private readonly ScratchFolder scratch = new();

    [Fact]
    public void ASingleLaunchComparisonRendersEverySectionWithItsNumbers()
    {
        var basePath = scratch.Combine("base");
        var diffPath = scratch.Combine("diff");
        GeneratedResults.Write(basePath, "base-box",
            [("slow", Samples), ("fast", Samples), ("same", Samples), ("few", Samples), ("gone", Samples)]);
        GeneratedResults.Write(diffPath, "diff-box",
            [("slow", Scaled(2)), ("fast", Scaled(0.5)), ("same", Samples), ("few", Samples[..3]), ("new", Samples)]);

        var markdown = ComparisonMarkdown.Render(ResultComparer.Compare(new CompareOptions
        {
            BasePath = basePath, DiffPath = diffPath, ThresholdPercent = 5,
        }));

        Assert.Equal(
            $"""
             # Benchmark comparison

             Base: `{basePath}` (machine `base-box`); diff: `{diffPath}` (machine `diff-box`).

             Mann–Whitney two one-sided tests (Perfolizer), α = 0.01 each, at a threshold of 5 % and at a noise floor of 0.5 ms per batch (per image: divided by the case's BatchSize; cases without one: no floor). A case is Faster or Slower only when both tests agree. Cases need at least 5 samples per side.

             **{ComparisonMarkdown.SingleLaunchWarning}**

             Times are per image.

             ## Summary

             | Verdict | Cases | Geometric mean of diff/base |
             |---|---:|---:|
             | Slower | 1 | 2.000 |
             | Faster | 1 | 0.500 |
             | Same | 1 | 1.000 |
             | Unsure | 0 | – |
             | Not enough samples | 1 | – |
             | Only in base | 1 | – |
             | Only in diff | 1 | – |

             Geometric mean of diff/base median time over all 3 tested cases: 1.000 (above 1: the diff is slower).

             ## Slower

             | Slower | diff/base | 95 % interval | Launches | Base µs/image | Diff µs/image | Noise floor µs/image | Modality |
             |---|---:|---:|---:|---:|---:|---:|---|
             | Generated.Step(Case: slow) | 2.00 | – | 1 (iterations) | 1.00 | 2.01 | – |  |

             ## Faster

             | Faster | base/diff | 95 % interval | Launches | Base µs/image | Diff µs/image | Noise floor µs/image | Modality |
             |---|---:|---:|---:|---:|---:|---:|---|
             | Generated.Step(Case: fast) | 2.00 | – | 1 (iterations) | 1.00 | 0.502 | – |  |

             ## Not tested

             A verdict needs at least 5 samples on each side; these cases are not guessed.

             | Case | Verdict |
             |---|---|
             | Generated.Step(Case: few) | not enough samples (n=10 base, 3 diff) |

             ## Only in base

             - Generated.Step(Case: gone)

             ## Only in diff

             - Generated.Step(Case: new)

             """, markdown);
    }

    private static double[] Scaled(double factor) => Samples.Select(s => s * factor).ToArray();

    public void Dispose() => scratch.Dispose();
}
