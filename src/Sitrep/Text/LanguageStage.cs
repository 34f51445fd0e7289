using Lingua;
using Sitrep.Pipeline;

namespace Sitrep.Text;

/// <summary>Detects the body's language (ISO 639-1) with Lingua's n-gram models, shipped in its package.</summary>
public sealed class LanguageStage : IDocumentStage
{
    /// <summary>A few hundred characters decide the language of a news article; more only costs time.</summary>
    private const int SampleLength = 600;

    private static readonly Lazy<LanguageDetector> Detector = new(
        () => LanguageDetectorBuilder.FromAllSpokenLanguages().WithLowAccuracyMode().Build(),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public string Name => "language";

    /// <summary>Bump when detection changes; Lingua's package version is part of it.</summary>
    public string Version => "1+lingua" + typeof(LanguageDetector).Assembly.GetName().Version;

    public IReadOnlyList<Layer> Requires { get; } = [CoreLayers.Body];

    public IReadOnlyList<Layer> Produces { get; } = [CoreLayers.Language];

    public void Process(DocumentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Set(CoreLayers.Language, new Documents.DetectedLanguage(Detect(context.Text)));
    }

    public static string? Detect(string text)
    {
        var sample = text.Length > SampleLength ? text[..SampleLength] : text;
        if (sample.Count(char.IsLetter) < 12)
            return null;
        if (EnglishFastPath.IsEnglish(sample))
            return "en";
        var language = Detector.Value.DetectLanguageOf(sample);
        return language == Language.Unknown ? null : LanguageInfo.IsoCode6391(language).ToString().ToLowerInvariant();
    }
}
