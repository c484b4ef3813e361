using GeoAI.Report.Compare;
using GeoAI.Tests.Report.KnownAnswers;
using static GeoAI.Tests.Report.GeneratedComparison;

namespace GeoAI.Tests.Report;

/// <summary>
/// The whole Markdown of a comparison whose every line is known: generated cases 2× slower, 2× faster, unchanged, cut
/// to 3 samples, and one on each side only. Ten samples 1 µs apart from 1,000 ns, so each median is 1,004.5 ns × the
/// case's factor; no BatchSize, so no noise floor applies.
/// </summary>
public sealed class ComparisonMarkdownTests : IDisposable
{
    private readonly ScratchFolder scratch = new();

    [Fact]
    public void ASingleLaunchComparisonRendersEverySectionWithItsNumbers()
    {
        var basePath = scratch.Combine("base");
        var diffPath = scratch.Combine("diff");
        GeneratedResults.Write(basePath, "base-box", [("slow", Samples), ("fast", Samples), ("same", Samples), ("few", Samples)]);
        GeneratedResults.Write(basePath, "base-2", [("gone", Samples)], fileName: "GeoAI.Bench.Benchmarks.Generated2-report-full.json");
        GeneratedResults.Write(diffPath, "diff-box",
            [("slow", Scaled(Samples, 2)), ("fast", Scaled(Samples, 0.5)), ("same", Samples), ("few", Samples[..3]), ("new", Samples)]);

        var markdown = ComparisonMarkdown.Render(Compare(basePath, diffPath));

        Assert.Equal(
            $"""
             # Benchmark comparison

             Base: `{basePath}` (machines `base-box`, `base-2`); diff: `{diffPath}` (machine `diff-box`).

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

    /// <summary>
    /// Three rounds a side from two separate runs (so Welch, unpaired), batch 40, five samples a launch whose median is
    /// 1.002 × 40 ms per batch = 1,002 µs per image on the base. The diff is 2× and 5× faster in every round (no spread:
    /// an exact interval), unchanged, or 1.0, 1.1 and 1.2× the base in its three rounds (ratio 1.32^(1/3) = 1.097,
    /// interval 0.87 – 1.38: Unsure). The floor is 0.5 ms / 40 = 12.5 µs per image, 1.25 % of a step: the 5 % rules.
    /// </summary>
    [Fact]
    public void ALaunchLevelComparisonRendersTheIntervalsAndNoSingleLaunchSection()
    {
        var basePath = scratch.Combine("base");
        var diffPath = scratch.Combine("diff");
        double[] unsure = [1.0, 1.1, 1.2];
        for (var round = 1; round <= 3; round++)
        {
            var folder = $"round-{round:D2}";
            GeneratedResults.Write(Path.Combine(basePath, folder), "base-box",
                [("fast", Launch(1)), ("faster", Launch(1)), ("same", Launch(1)), ("unsure", Launch(1))], batchSize: 40, runId: "run-A", round: round);
            GeneratedResults.Write(Path.Combine(diffPath, folder), "diff-box",
                [("fast", Launch(0.5)), ("faster", Launch(0.2)), ("same", Launch(1)), ("unsure", Launch(unsure[round - 1]))],
                batchSize: 40, runId: "run-B", round: round);
        }

        var markdown = ComparisonMarkdown.Render(Compare(basePath, diffPath));

        Assert.Equal(
            $"""
             # Benchmark comparison

             Base: `{basePath}` (machine `base-box`); diff: `{diffPath}` (machine `diff-box`).

             Launch-level test for cases with several launches a side: the 95 % Student-t interval of diff/base over launches (paired by round when both sides come from one `ab` run, else Welch), on the log scale. Slower or Faster when the interval lies wholly beyond ±5 % (or the noise floor, where that is larger), Same when it lies wholly within, Unsure otherwise. MDE: the smallest slowdown those launches would catch with 80 % power.

             Times are per image.

             ## Summary

             | Verdict | Cases | Geometric mean of diff/base |
             |---|---:|---:|
             | Slower | 0 | – |
             | Faster | 2 | 0.316 |
             | Same | 1 | 1.000 |
             | Unsure | 1 | 1.097 |
             | Not enough samples | 0 | – |
             | Only in base | 0 | – |
             | Only in diff | 0 | – |

             Unsure: the interval straddles the threshold; more launches would decide (see the MDE column of `ab`).

             Geometric mean of diff/base median time over all 4 tested cases: 0.576 (above 1: the diff is slower).

             ## Slower

             No slower cases.

             ## Faster

             | Faster | base/diff | 95 % interval | Launches | Base µs/image | Diff µs/image | Noise floor µs/image | Modality |
             |---|---:|---:|---:|---:|---:|---:|---|
             | Generated.Step(Case: faster, BatchSize: 40) | 5.00 | 5.00 – 5.00 | 3 | 1,002 | 200 | 12.5 |  |
             | Generated.Step(Case: fast, BatchSize: 40) | 2.00 | 2.00 – 2.00 | 3 | 1,002 | 501 | 12.5 |  |

             """, markdown);
    }

    [Fact]
    public void WithNothingTestedThereIsNoOverallGeometricMean()
    {
        GeneratedResults.Write(scratch.Combine("base"), "base-box", [("few", Samples[..4])]);
        GeneratedResults.Write(scratch.Combine("diff"), "diff-box", [("few", Samples[..4])]);

        var markdown = ComparisonMarkdown.Render(Compare(scratch.Combine("base"), scratch.Combine("diff")));

        Assert.Contains("| Not enough samples | 1 | – |\n", markdown);
        Assert.DoesNotContain("tested cases", markdown);
    }

    public void Dispose() => scratch.Dispose();
}
