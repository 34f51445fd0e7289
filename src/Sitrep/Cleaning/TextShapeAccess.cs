namespace Sitrep.Cleaning;

/// <summary>The word counting the cleaner uses, for stages that must count the same way.</summary>
public static class TextShapeAccess
{
    public static int CountWords(string text) => TextShape.CountWords(text);
}
