namespace Sitrep.Cleaning.Html;

/// <summary>What <see cref="MainContentFinder"/> measures and scores for one element; a slot per node of the tree.</summary>
internal struct ElementStats
{
    /// <summary>The element is visible and inside the body: the other fields are set.</summary>
    public bool Measured;

    public int TextChars;
    public int LinkChars;
    public double Score;
    public bool Candidate;

    /// <summary>Characters of scored paragraphs under the element, each weighed by its share of text outside links.</summary>
    public double ProseChars;
    public int Commas;

    /// <summary>Text outside block children: what an old template writes straight into a container.</summary>
    public int DirectChars;
    public int DirectCommas;

    public bool ReasonKnown;
    public Documents.RemovalReason? Reason;

    /// <summary>Some ancestor below the body is furniture.</summary>
    public bool InsideBoilerplate;

    /// <summary>The element is a footer (the tag or role=contentinfo) or inside one.</summary>
    public bool InFooter;

    /// <summary>The class and id words (<see cref="HtmlVocabulary.Names"/>), once read.</summary>
    public string? Names;
}
