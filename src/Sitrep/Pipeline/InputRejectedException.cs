namespace Sitrep.Pipeline;

/// <summary>An input that cannot be read as an article (empty, binary, undecodable), with a reason a user can act on.</summary>
public sealed class InputRejectedException : Exception
{
    public InputRejectedException()
    {
    }

    public InputRejectedException(string reason)
        : base(reason)
    {
    }

    public InputRejectedException(string reason, Exception inner)
        : base(reason, inner)
    {
    }
}
