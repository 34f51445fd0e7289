namespace Sitrep.Cli;

internal static class ExitCodes
{
    /// <summary>The batch ran, even if some inputs were bad (they are reported).</summary>
    public const int Ok = 0;

    /// <summary>The command line was wrong (an unknown option, an output path in a missing folder): nothing was read or created.</summary>
    public const int Usage = 1;

    /// <summary>Nothing could be read: no input existed or every input failed; or what was asked for is not in the store.</summary>
    public const int NothingRead = 2;

    /// <summary>The store or an output file could not be opened or written.</summary>
    public const int StoreError = 3;

    /// <summary>A bug: reported in one line on standard error.</summary>
    public const int Internal = 4;
}
