namespace GeoAI.Report.Sections;

/// <summary>How the numbers were made: per-image times, the confidence intervals, speedup intervals, and how to compare runs.</summary>
internal static class HowToReadSection
{
    public static void Write(ReportContext context)
    {
        context.Document.Heading(2, "How these numbers were made");
        context.Document.Bullets([
            "Each case is one BenchmarkDotNet benchmark whose operation is one step: one batch for cases with a batch size " +
            "(a training step, a forward pass, a batch delivered), one image for JPEG decoding. The report divides by the " +
            "batch size, so every time is nanoseconds per image and comparable across batch sizes.",
            "With several launches (rounds) of a case, its time is the geometric mean of the launches (each the median of " +
            "its iterations) and the error the half-width of the 95 % Student-t interval over launches: on a shared machine " +
            "most of the variance lies between launches. With one launch, mean and error come from BenchmarkDotNet's " +
            "statistics (upper outliers removed), the 99.9 % interval over that process's iterations. Reference rows get " +
            "that interval from their samples.",
            "Speedups between cases of one run are paired by round: their interval is the 95 % t-interval of the per-round " +
            "ratios. Otherwise the interval divides the ends of the two confidence intervals, a conservative bound. A speedup " +
            "whose interval holds 1× is marked n.d.: not distinguishable from the baseline.",
            "Oversubscribed: torch's intra-op threads plus the loader's workers exceed the logical cores, so they take turns.",
            "To check a change for regressions, run `geoai ab --base main --diff HEAD` (paired rounds of both builds), or " +
            "compare two result folders with `geoai compare --base A --diff B --threshold 5%`.",
        ]);
    }
}
