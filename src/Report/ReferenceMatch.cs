using GeoAI.Report.Reference;
using GeoAI.Report.Results;

namespace GeoAI.Report;

/// <summary>
/// Pairs reference cases (PyTorch eager) with the TorchSharp cases they measured the same work as, on the same machine
/// (every such case: a resident fp32 case is the peer of a loader-sweep case and of a precision-sweep case).
/// A reference file names its machine; when the results come from one machine only, a reference with another name is
/// still paired, with a note, since the label is often just a host name typed differently.
/// </summary>
internal sealed class ReferenceMatch
{
    private readonly Dictionary<(string Machine, string FullName), List<ReferenceCase>> byCase = [];

    public List<string> Notes { get; } = [];

    public ReferenceMatch(ResultSet results, IReadOnlyList<ReferenceCase> references)
    {
        foreach (var reference in references)
        {
            var machine = results.Machines.FirstOrDefault(m => string.Equals(m.Label, reference.Machine, StringComparison.OrdinalIgnoreCase))?.Label;
            if (machine is null && results.Machines.Count == 1)
            {
                machine = results.Machines[0].Label;
                Notes.Add($"Reference {reference.Tool} case ({reference.Describe()}) names machine '{reference.Machine}', " +
                          $"the results come from '{machine}' only: shown beside it.");
            }
            if (machine is null)
            {
                Notes.Add($"Reference {reference.Tool} case ({reference.Describe()}) is not shown: its machine " +
                          $"'{reference.Machine}' is none of the result machines.");
                continue;
            }
            var matches = results.On(machine).Where(reference.Matches).ToList();
            if (matches.Count == 0)
                Notes.Add($"Reference {reference.Tool} case ({reference.Describe()}) is not shown: no TorchSharp case " +
                          $"on '{machine}' measured the same work.");
            foreach (var match in matches)
            {
                if (!byCase.TryGetValue((match.Machine, match.FullName), out var list))
                    byCase[(match.Machine, match.FullName)] = list = [];
                list.Add(reference);
            }
        }
    }

    public IReadOnlyList<ReferenceCase> For(BenchmarkResult result) =>
        byCase.TryGetValue((result.Machine, result.FullName), out var list) ? list : [];
}
