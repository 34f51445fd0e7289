using Lingua;
using Sitrep.Pipeline;

namespace Sitrep.Text;

/// <summary>Detects the body's language (ISO 639-1) with Lingua's n-gram models, shipped in its package.</summary>
public sealed class LanguageStage : IDocumentStage
{
    /// <summary>A few hundred characters decide the language of a news article; more only costs time.</summary>
    private const int SampleLength = 600;

    /// <summary>Below this many letters Lingua's documentation says detection in its fast mode is unreliable.</summary>
    private const int ShortSampleLetters = 120;

    /// <summary>On a short sample, the confidence (0..1, summing to 1 over languages) the leading language needs.</summary>
    private const double MinShortConfidence = 0.9;

    private static readonly Lazy<LanguageDetector> Detector = new(
        () => LanguageDetectorBuilder.FromAllSpokenLanguages().WithLowAccuracyMode().Build(),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public string Name => "language";

    /// <summary>Bump when detection changes; Lingua's package version is part of it.</summary>
    public string Version => "2+lingua" + typeof(LanguageDetector).Assembly.GetName().Version;

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
        int letters = 0;
        foreach (char c in sample)
        {
            if (char.IsLetter(c))
                letters++;
        }
        if (letters < 12)
            return null;
        if (EnglishFastPath.IsEnglish(sample))
            return "en";
        if (text.Length > SampleLength
            && EnglishFastPath.IsEnglishPastOpening(sample, text.AsSpan(0, Math.Min(text.Length, EnglishFastPath.WideLength))))
        {
            return "en";
        }
        Language language;
        if (letters < ShortSampleLetters)
        {
            // Lingua's fast mode is unreliable on short text ("Russian troops shelled Kharkiv on June 1."
            // came out Danish); a brief counts as unknown unless one language is clearly ahead, so that
            // an English brief is not kept from the English tagger.
            var confidences = Detector.Value.ComputeLanguageConfidenceValues(sample);
            var top = confidences.FirstOrDefault();
            if (top.Value < MinShortConfidence)
                return null;
            language = top.Key;
        }
        else
        {
            language = Detector.Value.DetectLanguageOf(sample);
        }
        return language == Language.Unknown ? null : LanguageInfo.IsoCode6391(language).ToString().ToLowerInvariant();
    }
}
