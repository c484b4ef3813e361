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
            "Mean and error come from BenchmarkDotNet's statistics (upper outliers removed); the error is the half-width " +
            "of the 99.9 % Student-t confidence interval of the mean. Reference rows get the same interval from their samples.",
            "Speedups divide means; their intervals divide the ends of the two confidence intervals, a conservative bound.",
            "To check a change for regressions, compare two result folders with `geoai compare --base A --diff B --threshold 5%`.",
        ]);
    }
}
