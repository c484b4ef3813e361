namespace GeoAI.Report.History;

/// <summary>
/// E-Divisive means (Matteson and James, "A nonparametric approach for multiple change point analysis of multivariate
/// data", JASA 2014) with α = 1, in the form MongoDB's performance CI uses (Daly et al., "Change Point Detection in
/// Software Performance Testing", ICPE 2020): the split that maximises the energy-distance statistic Q̂ between the two
/// sides of a segment is tested by permuting the segment's values; while a split is significant, it is kept and the
/// segments on either side are searched again (hierarchical bisection). It assumes no distribution and no number of
/// changes, which suits benchmark times: skewed, and regressing at unknown commits.
/// </summary>
internal static class EDivisive
{
    /// <param name="Index">The first point after the change.</param>
    /// <param name="PValue">The permutation test's p-value, (1 + permutations at least as extreme) / (1 + permutations).</param>
    public sealed record Split(int Index, double PValue);

    /// <param name="values">The series in time order.</param>
    /// <param name="canSplitBefore">Whether a change may fall just before this index (between two commits, not inside one).</param>
    /// <param name="minimumSegment">Points each side of a split must keep at least.</param>
    /// <param name="permutations">Permutations per test; p can go no lower than 1 / (1 + permutations).</param>
    /// <param name="significance">A split is kept when its p-value is at most this.</param>
    /// <param name="random">Seeded, so the same series always gives the same answer.</param>
    /// <returns>The kept splits, by index.</returns>
    public static IReadOnlyList<Split> Find(IReadOnlyList<double> values, Func<int, bool> canSplitBefore, int minimumSegment,
        int permutations, double significance, Random random)
    {
        var boundaries = new List<int> { 0, values.Count };
        var splits = new List<Split>();
        while (true)
        {
            (int Start, int End, int Index, double Q)? best = null;
            for (var b = 0; b + 1 < boundaries.Count; b++)
            {
                var (start, end) = (boundaries[b], boundaries[b + 1]);
                var segment = values.Skip(start).Take(end - start).ToArray();
                var (index, q) = BestSplit(segment, i => canSplitBefore(start + i), minimumSegment);
                if (index > 0 && (best is null || q > best.Value.Q))
                    best = (start, end, start + index, q);
            }
            if (best is not { } found)
                break;
            var segmentValues = values.Skip(found.Start).Take(found.End - found.Start).ToArray();
            var p = PermutationPValue(segmentValues, i => canSplitBefore(found.Start + i), minimumSegment, found.Q,
                permutations, significance, random);
            if (p > significance)
                break;
            splits.Add(new Split(found.Index, p));
            boundaries.Add(found.Index);
            boundaries.Sort();
        }
        return splits.OrderBy(s => s.Index).ToList();
    }

    /// <summary>
    /// The split τ of <paramref name="z"/> with the largest Q̂ over τ and the end κ of its right side:
    /// Q̂(τ, κ) = τ(κ−τ)/κ · [2/(τ(κ−τ)) Σ|xᵢ−yⱼ| − Σ|xᵢ−xₖ|/C(τ,2) − Σ|yⱼ−yₖ|/C(κ−τ,2)], x = z[0..τ), y = z[τ..κ).
    /// Letting κ fall short of the end finds a step that is undone later (a regression and its fix), which a split of
    /// the whole segment blurs. (−1, 0) when no split is allowed. O(n²) time and memory.
    /// </summary>
    internal static (int Index, double Q) BestSplit(double[] z, Func<int, bool> allowed, int minimumSegment)
    {
        var n = z.Length;
        var m = Math.Max(1, minimumSegment);
        // within[a, b]: the sum of distances among z[a..b), built up one point at a time.
        var within = new double[n + 1, n + 1];
        for (var b = 2; b <= n; b++)
        {
            var column = 0.0;
            for (var a = b - 2; a >= 0; a--)
            {
                column += Math.Abs(z[a] - z[b - 1]);
                within[a, b] = within[a, b - 1] + column;
            }
        }
        var best = (Index: -1, Q: 0.0);
        for (var t = m; t <= n - m; t++)
        {
            if (!allowed(t))
                continue;
            for (var k = t + m; k <= n; k++)
            {
                double a = t, b = k - t;
                var cross = within[0, k] - within[0, t] - within[t, k];
                var inside = (a > 1 ? within[0, t] / (a * (a - 1) / 2) : 0) + (b > 1 ? within[t, k] / (b * (b - 1) / 2) : 0);
                var q = a * b / k * (2 * cross / (a * b) - inside);
                if (best.Index < 0 || q > best.Q)
                    best = (t, q);
            }
        }
        return best;
    }

    /// <summary>
    /// How often the segment's values, shuffled, split at least as well as they do in time order. Stops as soon as the
    /// answer can no longer be significant, so a quiet series costs a few permutations, not all of them.
    /// </summary>
    private static double PermutationPValue(double[] segment, Func<int, bool> allowed, int minimumSegment, double observed,
        int permutations, double significance, Random random)
    {
        // Q̂ is a sum of many terms: a shuffle that rebuilds the same split must count as "as extreme", rounding aside.
        var atLeast = observed - 1e-9 * Math.Abs(observed);
        var shuffled = (double[])segment.Clone();
        var extreme = 0;
        for (var r = 0; r < permutations; r++)
        {
            Shuffle(shuffled, random);
            if (BestSplit(shuffled, allowed, minimumSegment).Q >= atLeast)
                extreme++;
            if ((1.0 + extreme) / (1 + permutations) > significance)
                return (1.0 + extreme) / (1 + permutations);
        }
        return (1.0 + extreme) / (1 + permutations);
    }

    private static void Shuffle(double[] values, Random random)
    {
        for (var i = values.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}
