namespace Sitrep.Entities;

/// <summary>Adds a feature's per-tag weights to the scores; a struct implementation lets the JIT inline it in the decoder.</summary>
internal interface IFeatureWeights
{
    void AddTo(uint feature, Span<float> scores);
}
