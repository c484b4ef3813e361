using System.Collections.Immutable;
using BenchmarkDotNet.Validators;

namespace GeoAI.Bench.Benchmarks.Infrastructure;

/// <summary>Fails the run when a benchmark belongs to none of the mandatory categories (dotnet/performance's rule).</summary>
public sealed class MandatoryCategoryValidator(ImmutableHashSet<string> mandatory) : IValidator
{
    public bool TreatsWarningsAsErrors => true;

    public IEnumerable<ValidationError> Validate(ValidationParameters validationParameters) =>
        validationParameters.Benchmarks
            .Where(b => !b.Descriptor.Categories.Any(mandatory.Contains))
            .Select(b => b.Descriptor.Type.Name + "." + b.Descriptor.WorkloadMethod.Name)
            .Distinct()
            .Select(name => new ValidationError(isCritical: true,
                $"{name} belongs to none of the mandatory categories ({string.Join(", ", mandatory)}): add [BenchmarkCategory(Categories.…)]"));
}
