using System.Text;
using Sitrep.Cleaning.Html;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Cleaning;

/// <summary>
/// The fast path's tokenizer and tree: the structure HTML's parsing rules give a page (checked
/// against hand-written outlines, and against AngleSharp's full parser on the same snippets),
/// decoded text, and the source offset of every text character.
/// </summary>
public sealed class HtmlTreeBuilderTests
{
    /// <summary>An element as name(children), a text node as its text in quotes, white-space-only text left out.</summary>
    private static string Outline(HtmlTree tree, int node)
    {
        var sb = new StringBuilder();
        Write(tree, node, sb);
        return sb.ToString();
    }

    private static void Write(HtmlTree tree, int node, StringBuilder sb)
    {
        if (!tree.IsElement(node))
        {
            sb.Append('"').Append(tree.Text(node)).Append('"');
            return;
        }
        sb.Append(tree.Name(node));
        var children = new List<int>();
        for (int c = tree.FirstChild(node); c >= 0; c = tree.NextSibling(c))
        {
            if (tree.IsElement(c) || !tree.Text(c).IsWhiteSpace())
                children.Add(c);
        }
        if (children.Count == 0)
            return;
        sb.Append('(');
        for (int i = 0; i < children.Count; i++)
        {
            if (i > 0)
                sb.Append(' ');
            Write(tree, children[i], sb);
        }
        sb.Append(')');
    }

    private static string BodyOutline(string html)
    {
        using var tree = HtmlTreeBuilder.Build(html, out _);
        return Outline(tree, tree.Body);
    }

    [Theory]
    [InlineData("<p>one<div>two</div>", "body(p(\"one\") div(\"two\"))")]
    [InlineData("<p>one<p>two", "body(p(\"one\") p(\"two\"))")]
    [InlineData("<ul><li>a<li>b</ul>after", "body(ul(li(\"a\") li(\"b\")) \"after\")")]
    [InlineData("<ul><li>a<ul><li>inner</ul>still a<li>b</ul>", "body(ul(li(\"a\" ul(li(\"inner\")) \"still a\") li(\"b\")))")]
    [InlineData("<dl><dt>term<dd>definition<dt>next</dl>", "body(dl(dt(\"term\") dd(\"definition\") dt(\"next\")))")]
    [InlineData("<h1>title<h2>sub</h2>", "body(h1(\"title\") h2(\"sub\"))")]
    [InlineData("<select><option>a<option>b</select>", "body(select(option(\"a\") option(\"b\")))")]
    [InlineData("<a href=1>one<a href=2>two</a>", "body(a(\"one\") a(\"two\"))")]
    [InlineData("<p><b>bold</p>plain", "body(p(b(\"bold\")) \"plain\")")]
    public void Implied_end_tags_close_elements_as_html_does(string html, string expected) =>
        Assert.Equal(expected, BodyOutline(html));

    [Theory]
    [InlineData("<table><td>a<td>b<tr><td>c</table>", "body(table(tbody(tr(td(\"a\") td(\"b\")) tr(td(\"c\")))))")]
    [InlineData("<table><tr><th>h<tr><td>d</table>", "body(table(tbody(tr(th(\"h\")) tr(td(\"d\")))))")]
    [InlineData("<table><thead><tr><td>h<tbody><tr><td>d</table>", "body(table(thead(tr(td(\"h\"))) tbody(tr(td(\"d\")))))")]
    [InlineData("<div><table><tr><td><div>x</td></tr></table>after</div>", "body(div(table(tbody(tr(td(div(\"x\"))))) \"after\"))")]
    [InlineData("<table><tr><td><table><tr><td>inner</table>outer</td></tr></table>", "body(table(tbody(tr(td(table(tbody(tr(td(\"inner\")))) \"outer\")))))")]
    [InlineData("<td>no table</td>", "body(\"no table\")")]
    public void Tables_get_their_implied_sections_rows_and_cells(string html, string expected) =>
        Assert.Equal(expected, BodyOutline(html));

    [Theory]
    [InlineData("<div>a</span>b</div>", "body(div(\"ab\"))")]
    [InlineData("a</p>b", "body(\"a\" p \"b\")")]
    [InlineData("<div>one</div></div></section>two", "body(div(\"one\") \"two\")")]
    [InlineData("<div/>inside", "body(div(\"inside\"))")]
    [InlineData("<p>a < b and c<3</p>", "body(p(\"a < b and c<3\"))")]
    [InlineData("<p>kept<div class=\"cut", "body(p(\"kept\"))")]
    [InlineData("<p>a<!-- never closed <p>b", "body(p(\"a\"))")]
    [InlineData("<p>a<!-- c -->b<!---->c<!-->d", "body(p(\"abcd\"))")]
    [InlineData("<p>a</>b<?php echo 1 ?>c</ 3>d", "body(p(\"abcd\"))")]
    [InlineData("<DIV CLASS=x>y</DIV>", "body(div(\"y\"))")]
    [InlineData("<p>text</body></html>after", "body(p(\"textafter\"))")]
    public void Malformed_markup_is_read_leniently(string html, string expected) =>
        Assert.Equal(expected, BodyOutline(html));

    [Fact]
    public void Raw_text_elements_hold_markup_as_text()
    {
        const string html = "<p>x<script>if (a<b) document.write('</div><p>');</script><style>p>a{}</style>y</p><textarea>\n<b>&amp;</b></textarea>";
        using var tree = HtmlTreeBuilder.Build(html, out _);
        Assert.Equal("body(p(\"x\" script(\"if (a<b) document.write('</div><p>');\") style(\"p>a{}\") \"y\") textarea(\"<b>&</b>\"))", Outline(tree, tree.Body));
    }

    [Fact]
    public void A_script_end_tag_must_be_the_whole_name()
    {
        Assert.Equal("body(p(\"a\" script(\"var s = '</scripts>';\") \"b\"))", BodyOutline("<p>a<script>var s = '</scripts>';</SCRIPT >b"));
    }

    [Fact]
    public void Head_content_goes_to_the_head_and_other_content_starts_the_body()
    {
        const string html = "<!DOCTYPE html>\n<meta name=a content=b><title>T &amp; U</title><link rel=canonical href=/x>\n<p>first";
        using var tree = HtmlTreeBuilder.Build(html, out _);
        Assert.Equal("html(head(meta title(\"T & U\") link) body(p(\"first\")))", Outline(tree, tree.Root));
    }

    [Fact]
    public void Text_before_any_body_tag_starts_the_body()
    {
        using var tree = HtmlTreeBuilder.Build("<html><head><title>t</title></head>\nloose text<body class=late><p>p", out _);
        Assert.Equal("body(\"loose text\" p(\"p\"))", Outline(tree, tree.Body));
        Assert.Equal("late", tree.Attribute(tree.Body, HtmlAttributeName.Class));
    }

    [Fact]
    public void Svg_content_is_foreign_its_title_and_self_closing_tags_included()
    {
        using var tree = HtmlTreeBuilder.Build("<svg><symbol><title>icon</title><path d='M0'/></symbol></svg><p>text<svg><![CDATA[a<b]]></svg>", out _);
        Assert.Equal("body(svg(symbol(title(\"icon\") path)) p(\"text\" svg(\"a<b\")))", Outline(tree, tree.Body));
    }

    [Fact]
    public void An_html_block_inside_svg_leaves_it()
    {
        Assert.Equal("body(svg(g) p(\"out\"))", BodyOutline("<svg><g><p>out</p></g></svg>"));
    }

    [Fact]
    public void Pre_drops_the_newline_right_after_its_start_tag()
    {
        Assert.Equal("body(pre(\"line\n  code\"))", BodyOutline("<pre>\nline\n  code</pre>"));
    }

    [Fact]
    public void Void_elements_take_no_content()
    {
        Assert.Equal("body(p(\"a\" br \"b\" img \"c\" wbr \"d\"))", BodyOutline("<p>a<br>b<img src=x>c<wbr>d</p>"));
        Assert.Equal("body(p(\"a\" br \"b\"))", BodyOutline("<p>a</br>b</p>"));
    }

    [Theory]
    [InlineData("&amp; &lt;&gt; &quot;", "& <> \"")]
    [InlineData("a&nbsp;b", "a\u00a0b")]
    [InlineData("&copy 2020", "© 2020")]
    [InlineData("&notit;", "¬it;")]
    [InlineData("&notin;", "∉")]
    [InlineData("&#8217;&#x2019;&#X2019", "’’’")]
    [InlineData("&#146;&#128;", "’€")]
    [InlineData("&#0;&#xD800;&#x110000;", "\uFFFD\uFFFD\uFFFD")]
    [InlineData("&#x1F600;", "😀")]
    [InlineData("&bogus; & &# &#x;", "&bogus; & &# &#x;")]
    [InlineData("&NotNestedGreaterGreater;", "⪢̸")]
    public void Character_references_decode_as_html_does(string written, string expected)
    {
        using var tree = HtmlTreeBuilder.Build("<p>" + written + "</p>", out _);
        int p = tree.FirstElementChild(tree.Body);
        Assert.Equal(expected, tree.TextContent(p));
    }

    [Fact]
    public void Attribute_values_decode_references_but_keep_url_parameters()
    {
        using var tree = HtmlTreeBuilder.Build("<a href=\"?a=1&copy=2&amp;b=3&copy;\" class='x&#32;y' id=z data-x=\"ignored\" class=second>t</a>", out _);
        int a = tree.FirstElementChild(tree.Body);
        Assert.Equal("?a=1&copy=2&b=3©", tree.Attribute(a, HtmlAttributeName.Href));
        Assert.Equal("x y", tree.Attribute(a, HtmlAttributeName.Class));
        Assert.Equal("z", tree.Attribute(a, HtmlAttributeName.Id));
    }

    [Fact]
    public void Every_text_character_knows_its_source_offset()
    {
        const string html = "<p>x &amp; y\r\nz&#8217;s</p>";
        using var tree = HtmlTreeBuilder.Build(html, out _);
        int p = tree.FirstElementChild(tree.Body);
        int text = tree.FirstChild(p);
        Assert.Equal("x & y\nz’s", tree.Text(text).ToString());
        int[] expected = [html.IndexOf('x'), html.IndexOf(' '), html.IndexOf('&'), html.IndexOf(" y", StringComparison.Ordinal), html.IndexOf('y'), html.IndexOf('\r'), html.IndexOf('z'), html.IndexOf("&#", StringComparison.Ordinal), html.LastIndexOf('s')];
        Assert.Equal(expected, Enumerable.Range(0, expected.Length).Select(i => tree.SourceOffset(text, i)));
    }

    [Fact]
    public void Text_joined_across_a_comment_keeps_the_offsets_of_both_parts()
    {
        const string html = "<p>ab<!-- x -->cd</p>";
        using var tree = HtmlTreeBuilder.Build(html, out _);
        int text = tree.FirstChild(tree.FirstElementChild(tree.Body));
        Assert.Equal("abcd", tree.Text(text).ToString());
        Assert.Equal([3, 4, html.IndexOf('c'), html.IndexOf('d')], Enumerable.Range(0, 4).Select(i => tree.SourceOffset(text, i)));
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_refused_while_reading()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", HtmlGuard.MaxDepth + 10));
        var e = Assert.Throws<InputRejectedException>(() => HtmlTreeBuilder.Build(html, out _));
        Assert.Contains("nested", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclosed_paragraphs_do_not_count_as_nesting()
    {
        var html = string.Concat(Enumerable.Repeat("<p>para", HtmlGuard.MaxDepth * 2));
        using var tree = HtmlTreeBuilder.Build(html, out _);
        Assert.Equal(HtmlGuard.MaxDepth * 2, Enumerable.Range(0, tree.Count).Count(n => tree.Tag(n) == HtmlTag.P));
    }

    [Theory]
    [InlineData("<a href=x><div>text</a>more</div>")]
    [InlineData("<b><p>x</b>y</p>")]
    public void Formatting_closed_across_a_block_is_left_to_the_full_parser(string html)
    {
        using var tree = HtmlTreeBuilder.Build(html, out var builder);
        Assert.True(builder.Misnested > 0);
    }

    [Fact]
    public void Text_straight_inside_a_table_is_left_to_the_full_parser_which_moves_it_before_the_table()
    {
        const string html = "<html><body><table>Stray words written into the table.<tr><td>The cell holds the article, long enough to be read as its prose by the finder of main content, with commas, clauses, and a full stop.</td></tr></table></body></html>";
        using (HtmlTreeBuilder.Build(html, out var builder))
            Assert.True(builder.Fostered > 0);
        var text = new HtmlCleaner().Clean(html).Text;
        Assert.Contains("The cell holds the article", text, StringComparison.Ordinal);
    }

    /// <summary>AngleSharp implements HTML's full algorithm: on pages the fast path takes, both trees agree.</summary>
    [Theory]
    [InlineData("<!DOCTYPE html><html lang=en><head><title>x</title><meta charset=utf-8></head><body><div class=a><p>one<p>two<ul><li>a<li>b</ul></div></body></html>")]
    [InlineData("<!DOCTYPE html><p>para<table><tr><td>c1<td>c2</table><h2>head<h3>sub</h3>")]
    [InlineData("<!DOCTYPE html><div><span>a<em>b</em></span><br>c<img src=x>d</div><dl><dt>t<dd>d</dl>")]
    [InlineData("<!DOCTYPE html><article><header><h1>T</h1></header><figure><img><figcaption>cap</figcaption></figure><p>x &amp; y &copy z</p></article>")]
    [InlineData("<!DOCTYPE html><svg><symbol><title>i</title><path/></symbol></svg><nav><a href=/>Home</a></nav><main><p>body</p></main>")]
    [InlineData("<!DOCTYPE html><p>unclosed<div>block</div></p><section><p>s</section><footer>f")]
    [InlineData("<!DOCTYPE html><select><option>a<option>b</select><form><input><button>go</button></form><pre>\ncode</pre>")]
    [InlineData("<!DOCTYPE html><table><caption>cap</caption><colgroup><col><col></colgroup><thead><tr><th>h</thead><tbody><tr><td>d</td></tr></tbody></table>")]
    public void The_fast_tree_matches_anglesharps_on_well_formed_pages(string html)
    {
        using var fast = HtmlTreeBuilder.Build(html, out var builder);
        Assert.False(builder.Misnested > 0 || builder.Fostered > 0 || builder.Unsupported);
        using var full = AngleSharpTreeReader.Read(html);
        Assert.Equal(Outline(full, full.Root), Outline(fast, fast.Root));
    }
}
