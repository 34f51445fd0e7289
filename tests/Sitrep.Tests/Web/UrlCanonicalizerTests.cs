using Sitrep.Ingest.Web;

namespace Sitrep.Tests.Web;

public sealed class UrlCanonicalizerTests
{
    [Theory]
    [InlineData("https://example.com/a?utm_source=x&utm_medium=y&utm_campaign=z", "https://example.com/a")]
    [InlineData("https://example.com/a?UTM_Source=x&id=1", "https://example.com/a?id=1")]
    [InlineData("https://example.com/a?utm_anything_new=1", "https://example.com/a")]
    public void Utm_parameters_are_dropped(string url, string expected) =>
        Assert.Equal(expected, UrlCanonicalizer.Canonicalize(url));

    [Fact]
    public void Other_parameters_are_kept_in_their_order()
    {
        Assert.Equal(
            "https://example.com/story?z=1&id=5&a=&flag",
            UrlCanonicalizer.Canonicalize("https://example.com/story?z=1&utm_source=tw&id=5&fbclid=abc&a=&flag"));
    }

    [Theory]
    [InlineData("fbclid")]
    [InlineData("gclid")]
    [InlineData("dclid")]
    [InlineData("msclkid")]
    [InlineData("yclid")]
    [InlineData("mc_cid")]
    [InlineData("mc_eid")]
    [InlineData("igshid")]
    [InlineData("_ga")]
    [InlineData("_gl")]
    [InlineData("ref_src")]
    [InlineData("cmpid")]
    [InlineData("ocid")]
    [InlineData("icid")]
    [InlineData("s_cid")]
    [InlineData("ncid")]
    [InlineData("sr_share")]
    [InlineData("smid")]
    [InlineData("partner")]
    [InlineData("CMP")]
    public void Each_tracking_parameter_is_dropped(string name) =>
        Assert.Equal("https://example.com/a?id=7", UrlCanonicalizer.Canonicalize($"https://example.com/a?{name}=x&id=7"));

    [Fact]
    public void A_tracking_name_as_a_value_is_kept() =>
        Assert.Equal("https://example.com/search?q=utm_source", UrlCanonicalizer.Canonicalize("https://example.com/search?q=utm_source"));

    [Fact]
    public void The_fragment_is_dropped() =>
        Assert.Equal("https://example.com/a?id=1", UrlCanonicalizer.Canonicalize("https://example.com/a?id=1#comments"));

    [Fact]
    public void Scheme_and_host_are_lowercased_but_the_path_keeps_its_case() =>
        Assert.Equal("https://news.example.com/World/Story-ABC", UrlCanonicalizer.Canonicalize("HTTPS://News.EXAMPLE.com/World/Story-ABC"));

    [Theory]
    [InlineData("http://example.com:80/a", "http://example.com/a")]
    [InlineData("https://example.com:443/a", "https://example.com/a")]
    [InlineData("https://example.com:8443/a", "https://example.com:8443/a")]
    [InlineData("http://example.com:443/a", "http://example.com:443/a")]
    public void Only_the_default_port_is_dropped(string url, string expected) =>
        Assert.Equal(expected, UrlCanonicalizer.Canonicalize(url));

    [Theory]
    [InlineData("https://example.com/a?", "https://example.com/a")]
    [InlineData("https://example.com/a?fbclid=1&utm_source=2", "https://example.com/a")]
    [InlineData("https://example.com", "https://example.com/")]
    public void An_empty_query_leaves_no_question_mark(string url, string expected) =>
        Assert.Equal(expected, UrlCanonicalizer.Canonicalize(url));

    [Fact]
    public void An_ipv6_host_keeps_its_brackets() =>
        Assert.Equal("http://[::1]:8080/a", UrlCanonicalizer.Canonicalize("http://[::1]:8080/a#x"));

    [Fact]
    public void The_uri_overload_agrees_with_the_string_one()
    {
        var canonical = UrlCanonicalizer.Canonicalize(new Uri("https://Example.com:443/A?utm_source=x&b=2#f"));

        Assert.Equal(new Uri("https://example.com/A?b=2"), canonical);
        Assert.Equal("https://example.com/A?b=2", canonical.AbsoluteUri);
    }

    [Fact]
    public void Canonicalizing_is_idempotent()
    {
        var once = UrlCanonicalizer.Canonicalize("HTTP://Example.com:80/P?a=1&utm_x=2&b#f");

        Assert.Equal(once, UrlCanonicalizer.Canonicalize(once));
    }

    [Theory]
    [InlineData("ftp://example.com/a")]
    [InlineData("/etc/passwd")]
    [InlineData("example.com/a")]
    public void Non_http_urls_are_refused(string url) =>
        Assert.Throws<ArgumentException>(() => UrlCanonicalizer.Canonicalize(url));

    [Theory]
    [InlineData("https://example.com/a", true)]
    [InlineData("  http://example.com/a  ", true)]
    [InlineData("ftp://example.com/a", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("/etc/passwd", false)]
    [InlineData("not a url", false)]
    [InlineData("", false)]
    public void TryParseHttpUrl_accepts_only_absolute_http_urls(string text, bool expected)
    {
        bool parsed = UrlCanonicalizer.TryParseHttpUrl(text, out var url);

        Assert.Equal(expected, parsed);
        Assert.Equal(expected, url is not null);
    }
}
