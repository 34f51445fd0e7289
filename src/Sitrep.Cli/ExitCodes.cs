namespace Sitrep.Cli;

internal static class ExitCodes
{
    /// <summary>The batch ran, even if some inputs were bad (they are reported).</summary>
    public const int Ok = 0;

    /// <summary>The command line was wrong.</summary>
    public const int Usage = 1;

    /// <summary>Nothing could be read: no input existed or every input failed.</summary>
    public const int NothingRead = 2;

    /// <summary>The store could not be opened or written.</summary>
    public const int StoreError = 3;
}
