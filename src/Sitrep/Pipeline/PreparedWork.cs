using System.Runtime.CompilerServices;

namespace Sitrep.Pipeline;

/// <summary>
/// What a cross-document stage worked out ahead for a document on the analysing threads
/// (<see cref="ICrossDocumentStage.Prepare"/>), kept until the storing thread takes it. Keyed by the document's text
/// itself (the instance, not its characters): the document the store hands back after saving it is a copy that shares
/// that text, and a document never stored (a duplicate, a failure) lets its entry go with its text. Thread-safe.
/// </summary>
internal sealed class PreparedWork<T>
    where T : class
{
    private readonly ConditionalWeakTable<string, T> _byText = [];
    private int _taken;

    /// <summary>How many prepared works have been taken so far: lets tests tell work made ahead from work made again.</summary>
    internal int Taken => Volatile.Read(ref _taken);

    /// <summary>Keeps <paramref name="work"/> for the document whose text is <paramref name="text"/> (nothing for an empty text).</summary>
    public void Put(string? text, T work)
    {
        if (!string.IsNullOrEmpty(text))
            _byText.AddOrUpdate(text, work);
    }

    /// <summary>The work kept for this text, taken out (used once); null when none was prepared.</summary>
    public T? Take(string? text)
    {
        if (string.IsNullOrEmpty(text) || !_byText.TryGetValue(text, out var work))
            return null;
        if (!_byText.Remove(text))
            return null;
        Interlocked.Increment(ref _taken);
        return work;
    }
}
