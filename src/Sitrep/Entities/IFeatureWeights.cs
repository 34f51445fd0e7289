namespace Sitrep.Entities;

/// <summary>Adds a feature's per-tag weights to the scores; a struct implementation lets the JIT inline it in the decoder.</summary>
internal interface IFeatureWeights
{
    void AddTo(uint feature, Span<float> scores);

    /// <summary>Adds the row a look-up made earlier found (<see cref="FeatureTable.RowsOf"/>): the same sums as <see cref="AddTo"/> of its feature.</summary>
    void AddRow(int row, Span<float> scores);

    /// <summary>The row of each feature, -1 for one the model lacks (<see cref="FeatureTable.RowsOf"/>: the look-ups made together).</summary>
    void RowsOf(ReadOnlySpan<uint> features, Span<int> rows);

    /// <summary>Asks the processor for a row's weights ahead of <see cref="AddRow"/> (nothing for a row below 0).</summary>
    void Prefetch(int row);
}
