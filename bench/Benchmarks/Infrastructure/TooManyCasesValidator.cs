using BenchmarkDotNet.Validators;

namespace GeoAI.Bench.Benchmarks.Infrastructure;

/// <summary>
/// Fails the run when one benchmark method would run more cases than <see cref="Limit"/> after filtering. Parameters
/// multiply: one more value on VGG's sweep adds dozens of multi-second cases, so growth has to be a decision.
/// </summary>
public sealed class TooManyCasesValidator : IValidator
{
    /// <summary>The largest sweep, VGG11-BN on a GPU box with --exhaustive, runs 72 cases; this leaves little headroom.</summary>
    public const int Limit = 80;

    public bool TreatsWarningsAsErrors => true;

    public IEnumerable<ValidationError> Validate(ValidationParameters validationParameters) =>
        validationParameters.Benchmarks
            .GroupBy(b => (b.Descriptor.Type, b.Descriptor.WorkloadMethod, b.Job))
            .Where(group => group.Count() > Limit)
            .Select(group => new ValidationError(isCritical: true,
                $"{group.Key.Type.Name}.{group.Key.WorkloadMethod.Name} has {group.Count()} cases; at most {Limit} are allowed. " +
                "Narrow the [Params] or add a rule to SweepRules.",
                group.First()));
}
