namespace GeoAI.Training;

/// <summary>How the learning rate moves during a run.</summary>
public enum LearningRateSchedule
{
    /// <summary>The chapter's: the SGD learning rate throughout.</summary>
    Constant,

    /// <summary>
    /// One cycle over the whole run, stepped after every update (PyTorch's <c>OneCycleLR</c>, cosine, 30 % warm-up):
    /// from lr/25 up to the SGD learning rate, then down to lr/25/10⁴. Momentum stays at the SGD setting.
    /// </summary>
    OneCycle,
}
