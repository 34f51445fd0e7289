using System.Reflection;
using System.Text;
using Sitrep.Engine;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Engine;

/// <summary>
/// The public surface of the engine and the store is what hosts build on, so it changes on purpose
/// only: every public type and member is listed in <c>public-api.txt</c>, and a change to the surface
/// fails here until the listing is recorded again (run with SITREP_UPDATE_PUBLIC_API=1 and review the
/// diff, as Npgsql does with its PublicAPI files). Rule helpers belong inside the assembly.
/// </summary>
public sealed class PublicApiTests
{
    private static readonly string Listing = Path.Combine(RepoPaths.Root, "tests", "Sitrep.Tests", "Engine", "public-api.txt");

    private static readonly Assembly[] Tracked = [typeof(Features).Assembly, typeof(Sitrep.Storage.StoreFactory).Assembly];

    [Fact]
    public void The_public_surface_is_the_recorded_one()
    {
        var current = Surface();
        if (Environment.GetEnvironmentVariable("SITREP_UPDATE_PUBLIC_API") == "1")
        {
            File.WriteAllLines(Listing, current);
            return;
        }
        Assert.True(File.Exists(Listing), $"{Listing} is missing: run the tests with SITREP_UPDATE_PUBLIC_API=1");
        var recorded = File.ReadAllLines(Listing);
        var added = current.Except(recorded, StringComparer.Ordinal).ToList();
        var removed = recorded.Except(current, StringComparer.Ordinal).ToList();
        Assert.True(added.Count == 0 && removed.Count == 0,
            $"the public API changed (record it with SITREP_UPDATE_PUBLIC_API=1 if meant):\n+ {string.Join("\n+ ", added.Take(40))}\n- {string.Join("\n- ", removed.Take(40))}");
    }

    [Fact]
    public void The_listing_names_the_host_facing_types_and_no_test_types()
    {
        var current = Surface();
        Assert.Contains(current, l => l.StartsWith("Sitrep.Engine.SitrepEngine", StringComparison.Ordinal));
        Assert.Contains(current, l => l.StartsWith("Sitrep.Pipeline.DocumentPipeline", StringComparison.Ordinal));
        Assert.DoesNotContain(current, l => l.Contains("Sitrep.Tests", StringComparison.Ordinal));
    }

    private static List<string> Surface()
    {
        const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var lines = new List<string>();
        foreach (var type in Tracked.SelectMany(a => a.GetExportedTypes()))
        {
            // Compiler-generated helpers (regex source generator, records' clone methods) are not API someone chose.
            if (type.Name.Contains('<', StringComparison.Ordinal) || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
                continue;
            var name = Name(type);
            lines.Add($"{name} : {Kind(type)}");
            foreach (var member in type.GetMembers(Declared))
            {
                if (member.Name.Contains('<', StringComparison.Ordinal) || member is MethodInfo { IsSpecialName: true } || member is Type)
                    continue;
                lines.Add($"{name}.{Describe(member)}");
            }
        }
        lines.Sort(StringComparer.Ordinal);
        return lines.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Kind(Type t) =>
        t.IsInterface ? "interface" : t.IsEnum ? "enum" : t.IsValueType ? "struct" : t.IsAbstract && t.IsSealed ? "static class" : t.IsSealed ? "sealed class" : t.IsAbstract ? "abstract class" : "class";

    private static string Describe(MemberInfo m) => m switch
    {
        MethodInfo mi => $"{mi.Name}({Parameters(mi)}) -> {Name(mi.ReturnType)}{(mi.IsStatic ? " static" : "")}",
        ConstructorInfo ci => $"ctor({Parameters(ci)})",
        PropertyInfo pi => $"{pi.Name} : {Name(pi.PropertyType)}{(pi.SetMethod is { IsPublic: true } ? " set" : "")}",
        FieldInfo fi => $"{fi.Name} : {Name(fi.FieldType)}{(fi.IsLiteral ? " const" : fi.IsStatic ? " static" : "")}",
        EventInfo ei => $"{ei.Name} : event",
        _ => m.Name,
    };

    private static string Parameters(MethodBase m) => string.Join(", ", m.GetParameters().Select(p => Name(p.ParameterType)));

    private static string Name(Type t)
    {
        if (t.IsGenericParameter)
            return t.Name;
        if (t.IsArray)
            return Name(t.GetElementType()!) + "[]";
        if (t.IsByRef)
            return "ref " + Name(t.GetElementType()!);
        var sb = new StringBuilder();
        var full = t.IsNested ? Name(t.DeclaringType!) + "." + t.Name : (t.Namespace is { } ns ? ns + "." : "") + t.Name;
        var tick = full.IndexOf('`', StringComparison.Ordinal);
        sb.Append(tick >= 0 ? full[..tick] : full);
        if (t.IsGenericType)
            sb.Append('<').AppendJoin(", ", t.GetGenericArguments().Select(Name)).Append('>');
        return sb.ToString();
    }
}
