namespace Sitrep.Entities;

/// <summary>Span-level precision, recall and F1 (exact match of boundaries and type), as conlleval counts them.</summary>
public sealed record NerScore(int TruePositives, int Predicted, int Gold)
{
    public double Precision => Predicted == 0 ? 0 : (double)TruePositives / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)TruePositives / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static NerScore Compute(IReadOnlyList<string[]> gold, IReadOnlyList<string[]> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        int tp = 0, np = 0, ng = 0;
        for (int s = 0; s < gold.Count; s++)
        {
            var g = BioTags.Chunks(gold[s]).ToHashSet();
            var p = BioTags.Chunks(predicted[s]);
            ng += g.Count;
            np += p.Count;
            tp += p.Count(g.Contains);
        }
        return new NerScore(tp, np, ng);
    }
}
