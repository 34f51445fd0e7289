using System.Reflection;
using System.Reflection.Emit;
using Sitrep.Documents;

namespace Sitrep.Tests.Engine;

/// <summary>
/// The core model knows no feature: no type in Documents, Pipeline or Ingest refers to a type of
/// Entities, in a signature or inside a method body (read from the IL), so a feature plugs in
/// without the core depending on it.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Engine = typeof(Document).Assembly;

    [Theory]
    [InlineData("Sitrep.Documents")]
    [InlineData("Sitrep.Pipeline")]
    [InlineData("Sitrep.Ingest")]
    [InlineData("Sitrep.Analysis")]
    public void The_core_refers_to_no_feature(string core)
    {
        var references = FeatureReferences(core, "Sitrep.Entities");

        Assert.True(references.Count == 0, $"{core} refers to Entities: {string.Join("; ", references.Take(20))}");
    }

    [Fact]
    public void The_check_finds_references_where_there_are_some()
    {
        // The composition root lists the features, so it must be found referring to Entities.
        var references = FeatureReferences("Sitrep.Engine", "Sitrep.Entities");

        Assert.Contains(references, r => r.Contains("EntitiesFeature", StringComparison.Ordinal));
    }

    [Fact]
    public void The_document_store_knows_no_feature()
    {
        var store = typeof(Sitrep.Storage.SqliteDocumentStore);
        var referenced = new List<string>();
        foreach (var member in store.GetMembers(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
        {
            if (member is MethodBase method)
                referenced.AddRange(BodyReferences(method).Where(t => IsIn(t, "Sitrep.Entities")).Select(t => $"{method.Name} uses {t.FullName}"));
        }

        Assert.True(referenced.Count == 0, string.Join("; ", referenced));
    }

    /// <summary>Every place a type of namespace <paramref name="core"/> (or below it) uses a type of <paramref name="feature"/>.</summary>
    private static List<string> FeatureReferences(string core, string feature)
    {
        var found = new List<string>();
        foreach (var type in Engine.GetTypes().Where(t => IsIn(t, core)))
        {
            void Check(Type? used, string where)
            {
                foreach (var t in Expand(used))
                {
                    if (IsIn(t, feature))
                        found.Add($"{type.FullName}.{where} uses {t.FullName}");
                }
            }

            Check(type.BaseType, "base");
            foreach (var i in type.GetInterfaces())
                Check(i, "interface");
            const BindingFlags All = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
            foreach (var f in type.GetFields(All))
                Check(f.FieldType, f.Name);
            foreach (var p in type.GetProperties(All))
                Check(p.PropertyType, p.Name);
            foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
            {
                if (method is MethodInfo info)
                    Check(info.ReturnType, method.Name);
                foreach (var parameter in method.GetParameters())
                    Check(parameter.ParameterType, method.Name);
                foreach (var used in BodyReferences(method))
                    Check(used, method.Name + " (body)");
            }
        }
        return found;
    }

    private static bool IsIn(Type type, string ns) =>
        type.Namespace is { } n && (n == ns || n.StartsWith(ns + ".", StringComparison.Ordinal));

    /// <summary>A type with its element type and generic arguments, recursively.</summary>
    private static IEnumerable<Type> Expand(Type? type)
    {
        if (type is null)
            yield break;
        yield return type;
        if (type.HasElementType)
        {
            foreach (var t in Expand(type.GetElementType()))
                yield return t;
        }
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                foreach (var t in Expand(argument))
                    yield return t;
            }
        }
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The types a method body names: its locals and the operands of its instructions (types, fields, methods).</summary>
    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        var body = method.GetMethodBody();
        if (body is null)
            yield break;
        foreach (var local in body.LocalVariables)
            yield return local.LocalType;
        var il = body.GetILAsByteArray() ?? [];
        var module = method.Module;
        var typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        int i = 0;
        while (i < il.Length)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineSwitch:
                    int count = BitConverter.ToInt32(il, i);
                    i += 4 + 4 * count;
                    break;
                case OperandType.InlineType or OperandType.InlineTok or OperandType.InlineMethod or OperandType.InlineField:
                    int token = BitConverter.ToInt32(il, i);
                    i += 4;
                    MemberInfo? member = null;
                    try
                    {
                        member = module.ResolveMember(token, typeArguments, methodArguments);
                    }
                    catch (ArgumentException)
                    {
                    }
                    switch (member)
                    {
                        case Type t:
                            yield return t;
                            break;
                        case FieldInfo f:
                            yield return f.DeclaringType!;
                            yield return f.FieldType;
                            break;
                        case MethodBase m:
                            yield return m.DeclaringType!;
                            if (m is MethodInfo mi)
                                yield return mi.ReturnType;
                            foreach (var p in m.GetParameters())
                                yield return p.ParameterType;
                            if (m.IsGenericMethod)
                            {
                                foreach (var a in m.GetGenericArguments())
                                    yield return a;
                            }
                            break;
                    }
                    break;
                default:
                    i += 4;
                    break;
            }
        }
    }
}
