namespace Sitrep.Pipeline;

/// <summary>
/// A model or table a stage reads, loaded when the stage first runs, with the hash its version names
/// known without loading it: every command builds the pipeline (stage versions, codecs), few run the
/// stages, and loading the shipped model and tables took a second of each command's start-up.
/// </summary>
internal sealed class StageResource<T>
    where T : class
{
    private readonly Lazy<T> _value;
    private readonly Func<string> _hash;

    private StageResource(Lazy<T> value, Func<string> hash)
    {
        _value = value;
        _hash = hash;
    }

    public T Value => _value.Value;

    public string Hash => _hash();

    /// <summary>One the caller loaded.</summary>
    public static StageResource<T> Given(T value, Func<T, string> hash)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(new Lazy<T>(value), () => hash(value));
    }

    /// <summary>The shipped one: <paramref name="load"/> on first use; <paramref name="hash"/> must give what the loaded one's hash is.</summary>
    public static StageResource<T> Shipped(Func<T> load, Func<string> hash) =>
        new(new Lazy<T>(load, LazyThreadSafetyMode.ExecutionAndPublication), hash);
}
