using System.Globalization;
using System.Text;
using Sitrep.Stories;

namespace Sitrep.Tests.Stories;

/// <summary>
/// Term weights as the store keeps them: rounded, written and read without the number formatter and parser for nearly
/// every weight, and each to the bit what the formatter ("0.######") and parser make of it, so a store written or read
/// by this build is the one written before; the heaviest terms picked as the sort by weight and term picks them.
/// </summary>
public sealed class StoryVectorsTests
{
    private static string Formatted(double weight) => weight.ToString("0.######", CultureInfo.InvariantCulture);

    private static double Parsed(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Weights of every kind grouping makes and a few it never does: unit-vector weights, sums of many, tiny ones, halves of a millionth and their neighbours, and what is not a number.</summary>
    private static IEnumerable<double> Weights()
    {
        var random = new Random(20261206);
        for (int i = 0; i < 600_000; i++)
            yield return random.NextDouble();
        for (int i = 0; i < 600_000; i++)
            yield return Math.Pow(10, (random.NextDouble() * 14) - 10);
        for (int i = 0; i < 200_000; i++)
        {
            // The millionths' halves, exactly as a double nears them, and a few units in the last place either side.
            double half = (random.Next(0, 2_000_000_000) + 0.5) / 1e6;
            yield return half;
            yield return Math.BitIncrement(half);
            yield return Math.BitDecrement(half);
            yield return Math.BitIncrement(Math.BitIncrement(half));
            yield return Math.BitDecrement(Math.BitDecrement(half));
        }
        for (int k = 0; k < 100_000; k++)
        {
            // Weights that are already whole millionths (every weight read back), and their neighbours.
            double whole = k / 1e6 * 7;
            yield return whole;
            yield return Math.BitIncrement(whole);
            yield return Math.BitDecrement(whole);
        }
        foreach (double w in (double[])[0, -0.0, -0.5, -1e-7, 1e-7, 4.9999999e-7, 5e-7, 5.0000001e-7, 999.9999994, 999.9999995, 999.9999996,
            1000, 1000.5, 1e12, 123456789.123456, double.Epsilon, double.MaxValue, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3])
            yield return w;
    }

    [Fact]
    public void A_weight_is_rounded_to_the_bit_as_its_six_decimal_text_reads_back()
    {
        int checkedWeights = 0, mismatches = 0;
        string? first = null;
        foreach (double w in Weights())
        {
            checkedWeights++;
            double expected = Parsed(Formatted(w));
            double actual = StoryVectors.Round(w);
            if (BitConverter.DoubleToInt64Bits(expected) != BitConverter.DoubleToInt64Bits(actual) && !(double.IsNaN(expected) && double.IsNaN(actual)))
            {
                mismatches++;
                first ??= $"{w:R}: {expected:R} expected, {actual:R} made";
            }
        }
        Assert.True(mismatches == 0, $"{mismatches} of {checkedWeights} weights rounded otherwise, first {first}");
        Assert.True(checkedWeights > 2_000_000);
    }

    [Fact]
    public void A_vector_is_written_as_the_formatter_writes_each_weight_and_read_back_as_the_parser_reads_it()
    {
        var weights = Weights().Where(w => !double.IsNaN(w)).ToList();
        for (int start = 0; start < weights.Count; start += 5_000)
        {
            var vector = new Dictionary<string, double>(StringComparer.Ordinal);
            for (int i = start; i < Math.Min(weights.Count, start + 5_000); i++)
                vector["t" + i.ToString(CultureInfo.InvariantCulture)] = weights[i];
            var expected = new StringBuilder();
            foreach (var (term, w) in vector.OrderBy(p => p.Key, StringComparer.Ordinal))
                expected.Append(term).Append(' ').Append(Formatted(w)).Append('\n');
            string written = StoryVectors.Write(vector);
            Assert.Equal(expected.ToString(), written);

            var read = StoryVectors.Read(Encoding.UTF8.GetBytes(written));
            Assert.Equal(vector.Count, read.Count);
            foreach (var (term, w) in vector)
                Assert.Equal(BitConverter.DoubleToInt64Bits(Parsed(Formatted(w))), BitConverter.DoubleToInt64Bits(read[term]));
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("7")]
    [InlineData("0.5")]
    [InlineData(".5")]
    [InlineData("0.000001")]
    [InlineData("0.1234567")]
    [InlineData("123456789.123456")]
    [InlineData("1234567890.123456")]
    [InlineData("1e-7")]
    [InlineData("-0.25")]
    [InlineData("-0")]
    [InlineData("12.")]
    [InlineData("0.30000000000000004")]
    public void A_weight_in_any_text_the_parser_takes_is_read_as_the_parser_reads_it(string text)
    {
        var read = StoryVectors.Read(Encoding.UTF8.GetBytes("term " + text + "\n"));
        Assert.Equal(BitConverter.DoubleToInt64Bits(Parsed(text)), BitConverter.DoubleToInt64Bits(read["term"]));
    }

    [Fact]
    public void The_heaviest_terms_are_those_the_sort_by_weight_then_term_takes_in_its_order()
    {
        var random = new Random(41);
        foreach (int size in (int[])[0, 1, 5, 12, 13, 99, 100, 101, 350, 1_000])
        {
            foreach (int count in (int[])[0, 1, 12, 100, 300])
            {
                var terms = new Dictionary<string, double>(StringComparer.Ordinal);
                for (int i = 0; i < size; i++)
                {
                    // Few distinct weights, so that many ties fall to the terms' order.
                    terms["w" + random.Next(0, 100_000).ToString(CultureInfo.InvariantCulture)] = random.Next(0, 20) / 7.0;
                }
                var expected = terms.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(count).ToList();
                Assert.Equal(expected, StoryGrouper.Strongest(terms, count));
            }
        }
    }
}
