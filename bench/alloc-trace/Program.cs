using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

if (args[0] == "collect")
{
    // collect PID OUT SECONDS-DELAY SECONDS
    int pid = int.Parse(args[1]);
    Thread.Sleep(TimeSpan.FromSeconds(double.Parse(args[3])));
    var client = new DiagnosticsClient(pid);
    var providers = new List<EventPipeProvider>
    {
        new("Microsoft-Windows-DotNETRuntime", EventLevel.Verbose, (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.Jit | ClrTraceEventParser.Keywords.Loader | ClrTraceEventParser.Keywords.Stack)),
    };
    using var session = client.StartEventPipeSession(providers, requestRundown: true, circularBufferMB: 512);
    using var file = File.Create(args[2]);
    var copy = session.EventStream.CopyToAsync(file);
    Thread.Sleep(TimeSpan.FromSeconds(double.Parse(args[4])));
    session.Stop();
    copy.Wait();
    Console.WriteLine("done");
    return;
}
// analyze FILE [frames]
int depth = args.Length > 2 ? int.Parse(args[2]) : 6;
// analyze FILE FRAMES METHOD: only the allocations with METHOD (a part of a frame's name) on their stack
string? under = args.Length > 3 ? args[3] : null;
var etlx = TraceLog.CreateFromEventPipeDataFile(args[1]);
using var log = new TraceLog(etlx);
var byType = new Dictionary<string, long>();
var bySite = new Dictionary<string, long>();
var byFrame = new Dictionary<string, long>();
var bySelf = new Dictionary<string, long>();
long total = 0;
foreach (var ev in log.Events)
{
    if (ev is not GCAllocationTickTraceData t) continue;
    long amt = t.AllocationAmount64;
    total += amt;
    var stack = ev.CallStack();
    var frames = new List<string>();
    for (var s = stack; s != null; s = s.Caller)
    {
        var m = s.CodeAddress.FullMethodName;
        if (string.IsNullOrEmpty(m)) m = s.CodeAddress.ModuleName + "!?";
        frames.Add(m);
    }
    if (under is not null && !frames.Any(f => f.Contains(under, StringComparison.Ordinal)))
    {
        total -= amt;
        continue;
    }
    // first Sitrep frame and a few above
    int first = frames.FindIndex(f => f.StartsWith("Sitrep"));
    string site = (first > 0 ? Short(frames[0]) + " | " : "") + (first < 0 ? string.Join(" < ", frames.Take(depth).Select(Short)) : string.Join(" < ", frames.Skip(first).Take(depth).Select(Short)));
    string key = (t.AllocationKind == GCAllocationKind.Large ? "LOH " : "") + t.TypeName + " @ " + site;
    bySite[key] = bySite.GetValueOrDefault(key) + amt;
    string self = first < 0 ? "(none) " + Short(frames.FirstOrDefault() ?? "") : Short(frames[first]);
    bySelf[self] = bySelf.GetValueOrDefault(self) + amt;
    foreach (var f in frames.Distinct()) if (f.StartsWith("Sitrep")) byFrame[f] = byFrame.GetValueOrDefault(f) + amt;
}
Console.WriteLine($"total {total / 1e6:F0} MB");
Console.WriteLine("== inclusive by Sitrep method");
foreach (var kv in byFrame.OrderByDescending(k => k.Value).Take(60)) Console.WriteLine($"{kv.Value / 1e6,8:F1} {kv.Key}");
Console.WriteLine("== self by first Sitrep frame");
foreach (var kv in bySelf.OrderByDescending(k => k.Value).Take(50)) Console.WriteLine($"{kv.Value / 1e6,8:F1} {kv.Key}");
Console.WriteLine("== sites");
foreach (var kv in bySite.OrderByDescending(k => k.Value).Take(120)) Console.WriteLine($"{kv.Value / 1e6,8:F1} {kv.Key}");
Console.WriteLine("== LOH sites");
foreach (var kv in bySite.Where(k => k.Key.StartsWith("LOH")).OrderByDescending(k => k.Value).Take(40)) Console.WriteLine($"{kv.Value / 1e6,8:F1} {kv.Key}");

static string Short(string f) { int i = f.IndexOf('('); return i < 0 ? f : f[..i]; }
