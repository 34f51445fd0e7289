using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Sitrep.Tests.TestSupport;

/// <summary>The real sitrep command in a process of its own, as a user starts it: its output not a terminal, standard output and error apart.</summary>
public static class SitrepProcess
{
    public static (int ExitCode, string Output, string Error) Run(IReadOnlyDictionary<string, string>? environment, TimeSpan timeout, params string[] args)
    {
        using var process = Start(environment, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"sitrep {string.Join(' ', args)} did not finish within {timeout.TotalSeconds:N0} s");
        }
        process.WaitForExit();
        return (process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }

    public static Process Start(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "sitrep.dll");
        Assert.True(File.Exists(dll), $"sitrep.dll is not beside the tests ({AppContext.BaseDirectory})");
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            info.Environment[name] = value;
        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
    }

    public static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
            return host;
        // The runtime lives in <root>/shared/Microsoft.NETCore.App/<version>/, the host in <root>.
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var candidate = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(candidate) ? candidate : "dotnet";
    }
}
