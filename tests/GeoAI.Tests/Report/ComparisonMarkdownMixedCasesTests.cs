using GeoAI.Report.Compare;
using GeoAI.Tests.Report.KnownAnswers;
using static GeoAI.Tests.Report.GeneratedComparison;

namespace GeoAI.Tests.Report;

/// <summary>
/// Comparisons whose cases differ in kind: launch-level beside single-launch verdicts, a case with two modes, a case whose
/// name holds a table's column separator. Every number is worked by hand from the generated samples.
/// </summary>
public sealed class ComparisonMarkdownMixedCasesTests : IDisposable
{
    private readonly ScratchFolder scratch = new();

    /// <summary>
    /// One case with three rounds a side (runs A and B: Welch) and one case with one launch a side, both at batch 40
    /// (a floor of 0.5 ms / 40 = 12.5 µs per image). Each launch is five samples 40 ms × (1 … 1.004): 1,002 µs per image
    /// on the base; the diff takes 2× in every round and 3× in its one launch (five against five, fully separated:
    /// p = 1/252). Both methods are described, since both were used, and each row says which one judged it.
    /// </summary>
    [Fact]
    public void LaunchLevelAndSingleLaunchCasesInOneComparisonDescribeBothMethods()
    {
        var basePath = scratch.Combine("base");
        var diffPath = scratch.Combine("diff");
        for (var round = 1; round <= 3; round++)
        {
            GeneratedResults.Write(Path.Combine(basePath, $"round-{round:D2}"), "box", [("rounds", Launch(1))], batchSize: 40,
                runId: "run-A", round: round);
            GeneratedResults.Write(Path.Combine(diffPath, $"round-{round:D2}"), "box", [("rounds", Launch(2))], batchSize: 40,
                runId: "run-B", round: round);
        }
        GeneratedResults.Write(Path.Combine(basePath, "single"), "box", [("single", Launch(1))], batchSize: 40);
        GeneratedResults.Write(Path.Combine(diffPath, "single"), "box", [("single", Launch(3))], batchSize: 40);

        var comparison = Compare(basePath, diffPath);
        var markdown = ComparisonMarkdown.Render(comparison);

        Assert.True(comparison.AnySingleLaunch);
        Assert.Equal(
            $"""
             # Benchmark comparison

             Base: `{basePath}` (machine `box`); diff: `{diffPath}` (machine `box`).

             Launch-level test for cases with several launches a side: the 95 % Student-t interval of diff/base over launches (paired by round when both sides come from one `ab` run, else Welch), on the log scale. Slower or Faster when the interval lies wholly beyond ±5 % (or the noise floor, where that is larger), Same when it lies wholly within, Unsure otherwise. MDE: the smallest slowdown those launches would catch with 80 % power.

             Mann–Whitney two one-sided tests (Perfolizer), α = 0.01 each, at a threshold of 5 % and at a noise floor of 0.5 ms per batch (per image: divided by the case's BatchSize; cases without one: no floor). A case is Faster or Slower only when both tests agree. Cases need at least 5 samples per side.

             **{ComparisonMarkdown.SingleLaunchWarning}**

             Times are per image.

             ## Summary

             | Verdict | Cases | Geometric mean of diff/base |
             |---|---:|---:|
             | Slower | 2 | 2.449 |
             | Faster | 0 | – |
             | Same | 0 | – |
             | Unsure | 0 | – |
             | Not enough samples | 0 | – |
             | Only in base | 0 | – |
             | Only in diff | 0 | – |

             Geometric mean of diff/base median time over all 2 tested cases: 2.449 (above 1: the diff is slower).

             ## Slower

             | Slower | diff/base | 95 % interval | Launches | Base µs/image | Diff µs/image | Noise floor µs/image | Modality |
             |---|---:|---:|---:|---:|---:|---:|---|
             | Generated.Step(Case: single, BatchSize: 40) | 3.00 | – | 1 (iterations) | 1,002 | 3,006 | 12.5 |  |
             | Generated.Step(Case: rounds, BatchSize: 40) | 2.00 | 2.00 – 2.00 | 3 | 1,002 | 2,004 | 12.5 |  |

             ## Faster

             No faster cases.

             """, markdown);
    }

    /// <summary>
    /// A case with two modes (<see cref="GeneratedComparison.Samples"/> and twice them: ten samples near 1 µs, ten near 2 µs: median (1,009 + 2,000) / 2 = 1,504.5 ns) three times
    /// slower, and a case named "a|b" twice as slow. The Slower table labels the first and escapes the second's pipe, so
    /// the row keeps its eight columns.
    /// </summary>
    [Fact]
    public void TheSlowerTableLabelsATwoModeCaseAndEscapesAPipeInAName()
    {
        var twoModes = Samples.Concat(Scaled(Samples, 2)).ToArray();
        GeneratedResults.Write(scratch.Combine("base"), "box", [("modes", twoModes), ("a|b", Samples)]);
        GeneratedResults.Write(scratch.Combine("diff"), "box", [("modes", Scaled(twoModes, 3)), ("a|b", Scaled(Samples, 2))]);

        var markdown = ComparisonMarkdown.Render(Compare(scratch.Combine("base"), scratch.Combine("diff")));

        Assert.Contains(
            """
            | Slower | diff/base | 95 % interval | Launches | Base µs/image | Diff µs/image | Noise floor µs/image | Modality |
            |---|---:|---:|---:|---:|---:|---:|---|
            | Generated.Step(Case: modes) | 3.00 | – | 1 (iterations) | 1.50 | 4.51 | – | bimodal |
            | Generated.Step(Case: a\|b) | 2.00 | – | 1 (iterations) | 1.00 | 2.01 | – |  |

            """, markdown);
    }

    public void Dispose() => scratch.Dispose();
}
