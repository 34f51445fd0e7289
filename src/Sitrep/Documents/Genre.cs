namespace Sitrep.Documents;

public enum Genre
{
    /// <summary>Reports events.</summary>
    News,

    /// <summary>Argues a view: op-ed, column, editorial, advocacy.</summary>
    Opinion,

    /// <summary>Explains: an expert's or think tank's piece.</summary>
    Analysis,
}
