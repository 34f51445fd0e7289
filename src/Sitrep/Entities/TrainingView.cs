namespace Sitrep.Entities;

/// <summary>Lets the decoder read the weights being trained through the same generic path as a finished model.</summary>
internal readonly struct TrainingView(TrainingWeights weights) : IFeatureWeights
{
    public void AddTo(uint feature, Span<float> scores) => weights.AddTo(feature, scores);

    /// <summary>Training looks every feature up as it goes; rows found ahead are a finished model's.</summary>
    public void AddRow(int row, Span<float> scores) => throw new NotSupportedException();

    public void RowsOf(ReadOnlySpan<uint> features, Span<int> rows) => throw new NotSupportedException();

    public void Prefetch(int row)
    {
    }
}
