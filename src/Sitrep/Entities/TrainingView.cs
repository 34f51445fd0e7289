namespace Sitrep.Entities;

/// <summary>Lets the decoder read the weights being trained through the same generic path as a finished model.</summary>
internal readonly struct TrainingView(TrainingWeights weights) : IFeatureWeights
{
    public void AddTo(uint feature, Span<float> scores) => weights.AddTo(feature, scores);
}
