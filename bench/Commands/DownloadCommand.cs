using System.CommandLine;
using System.Globalization;
using GeoAI.Data;
using Spectre.Console;

namespace GeoAI.Bench.Commands;

/// <summary>
/// <c>download</c>: fetches EuroSAT.zip (the official URL and MD5 by default) with a progress bar, into a <c>.part</c>
/// file that becomes the destination only once complete and matching its checksum. A download that fails (network,
/// HTTP error, checksum mismatch) exits 1; a bad command line exits 2.
/// </summary>
internal sealed class DownloadCommand : SubCommand
{
    private readonly Option<string?> url = new("--url") { Description = $"Where to download from (default {EuroSatDownload.OfficialUrl})" };

    private readonly Option<string> output = new("--out", "--output")
    {
        Description = "The file to write",
        DefaultValueFactory = _ => EuroSatDownload.DefaultDestination,
    };

    private readonly Option<ExpectedChecksum?> sha256 = new("--sha256")
    {
        Description = "SHA-256 the file must have",
        CustomParser = result => CommonOptions.Check(result, () => ExpectedChecksum.Sha256(result.Tokens[0].Value)),
    };

    private readonly Option<ExpectedChecksum?> md5 = new("--md5")
    {
        Description = $"MD5 the file must have (default for the official URL: {EuroSatDownload.OfficialMd5})",
        CustomParser = result => CommonOptions.Check(result, () => ExpectedChecksum.Md5(result.Tokens[0].Value)),
    };

    private readonly Option<int> attempts = new Option<int>("--attempts") { Description = "Tries before giving up", DefaultValueFactory = _ => 4 }.AtLeast(1);

    public DownloadCommand()
        : base("download", "Download EuroSAT.zip, verify its checksum, and keep it only when complete.", needsLibTorch: false)
    {
        url.Validators.Add(result =>
        {
            if (CommonOptions.ValueOf<string?>(result) is { } text && !(Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
                result.AddError($"--url {text}: not an http:// or https:// URL");
        });
        Add(url, output, sha256, md5, attempts);
    }

    protected override int Run(ParseResult parse)
    {
        List<ExpectedChecksum> checksums = [.. new[] { parse.GetValue(sha256), parse.GetValue(md5) }.OfType<ExpectedChecksum>()];
        var source = parse.GetValue(url);
        if (source is null && checksums.Count == 0)
            checksums.Add(ExpectedChecksum.Md5(EuroSatDownload.OfficialMd5));
        var options = new DownloadOptions
        {
            Url = source ?? EuroSatDownload.OfficialUrl,
            Destination = parse.GetValue(output)!,
            Checksums = checksums,
            Attempts = parse.GetValue(attempts),
        };
        try
        {
            Describe(Download(options));
            return ExitCode.Ok;
        }
        catch (DataSourceException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCode.Failed;
        }
    }

    private static DownloadResult Download(DownloadOptions options)
    {
        AnsiConsole.MarkupLine($"downloading {Markup.Escape(options.Url)}");
        DownloadResult? result = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(),
                new TransferSpeedColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("downloading");
                task.IsIndeterminate = true;
                var progress = new InlineProgress<DownloadProgress>(p =>
                {
                    if (p.Total is { } total)
                    {
                        task.IsIndeterminate = false;
                        task.MaxValue = total;
                    }
                    task.Value = p.Received;
                    task.Description = p.Attempt > 1 && p.Stage == "downloading" ? $"attempt {p.Attempt}" : p.Stage;
                });
                result = Downloader.DownloadAsync(options with { Progress = progress }).GetAwaiter().GetResult();
            });
        return result!;
    }

    private static void Describe(DownloadResult result)
    {
        var verified = result.Verified.Count > 0
            ? $"verified {string.Join(", ", result.Verified)}"
            : "[yellow]not verified[/] (no --sha256 or --md5 given)";
        AnsiConsole.MarkupLine(result.AlreadyPresent
            ? $"{Markup.Escape(result.Path)} is already here and matches: nothing downloaded"
            : $"{Markup.Escape(result.Path)}: {result.Bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes, {verified}");
        AnsiConsole.MarkupLine($"use it with [bold]--data {Markup.Escape(result.Path)}[/]");
    }
}
