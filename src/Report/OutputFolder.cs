namespace GeoAI.Report;

/// <summary>Puts a finished output folder in place of the previous one, so a reader never sees half of each.</summary>
public static class OutputFolder
{
    /// <summary>
    /// Moves <paramref name="staging"/> (a sibling of <paramref name="target"/>, fully written) to <paramref name="target"/>.
    /// A previous <paramref name="target"/> is moved aside first and restored if the move fails, then deleted.
    /// </summary>
    public static void Replace(string staging, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(staging, target);
            return;
        }
        var previous = $"{staging}.previous";
        Directory.Move(target, previous);
        try
        {
            Directory.Move(staging, target);
        }
        catch
        {
            Directory.Move(previous, target);
            throw;
        }
        Directory.Delete(previous, recursive: true);
    }
}
