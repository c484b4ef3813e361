
namespace GeoAI.Tests.Report;

/// <summary>
/// The HTML report opened in a real headless Chromium: every chart image decodes (natural width above 0), nothing is
/// requested from the network, and the page logs no error or exception. A broken page proves the check can fail.
/// </summary>
public sealed class HtmlInBrowserTests(FullReport fullReport) : IClassFixture<FullReport>, IDisposable
{
    private const string ImageStates =
        "Array.from(document.images).map(i => ({ src: i.src.slice(0, 30), complete: i.complete, width: i.naturalWidth }))";

    private readonly ScratchFolder scratch = new();

    [Fact]
    public async Task EveryChartLoadsAndThePageLogsNoErrors()
    {
        var png = await AssertEveryChartLoads(Path.Combine(fullReport.Written.Directory, "report.html"), fullReport.Written.Charts);
        await File.WriteAllBytesAsync(scratch.Combine("report.png"), png, TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Opens the page and checks that it shows <paramref name="charts"/> chart images, each decoded at 2× (1920 px), that
    /// nothing came from the network and nothing was logged as an error; returns a screenshot of the page.
    /// </summary>
    internal static async Task<byte[]> AssertEveryChartLoads(string page, int charts)
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var browser = await StartBrowser(cancel);

        await browser.Open(page, cancel);
        var images = (await browser.Evaluate(ImageStates, cancel))!.AsArray();
        var png = await browser.Screenshot(cancel);

        Assert.Equal(charts, images.Count);
        Assert.All(images, image =>
        {
            Assert.True(image!["complete"]!.GetValue<bool>(), image.ToJsonString());
            Assert.Equal(1920, image["width"]!.GetValue<int>()); // each chart's PNG is 960 px drawn at 2×
        });
        Assert.Empty(browser.Errors);
        Assert.All(browser.Requests, url => Assert.True(url.StartsWith("file:") || url.StartsWith("data:"), url));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.True(png.Length > 100_000, $"the page rendered to only {png.Length} bytes of PNG");
        return png;
    }

    [Fact]
    public async Task ABrokenPageIsCaught()
    {
        var cancel = TestContext.Current.CancellationToken;
        var page = scratch.Combine("broken.html");
        await File.WriteAllTextAsync(page, """
            <!DOCTYPE html><html><body>
            <img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==">
            <img src="missing.png">
            <script>console.error("console says no"); throw new Error("boom");</script>
            </body></html>
            """, cancel);
        await using var browser = await StartBrowser(cancel);

        await browser.Open(page, cancel);
        var widths = (await browser.Evaluate(ImageStates, cancel))!.AsArray().Select(i => i!["width"]!.GetValue<int>());

        Assert.Equal([1, 0], widths);
        Assert.Contains(browser.Errors, e => e.Contains("boom"));
        Assert.Contains(browser.Errors, e => e.Contains("console says no"));
        Assert.Contains(browser.Errors, e => e.Contains("missing.png") || e.Contains("ERR_FILE_NOT_FOUND"));
    }

    private static async Task<HeadlessChromium> StartBrowser(CancellationToken cancel)
    {
        var chromium = HeadlessChromium.Find();
        if (chromium is null)
            Assert.Fail(HeadlessChromium.MissingMessage);
        return await HeadlessChromium.Start(chromium, cancel);
    }

    public void Dispose() => scratch.Dispose();
}
