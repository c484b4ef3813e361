using System.Globalization;
using GeoAI.Report.Analysis;
using GeoAI.Report.Charts;
using static GeoAI.Report.Charts.ChartIds;
using GeoAI.Report.Documents;
using GeoAI.Report.Reference;
using GeoAI.Report.Results;
using GeoAI.Report.Training;

namespace GeoAI.Report;

/// <summary>
/// Lays out the report: environment, the four chart sections (each chart that has no data replaced by a sentence saying
/// why), the per-case tables, and how to read them. Charts are written into the given folder as they are made.
/// </summary>
internal sealed class ReportBuilder
{
    private readonly ResultSet results;
    private readonly ReferenceMatch references;
    private readonly IReadOnlyList<ReferenceCase> referenceCases;
    private readonly string chartFolder;
    private readonly ReportDocument document;
    private readonly List<string> pendingOmissions = [];
    private readonly HashSet<string> chartIds = [];

    private ReportBuilder(ResultSet results, IReadOnlyList<ReferenceCase> references, string title, string chartFolder)
    {
        this.results = results;
        this.references = new ReferenceMatch(results, references);
        referenceCases = references;
        this.chartFolder = chartFolder;
        document = new ReportDocument(title);
    }

    public List<Chart> Charts { get; } = [];

    /// <summary>Sentences for the charts left out, as they appear in the report.</summary>
    public List<string> Omitted { get; } = [];

    /// <param name="results">BenchmarkDotNet results; null when the inputs held training runs only.</param>
    /// <param name="training">Training runs (train.json): a "Training runs" section when there are any.</param>
    public static ReportBuilder Build(ResultSet? results, IReadOnlyList<ReferenceCase> references, IReadOnlyList<TrainRun> training,
        string title, string chartFolder)
    {
        var builder = new ReportBuilder(results ?? new ResultSet([], [], []), references, title, chartFolder);
        if (results is null)
        {
            builder.TrainingRuns(training);
            return builder;
        }
        builder.Introduction();
        builder.Environment();
        foreach (var section in new Action[] { builder.CpuToCuda, builder.DataPath, builder.BatchScaling, builder.Machines })
        {
            section();
            builder.EndSection();
        }
        builder.CaseTables();
        if (training.Count > 0)
            builder.TrainingRuns(training);
        builder.HowToRead();
        return builder;
    }

    private void TrainingRuns(IReadOnlyList<TrainRun> training)
    {
        TrainingRunsSection.Add(document, training, chartFolder, ChartId, AddChart, Omit);
        EndSection();
    }

    public ReportDocument Document => document;

    private void Introduction()
    {
        var machines = results.Machines.Select(m => $"`{m.Label}`");
        document.Paragraph($"{results.Results.Count} benchmark cases from {results.Files.Count} BenchmarkDotNet result " +
                           $"file{Plural(results.Files.Count)}, measured on {results.Machines.Count} machine" +
                           $"{Plural(results.Machines.Count)}: {string.Join(", ", machines)}. Times are per image; " +
                           "images/s = 10⁹ / mean nanoseconds per image; errors are half-widths of the 99.9 % confidence " +
                           "interval of the mean.");
        foreach (var machine in results.Machines.Where(m => m.Constructed is not null))
            document.Note($"**Constructed results** on `{machine.Label}`, not measured: {machine.Constructed}. They show " +
                          "how the report reads; no number from them says how fast anything is.");
        foreach (var file in referenceCases.Where(r => r.Constructed is not null).DistinctBy(r => r.SourceFile))
            document.Note($"**Constructed reference** `{Path.GetFileName(file.SourceFile)}`, not measured: {file.Constructed}.");
        foreach (var machine in results.Machines.Where(m => m.DataIsSynthetic == true))
            document.Note(SyntheticDataNote(machine));
    }

    /// <summary>Each distinct source a machine's files name, with whether it was real: runs can mix the two.</summary>
    private static string? DataSourceCell(MachineEnvironment machine)
    {
        static string Kind(bool? synthetic) => synthetic switch
        {
            true => "**synthetic**",
            false => "real",
            null => "real or synthetic: not recorded",
        };
        var sources = machine.DataSources.Where(d => d.Source is not null || d.IsSynthetic is not null)
            .Select(d => $"{d.Source ?? "?"} — {Kind(d.IsSynthetic)}").Distinct().ToList();
        return sources.Count == 0 ? null : string.Join("; ", sources);
    }

    private static string SyntheticDataNote(MachineEnvironment machine)
    {
        const string Meaning = "Speed is representative (same shapes and sizes); nothing about accuracy is.";
        var synthetic = machine.DataSources.Where(d => d.IsSynthetic == true).ToList();
        var others = machine.DataSources.Except(synthetic).ToList();
        string Sources(IEnumerable<FileDataSource> files) => string.Join(" / ", files.Select(f => f.Source).OfType<string>().Distinct());
        if (others.Count == 0)
            return $"**Synthetic data** on `{machine.Label}`: its cases ran on generated images " +
                   $"({(Sources(synthetic) is { Length: > 0 } text ? text : "synthetic EuroSAT")}), not the real EuroSAT " +
                   $"photographs. {Meaning}";
        var names = string.Join(", ", synthetic.Select(d => Path.GetFileName(d.File).Replace("-report-full.json", "", StringComparison.Ordinal)));
        var real = Sources(others) is { Length: > 0 } described ? described : "data they do not describe";
        return $"**Synthetic data** on `{machine.Label}`: {synthetic.Count} of {machine.DataSources.Count} result files ({names}) " +
               $"ran on generated images ({Sources(synthetic)}); the others on {real}. {Meaning}";
    }

    private void Environment()
    {
        document.Heading(2, "Machines");
        var table = new Table([Column.Text(""), .. results.Machines.Select(m => Column.Text(m.Label))]);
        void Row(string name, Func<MachineEnvironment, string?> value) =>
            table.Add([name, .. results.Machines.Select(m => value(m) ?? "unknown")]);
        Row("CPU", m => m.Cpu);
        Row("Cores (physical / logical)", m => m.PhysicalCores is null && m.LogicalCores is null ? null
            : $"{m.PhysicalCores ?? "?"} / {m.LogicalCores ?? "?"}");
        Row("GPU", m => m.Gpu);
        Row("GPU driver", m => m.GpuDriver);
        Row("libtorch (build)", m => m.LibTorch is null ? null : $"{m.LibTorch} ({m.TorchBuild ?? "?"})");
        Row("CUDA runtime", m => m.CudaRuntime);
        Row("cuDNN", m => m.Cudnn);
        Row("Torch CPU threads", m => m.TorchThreads);
        Row(".NET", m => m.DotNet);
        Row("BenchmarkDotNet", m => m.BenchmarkDotNet);
        Row("OS", m => m.Os);
        Row("Commit", m => string.Join(" / ", m.Provenance.Select(p => p.CommitLabel).Distinct()));
        Row("Started (UTC)", m => m.Provenance.Min(p => p.StartedUtc)?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        Row("Data source", DataSourceCell);
        Row("Result files", m => Numbers.Integer(m.Files.Count));
        document.Table(table);
    }

    private void CpuToCuda()
    {
        document.Heading(2, "CPU → CUDA speedup");
        var speedups = CpuCudaSpeedup.Find(results);
        if (speedups.Count == 0)
        {
            var cpuOnly = results.Machines.Where(m => !results.On(m.Label).Any(r => r.Parameters.IsCuda)).Select(m => $"`{m.Label}`").ToList();
            Omit("No CPU → CUDA chart: no machine has CPU and CUDA results for the same workload and batch size" +
                 (cpuOnly.Count > 0 ? $" ({string.Join(", ", cpuOnly)} ran on the CPU only)." : "."));
            return;
        }
        document.Paragraph("For each workload and batch size, the fastest CPU case against the fastest CUDA case, " +
                           "whatever loader won each (named in the table). The interval divides the ends of the two " +
                           "confidence intervals: CPU lower ÷ CUDA upper to CPU upper ÷ CUDA lower.");
        foreach (var machine in speedups.Select(s => s.Machine).Distinct())
        {
            var mine = speedups.Where(s => s.Machine == machine).ToList();
            if (results.Machines.Count > 1)
                document.Heading(3, machine);
            AddChart(CpuCudaSpeedupChart.Create(machine, mine, chartFolder, ChartId($"speedup-cpu-cuda-{Slug(machine)}")));
            var table = new Table(Column.Text("Workload"), Column.Number("Batch"), Column.Text("Fastest CPU case"),
                Column.Number("CPU µs/image"), Column.Text("Fastest CUDA case"), Column.Number("CUDA µs/image"),
                Column.Number("Speedup"), Column.Number("99.9 % interval"));
            foreach (var s in mine)
                table.Add(s.Workload.Label, Numbers.Integer(s.BatchSize), LoaderConfig.Of(s.FastestCpu)?.Label ?? "",
                    Numbers.Microseconds(s.FastestCpu.Time.Mean), LoaderConfig.Of(s.FastestCuda)?.Label ?? "",
                    Numbers.Microseconds(s.FastestCuda.Time.Mean), Numbers.Speedup(s.Speedup.Value), Numbers.Interval(s.Speedup));
            document.Table(table);
        }
    }

    private void DataPath()
    {
        document.Heading(2, "Data-path speedups");
        document.Paragraph("How much each way of feeding batches gains over the plain host loader with 0 workers (1.0×) at " +
                           "the same device and batch size: more loader workers, pinned-memory prefetch, or the whole " +
                           "data set resident on the device (`GpuResident`: GPU memory, or RAM for the CPU).");
        var speedups = DataPathSpeedup.Find(results);
        foreach (var machine in results.Machines.Select(m => m.Label))
        {
            var workloads = results.On(machine).Where(r => r.Parameters.Loader is not null)
                .Select(r => r.Workload).Distinct().OrderBy(w => w.SortKey).ToList();
            MachineHeading(machine, workloads.Any(w => speedups.Any(s => s.Machine == machine && s.Workload == w && !s.Loader.IsBaseline)));
            foreach (var workload in workloads)
            {
                var mine = speedups.Where(s => s.Machine == machine && s.Workload == workload).ToList();
                if (mine.Count == 0)
                    Omit($"No data-path chart for {workload.Label} on `{machine}`: no case with the host loader and 0 " +
                         "workers to compare against.");
                else if (mine.All(s => s.Loader.IsBaseline))
                    Omit($"No data-path chart for {workload.Label} on `{machine}`: only the host loader with 0 workers was measured.");
                else
                    AddChart(DataPathChart.Create(machine, workload.Label, mine, chartFolder,
                        ChartId($"data-path-{Slug(machine)}-{Slug(workload.Key)}")));
            }
        }
    }

    private void BatchScaling()
    {
        document.Heading(2, "Batch-size scaling");
        var series = ScalingSeries.Find(results);
        foreach (var machine in results.Machines.Select(m => m.Label))
        {
            var workloads = results.On(machine).Where(r => r.Parameters.BatchSize is not null)
                .Select(r => r.Workload).Distinct().OrderBy(w => w.SortKey).ToList();
            MachineHeading(machine, series.Any(s => s.Machine == machine));
            foreach (var workload in workloads)
            {
                var mine = series.Where(s => s.Machine == machine && s.Workload == workload).ToList();
                if (mine.Count > 0)
                {
                    AddChart(BatchScalingChart.Create(machine, workload.Label, mine, chartFolder,
                        ChartId($"batch-scaling-{Slug(machine)}-{Slug(workload.Key)}")));
                    continue;
                }
                var batches = results.On(machine).Where(r => r.Workload == workload).Select(r => r.Parameters.BatchSize!.Value)
                    .Distinct().Order().ToList();
                Omit(batches.Count == 1
                    ? $"No batch-scaling chart for {workload.Label} on `{machine}`: only batch size {batches[0]} was measured."
                    : $"No batch-scaling chart for {workload.Label} on `{machine}`: no device and loader was measured at " +
                      "more than one batch size.");
            }
        }
    }

    private void Machines()
    {
        document.Heading(2, "Machines side by side");
        var comparison = MachineComparison.Find(results);
        if (comparison is null)
        {
            Omit($"No machine comparison: all results come from one machine (`{results.Machines[0].Label}`).");
            return;
        }
        if (comparison.Rows.Count == 0)
        {
            Omit("No machine comparison: the machines share no case (same benchmark and parameters).");
            return;
        }
        var first = comparison.Machines[0];
        document.Paragraph($"Cases measured on more than one machine, by full name including parameters. Ratios are " +
                           $"images/s relative to `{first}`.");
        foreach (var family in comparison.Rows.GroupBy(r => r.Type))
        {
            var label = Workload.FamilyLabel(family.Key);
            document.Heading(3, label);
            var rows = family.ToList();
            AddChart(MachineChart.Create(label, comparison.Machines, rows, chartFolder, ChartId($"machines-{Slug(family.Key)}")));
            var table = new Table([Column.Text("Case"),
                .. comparison.Machines.Select(m => Column.Number($"{m} images/s")),
                .. comparison.Machines.Skip(1).Select(m => Column.Number($"{m} ÷ {first}"))]);
            foreach (var row in rows)
            {
                var baseline = row.PerMachine[0];
                table.Add([row.Label,
                    .. row.PerMachine.Select(c => c is null ? "–" : Numbers.PerSecond(c.ImagesPerSecond)),
                    .. row.PerMachine.Skip(1).Select(c => c is null || baseline is null ? "–"
                        : Numbers.Speedup(c.ImagesPerSecond / baseline.ImagesPerSecond))]);
            }
            document.Table(table);
        }
    }

    private void CaseTables()
    {
        document.Heading(2, "All cases");
        document.Paragraph("Mean time per image with the half-width of its 99.9 % confidence interval, the images/s it " +
                           "implies, the speedup over the host loader with 0 workers at the same device and batch size, " +
                           "peak GPU memory for CUDA cases, and the number of iterations measured.");
        var dataPath = DataPathSpeedup.Find(results).ToDictionary(s => (s.Machine, s.Case.FullName));
        foreach (var machine in results.Machines.Select(m => m.Label))
        {
            if (results.Machines.Count > 1)
                document.Heading(3, machine);
            var families = results.On(machine).GroupBy(r => r.Type)
                .OrderBy(g => g.Min(r => r.Workload.SortKey.Group)).ThenBy(g => Workload.FamilyLabel(g.Key));
            foreach (var family in families)
                document.Table(CaseTable(machine, family.OrderBy(CaseLabel.SortKey).ToList(), dataPath));
        }
        if (references.Notes.Count > 0)
        {
            document.Paragraph("About the reference rows:");
            document.Bullets(references.Notes);
        }
    }

    /// <summary>One benchmark class on one machine: a row per case, reference rows under the cases they match.</summary>
    private Table CaseTable(string machine, List<BenchmarkResult> cases,
        Dictionary<(string Machine, string FullName), DataPathSpeedup> dataPath)
    {
        var withReferences = cases.Any(c => references.For(c).Count > 0);
        var columns = new List<Column>
        {
            Column.Text(Workload.FamilyLabel(cases[0].Type)), Column.Number("Mean µs/image"), Column.Number("± 99.9 % CI µs"),
            Column.Number("images/s"), Column.Number("vs host, 0 workers"), Column.Number("Peak GPU MB"), Column.Number("n"),
        };
        if (withReferences)
            columns.Add(Column.Number("TorchSharp ÷ reference"));
        var table = new Table([.. columns]);
        foreach (var result in cases)
        {
            var speedup = dataPath.TryGetValue((machine, result.FullName), out var s)
                ? Numbers.Speedup(s.Speedup.Value) + (s.Loader.IsBaseline ? " (baseline)" : "")
                : "–";
            var cells = new List<string>
            {
                CaseLabel.WithinFamily(result), Numbers.Microseconds(result.Time.Mean), Error(result.Time),
                Numbers.PerSecond(result.ImagesPerSecond), speedup, Numbers.Megabytes(result.PeakGpuMemoryMb),
                Numbers.Integer(result.Time.N),
            };
            if (withReferences)
                cells.Add("");
            table.Add([.. cells]);
            foreach (var reference in references.For(result))
                table.AddSecondary(reference.Tool, Numbers.Microseconds(reference.Time.Mean), Error(reference.Time),
                    Numbers.PerSecond(reference.Time.ImagesPerSecond), "", "", Numbers.Integer(reference.Time.N),
                    Numbers.Speedup(result.ImagesPerSecond / reference.Time.ImagesPerSecond));
        }
        return table;
    }

    private void HowToRead()
    {
        document.Heading(2, "How these numbers were made");
        document.Bullets([
            "Each case is one BenchmarkDotNet benchmark whose operation is one step: one batch for cases with a batch size " +
            "(a training step, a forward pass, a batch delivered), one image for JPEG decoding. The report divides by the " +
            "batch size, so every time is nanoseconds per image and comparable across batch sizes.",
            "Mean and error come from BenchmarkDotNet's statistics (upper outliers removed); the error is the half-width " +
            "of the 99.9 % Student-t confidence interval of the mean. Reference rows get the same interval from their samples.",
            "Speedups divide means; their intervals divide the ends of the two confidence intervals, a conservative bound.",
            "To check a change for regressions, compare two result folders with `geoai compare --base A --diff B --threshold 5%`.",
        ]);
    }

    /// <summary>With several machines, a section's charts are grouped under a heading per machine that has any.</summary>
    private void MachineHeading(string machine, bool hasCharts)
    {
        if (results.Machines.Count > 1 && hasCharts)
            document.Heading(3, machine);
    }

    /// <summary>A file name no other chart of this report has (machine labels may differ only in punctuation).</summary>
    private string ChartId(string wanted)
    {
        var id = wanted;
        for (var n = 2; !chartIds.Add(id); n++)
            id = $"{wanted}-{n}";
        return id;
    }

    private void AddChart(Chart chart)
    {
        Charts.Add(chart);
        document.Figure(chart);
    }

    private void Omit(string sentence)
    {
        Omitted.Add(sentence);
        pendingOmissions.Add(sentence);
    }

    /// <summary>Ends a section: its left-out charts as one sentence, or a list when there are several.</summary>
    private void EndSection()
    {
        if (pendingOmissions.Count == 1)
            document.Paragraph(pendingOmissions[0]);
        else if (pendingOmissions.Count > 1)
        {
            document.Paragraph("Not drawn, for lack of data:");
            document.Bullets(pendingOmissions);
        }
        pendingOmissions.Clear();
    }

    private static string Error(TimeEstimate time) =>
        Numbers.Microseconds(time.Margin) +
        (Math.Abs(time.LevelPercent - TimeEstimate.DefaultLevelPercent) > 1e-9 ? $" ({Numbers.Significant(time.LevelPercent)} %)" : "");

    private static string Plural(int count) => count == 1 ? "" : "s";
}
