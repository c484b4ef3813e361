using System.Diagnostics;
using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using GeoAI.Bench.Rounds;
using GeoAI.Data;
using GeoAI.Runtime;

namespace GeoAI.Bench.Ab;

/// <summary>
/// One side of an A/B: a git revision of this repository (commit, branch, tag, HEAD), or the path of another checkout.
/// Either is copied into its own folder under the cache and built there, so the user's working tree is never
/// touched: a revision by <c>git archive</c> (exactly as committed; built once per commit), a checkout by copying the
/// files git tracks or would track (its uncommitted changes included; rebuilt incrementally every time).
/// </summary>
internal sealed record Revision(string Spec, string Description, string Key, string? Commit, string? CheckoutPath)
{
    /// <summary>What marks a GeoAI.Bench checkout.</summary>
    public const string SolutionFile = "GeoAI.Bench.sln";

    /// <param name="repository">This repository's root, for git revisions; null outside a checkout.</param>
    public static Revision Resolve(string spec, string? repository)
    {
        if (Directory.Exists(spec))
            return Checkout(spec);
        if (repository is null)
            throw new AbException($"'{spec}' is not a folder, and ab runs outside a GeoAI.Bench checkout, so it cannot be a revision");
        var (exitCode, commit) = GitCommand.Run(repository, "rev-parse", "--verify", "--quiet", $"{spec}^{{commit}}");
        if (exitCode != 0 || commit.Length == 0)
            throw new AbException($"'{spec}' is neither a folder nor a revision of {repository} (git rev-parse found no commit)");
        var subject = GitCommand.Run(repository, "log", "-1", "--format=%s", commit).Output;
        return new Revision(spec, $"{spec} ({commit[..10]}: {subject})", commit, commit, null);
    }

    private static Revision Checkout(string spec)
    {
        var path = Path.GetFullPath(spec);
        if (!File.Exists(Path.Combine(path, SolutionFile)) || !Path.Exists(Path.Combine(path, ".git")))
            throw new AbException($"{path}: is not a GeoAI.Bench checkout (it needs {SolutionFile} and a .git)");
        var head = GitCommand.Run(path, "rev-parse", "--short=10", "HEAD").Output;
        var dirty = GitCommand.Run(path, "status", "--porcelain").Output.Length > 0;
        var key = "checkout-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path)))[..12];
        return new Revision(spec, $"{path} (at {head}{(dirty ? ", with uncommitted changes" : "")})", key, null, path);
    }

    /// <summary>Where this revision is copied, built and its data cached.</summary>
    public string Folder => Path.Combine(CacheLocation.Root, "ab", Key);

    private string Tree => Path.Combine(Folder, "tree");

    /// <summary>Copies and builds the revision (once per commit); returns the program to launch cases with.</summary>
    /// <param name="repository">This repository, for <c>git archive</c>.</param>
    public BenchProgram Build(string? repository, string label)
    {
        var builtMarker = Path.Combine(Folder, "built");
        if (Commit is not null && File.Exists(builtMarker) && File.Exists(File.ReadAllText(builtMarker)))
            return BenchProgram.Built(label, File.ReadAllText(builtMarker));
        Export(repository);
        var log = Path.Combine(Folder, "build.log");
        var exitCode = RunBuild(log);
        var assembly = exitCode == 0 ? FindAssembly() : null;
        if (assembly is null)
            throw new AbException($"{Description} does not build: {LastError(log)} (full log: {log})");
        if (Commit is not null)
            File.WriteAllText(builtMarker, assembly);
        return BenchProgram.Built(label, assembly);
    }

    private void Export(string? repository)
    {
        Directory.CreateDirectory(Folder);
        if (Commit is not null)
        {
            if (Directory.Exists(Tree))
                Directory.Delete(Tree, recursive: true);
            Directory.CreateDirectory(Tree);
            using var archive = GitCommand.Archive(repository!, Commit);
            TarFile.ExtractToDirectory(archive.StandardOutput.BaseStream, Tree, overwriteFiles: true);
            archive.WaitForExit();
            if (archive.ExitCode != 0)
                throw new AbException($"{Description}: git archive failed: {archive.StandardError.ReadToEnd().Trim()}");
            return;
        }
        CheckoutCopy.Sync(CheckoutPath!, Tree);
    }

    /// <summary>
    /// The same backend as this program, and warnings left as warnings: an older revision under a newer SDK (or CI=true)
    /// must still build, since ab measures it rather than reviews it.
    /// </summary>
    private int RunBuild(string log)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["build", Path.Combine(Tree, "bench", "GeoAI.Bench.csproj"), "-c", "Release", "-nologo",
                     "-v:q", $"-p:TorchBackend={TorchBackend.Name}", "-p:TreatWarningsAsErrors=false"])
            start.ArgumentList.Add(arg);
        using var build = Process.Start(start) ?? throw new AbException("dotnet could not be started");
        var error = build.StandardError.ReadToEndAsync();
        var output = build.StandardOutput.ReadToEnd();
        build.WaitForExit();
        File.WriteAllText(log, output + error.Result);
        return build.ExitCode;
    }

    private string? FindAssembly()
    {
        var bin = Path.Combine(Tree, "bench", "bin");
        return Directory.Exists(bin)
            ? Directory.EnumerateFiles(bin, "GeoAI.Bench.dll", SearchOption.AllDirectories)
                .Where(f => f.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            : null;
    }

    private static string LastError(string log)
    {
        var lines = File.ReadAllLines(log);
        return lines.LastOrDefault(l => l.Contains(": error ", StringComparison.Ordinal))?.Trim()
               ?? lines.LastOrDefault(l => l.Trim().Length > 0)?.Trim()
               ?? "dotnet build failed without output";
    }
}
