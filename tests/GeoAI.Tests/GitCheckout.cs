namespace GeoAI.Tests;

/// <summary>
/// The commit checked out at the repository root, read from the .git files themselves: the tests run inside the compat
/// runtime, which has no git. Handles a worktree (.git is a file naming its folder), loose refs and packed refs.
/// </summary>
internal static class GitCheckout
{
    /// <summary>
    /// HEAD, for a test that compares it with the commit a program baked in; null only for a source archive (no .git at
    /// all), which has no commit to compare. A .git whose HEAD cannot be read fails the test instead of skipping the check.
    /// </summary>
    public static string? HeadUnlessSourceArchive()
    {
        var head = Head();
        Assert.True(head is not null || !Path.Exists(Path.Combine(RepoPaths.Root, ".git")),
            $"{RepoPaths.Root} has a .git, but its HEAD could not be read");
        return head;
    }

    /// <summary>The full hash of HEAD; null when the checkout has no .git (a source archive) or its HEAD cannot be read.</summary>
    public static string? Head()
    {
        var dotGit = Path.Combine(RepoPaths.Root, ".git");
        var gitDir = Directory.Exists(dotGit) ? dotGit
            : File.Exists(dotGit) ? Path.GetFullPath(File.ReadAllText(dotGit).Trim()["gitdir:".Length..].Trim(), RepoPaths.Root)
            : null;
        if (gitDir is null)
            return null;
        var commonDir = File.Exists(Path.Combine(gitDir, "commondir"))
            ? Path.GetFullPath(File.ReadAllText(Path.Combine(gitDir, "commondir")).Trim(), gitDir)
            : gitDir;
        var head = File.ReadAllText(Path.Combine(gitDir, "HEAD")).Trim();
        if (!head.StartsWith("ref: ", StringComparison.Ordinal))
            return head;
        var reference = head["ref: ".Length..];
        foreach (var folder in new[] { gitDir, commonDir })
            if (File.Exists(Path.Combine(folder, reference)))
                return File.ReadAllText(Path.Combine(folder, reference)).Trim();
        var packed = Path.Combine(commonDir, "packed-refs");
        return File.Exists(packed)
            ? File.ReadLines(packed).Select(l => l.Split(' ')).FirstOrDefault(p => p.Length == 2 && p[1] == reference)?[0]
            : null;
    }
}
