namespace GeoAI.Training;

/// <summary>One epoch: mean loss and accuracy of both phases, how long each took, and the training throughput.</summary>
public sealed record EpochMetrics(
    int Epoch,
    double TrainLoss,
    double TrainAccuracy,
    double ValLoss,
    double ValAccuracy,
    double TrainSeconds,
    double ValSeconds,
    double ElapsedSeconds,
    double TrainImagesPerSecond);

/// <summary>Where an epoch loop is, for progress bars.</summary>
public sealed record TrainingProgress(int Epoch, int Epochs, string Phase, int Step, int Steps, double ImagesPerSecond);
