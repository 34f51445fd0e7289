using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Sitrep.Ingest.Web;

/// <summary>
/// One spelling per article URL, so the same story shared with different tracking tags is stored once:
/// lowercase scheme and host, no default port, no fragment, no tracking parameters. The path is kept as is,
/// because servers treat it case-sensitively.
/// </summary>
internal static class UrlCanonicalizer
{
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid", "_ga", "_gl",
        "ref_src", "cmpid", "ocid", "icid", "s_cid", "ncid", "sr_share", "smid", "partner", "CMP",
    };

    /// <exception cref="ArgumentException">Not an absolute http or https URL.</exception>
    public static string Canonicalize(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!TryParseHttpUrl(url, out var parsed))
            throw new ArgumentException($"not an absolute http(s) URL: '{url}'", nameof(url));
        return Build(parsed);
    }

    /// <exception cref="ArgumentException">Not an absolute http or https URL.</exception>
    public static Uri Canonicalize(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!IsHttp(url))
            throw new ArgumentException($"not an absolute http(s) URL: '{url.OriginalString}'", nameof(url));
        return new Uri(Build(url));
    }

    /// <summary>Parses an absolute http or https URL with a host; anything else (relative, file paths, other schemes) is refused.</summary>
    public static bool TryParseHttpUrl(string text, [NotNullWhen(true)] out Uri? url)
    {
        url = null;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed) || !IsHttp(parsed))
            return false;
        url = parsed;
        return true;
    }

    private static bool IsHttp(Uri url) =>
        url.IsAbsoluteUri
        && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
        && url.IdnHost.Length > 0;

    private static string Build(Uri url)
    {
        var result = new StringBuilder(url.OriginalString.Length);
        result.Append(url.Scheme.ToLowerInvariant()).Append("://");
        if (url.UserInfo.Length > 0)
            result.Append(url.UserInfo).Append('@');
        // IdnHost is the ASCII (punycode) form, so a Unicode and a punycode spelling of one host agree;
        // an IPv6 literal needs its brackets back.
        string host = url.HostNameType == UriHostNameType.IPv6 ? url.Host : url.IdnHost;
        result.Append(host.ToLowerInvariant());
        if (!url.IsDefaultPort)
            result.Append(':').Append(url.Port);
        result.Append(url.AbsolutePath);
        AppendQuery(result, url.Query);
        return result.ToString();
    }

    private static void AppendQuery(StringBuilder result, string query)
    {
        if (query.Length <= 1)
            return;
        bool first = true;
        foreach (var parameter in query[1..].Split('&'))
        {
            if (parameter.Length == 0 || IsTracking(parameter))
                continue;
            result.Append(first ? '?' : '&').Append(parameter);
            first = false;
        }
    }

    private static bool IsTracking(string parameter)
    {
        int eq = parameter.IndexOf('=', StringComparison.Ordinal);
        var name = eq < 0 ? parameter : parameter[..eq];
        // Compared decoded, so "utm%5Fsource" is caught too.
        name = Uri.UnescapeDataString(name.Replace('+', ' '));
        return name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(name);
    }
}
