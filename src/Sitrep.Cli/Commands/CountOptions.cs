using System.CommandLine;

namespace Sitrep.Cli.Commands;

/// <summary>Refuses counts that mean nothing (<c>--top -5</c>) as usage errors, instead of reading them as "no limit".</summary>
internal static class CountOptions
{
    /// <summary>Adds a check that the option's value is at least <paramref name="least"/>; returns the option.</summary>
    public static Option<int> AtLeast(this Option<int> option, int least)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            int value = result.GetValueOrDefault<int>();
            if (value < least)
                result.AddError($"{option.Name} {value}: give a count of {least} or more");
        });
        return option;
    }
}
