using Sitrep.Entities;
using Xunit;

namespace Sitrep.Tests.Entities;

/// <summary>
/// The tagger's scores come from adding each token's weight rows: the shipped model's 17 tags take a path of
/// their own (sums kept in registers), which must give the same sums, to the bit, as adding the rows one by
/// one in order from zero; a change of one bit changes which tag wins a near tie.
/// </summary>
public sealed class FeatureTableTests
{
    [Theory]
    [InlineData(17, 46)]
    [InlineData(17, 1)]
    [InlineData(9, 46)]
    public void EachTokenScoresTheSumOfItsRowsInOrder(int tags, int perToken)
    {
        var random = new Random(7);
        const int keys = 300, tokens = 5;
        var weights = new float[keys * tags];
        for (int i = 0; i < weights.Length; i++)
            weights[i] = (float)(random.NextDouble() * 2 - 1) * MathF.Pow(10, random.Next(-4, 3));
        var table = new FeatureTable([.. Enumerable.Range(1, keys).Select(k => (uint)k)], weights, tags);
        // Some rows missing (-1), as for features the model never saw.
        var rows = new int[tokens * perToken];
        for (int i = 0; i < rows.Length; i++)
            rows[i] = random.Next(5) == 0 ? -1 : random.Next(keys);
        var scores = new float[tokens * tags];
        Array.Fill(scores, float.NaN);

        table.AddRows(rows, perToken, scores);

        for (int t = 0; t < tokens; t++)
        {
            for (int tag = 0; tag < tags; tag++)
            {
                float expected = 0;
                for (int j = 0; j < perToken; j++)
                {
                    int r = rows[t * perToken + j];
                    if (r >= 0)
                        expected += weights[r * tags + tag];
                }
                Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(scores[t * tags + tag]));
            }
        }
    }
}
