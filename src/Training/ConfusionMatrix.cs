namespace GeoAI.Training;

/// <summary>Counts of (true class, predicted class) over a validation pass, with the usual ratios.</summary>
public sealed class ConfusionMatrix
{
    private readonly long[,] counts;

    public ConfusionMatrix(int classes) => counts = new long[classes, classes];

    public int Classes => counts.GetLength(0);

    public long this[int truth, int predicted] => counts[truth, predicted];

    public long Total { get; private set; }

    /// <summary>Adds counts laid out row-major as truth * classes + predicted (what a bincount of that index gives).</summary>
    public void AddFlat(ReadOnlySpan<long> flat)
    {
        if (flat.Length != Classes * Classes)
            throw new ArgumentException($"expected {Classes * Classes} counts, got {flat.Length}", nameof(flat));
        for (var i = 0; i < flat.Length; i++)
        {
            counts[i / Classes, i % Classes] += flat[i];
            Total += flat[i];
        }
    }

    public double Accuracy => Total == 0 ? 0 : Enumerable.Range(0, Classes).Sum(c => (double)counts[c, c]) / Total;

    /// <summary>Of the samples predicted as <paramref name="c"/>, the share that were; NaN when none was predicted.</summary>
    public double Precision(int c)
    {
        var predicted = Enumerable.Range(0, Classes).Sum(t => counts[t, c]);
        return predicted == 0 ? double.NaN : (double)counts[c, c] / predicted;
    }

    /// <summary>Of the samples of class <paramref name="c"/>, the share found; NaN when the class has none.</summary>
    public double Recall(int c)
    {
        var actual = Enumerable.Range(0, Classes).Sum(p => counts[c, p]);
        return actual == 0 ? double.NaN : (double)counts[c, c] / actual;
    }

    public long[][] ToRows() =>
        Enumerable.Range(0, Classes).Select(t => Enumerable.Range(0, Classes).Select(p => counts[t, p]).ToArray()).ToArray();
}
