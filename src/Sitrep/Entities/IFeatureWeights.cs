namespace Sitrep.Entities;

/// <summary>Adds a feature's per-tag weights to the scores; a struct implementation lets the JIT inline it in the decoder.</summary>
internal interface IFeatureWeights
{
    void AddTo(uint feature, Span<float> scores);

    /// <summary>Adds the row a look-up made earlier found (<see cref="FeatureTable.RowsOf"/>): the same sums as <see cref="AddTo"/> of its feature.</summary>
    void AddRow(int row, Span<float> scores);
}
