namespace GeoAI.Training;

/// <summary>The optimiser settings; the defaults are the chapter's (SGD, lr 0.01, momentum 0.9, no weight decay).</summary>
public sealed record SgdSettings(double LearningRate = 0.01, double Momentum = 0.9, double WeightDecay = 0);
