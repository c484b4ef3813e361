using System.CommandLine;
using GeoAI.Models;

namespace GeoAI.Bench.Commands;

/// <summary><c>--model</c> and its <c>--mode</c> (see <see cref="CommonOptions.Model"/>), and what they chose.</summary>
internal sealed record ModelOptions(Option<IModelSpec> Model, Option<TrainingMode?> Mode)
{
    public IModelSpec SpecOf(ParseResult parse) => parse.GetValue(Model)!;

    /// <summary>The mode asked for, or the model's first mode (the chapter's: frozen for VGG11-BN, full for the CNNs).</summary>
    public TrainingMode ModeOf(ParseResult parse) => parse.GetValue(Mode) ?? SpecOf(parse).Modes[0];
}
