using System.Text.RegularExpressions;
using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Cleaning;

/// <summary>
/// Separates an article's body from the page chrome that comes with text copied from a web page.
/// Works from general signals only: where a line sits (chrome sits before the first paragraph of
/// prose and after the last), its shape (length, sentence punctuation, a name, a date, a credit),
/// the vocabulary of page furniture, and restatement of body sentences. Stateless and thread-safe.
/// </summary>
public sealed partial class PlainTextCleaner
{
    private const int MaxDonationSpan = 12;

    public CleaningResult Clean(string raw) => Clean(raw, statedTitle: null);

    /// <summary>
    /// Cleans a text whose headline the input states apart from it (a JSONL record's title): then
    /// the text's first line is not its headline by position, and a first line that reads as a
    /// sentence is body.
    /// </summary>
    public CleaningResult Clean(string raw, string? statedTitle)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var units = UnitSegmenter.Segment(raw);
        var hints = new HintCollector();
        Classify(units, raw, hints, fromHtml: false, titleStated: !string.IsNullOrWhiteSpace(statedTitle));
        MarkCaptionedHeadline(units, statedTitle);
        return Assemble(raw, units, hints.Build());
    }

    /// <summary>
    /// Decides which units are chrome. From HTML, the page's markup has already placed the
    /// headline (<see cref="HintCollector.Title"/>) and cut away most furniture, so lines before
    /// the first prose that match no chrome pattern are kept rather than taken for menus.
    /// </summary>
    internal static void Classify(List<TextUnit> units, string raw, HintCollector hints, bool fromHtml, bool titleStated = false)
    {
        MarkUnambiguousChrome(units, fromHtml, hints);
        int first = FirstBodyUnit(units);
        if (fromHtml)
            ClassifyHtmlHeader(units, first, hints);
        else
            ClassifyHeader(units, first, hints, titleStated);
        MarkRelatedLinks(units, first);
        MarkDonationAppeals(units, first);
        int endZone = ClassifyEndMatter(units, first, hints, fromHtml);
        ClassifyBody(units, first, endZone, raw, hints, fromHtml);
        CollectDonationOutlet(units, hints);
        EnsureBody(units);
    }

    /// <summary>
    /// A photo caption, its credit and the headline copied as one line above the story ("… Trump says. | AP Photo
    /// Trump: I may release my taxes …", often with the section and the deck after it): when the words after a " | "
    /// hold the stated headline, the line is the page's head, not the story's first paragraph. Only up to the first
    /// paragraph kept, so a sentence of the story that quotes the headline stays.
    /// </summary>
    private static void MarkCaptionedHeadline(List<TextUnit> units, string? statedTitle)
    {
        if (string.IsNullOrWhiteSpace(statedTitle))
            return;
        var titleWords = TextShape.Words(statedTitle);
        if (titleWords.Count < 3)
            return;
        string key = " " + string.Join(' ', titleWords) + " ";
        foreach (var u in units)
        {
            if (u.Removal is not null)
                continue;
            int bar = u.Text.IndexOf(" | ", StringComparison.Ordinal);
            if (bar > 0 && u.Words <= 150 && (" " + Normalize(u.Text[(bar + 3)..]) + " ").Contains(key, StringComparison.Ordinal))
                u.Removal = RemovalReason.Caption;
            return;
        }
    }

    private static void ClassifyHtmlHeader(List<TextUnit> units, int first, HintCollector hints)
    {
        string? titleKey = hints.Title is null ? null : Normalize(hints.Title);
        for (int i = 0; i < units.Count; i++)
        {
            var u = units[i];
            if (u.Removal is not null)
            {
                if (i < first && u.Removal is RemovalReason.Byline or RemovalReason.Other && u.Words <= 16)
                    NoteHeaderMeta(u.Text, u.Removal == RemovalReason.Byline, hints);
                continue;
            }
            var t = u.Text;
            if (titleKey is not null && TextShape.HasWords(t, titleKey))
                u.Removal = RemovalReason.Title;
            else if (i >= first)
                continue;
            else if (ChromePatterns.DateOnlyLine().IsMatch(t))
            {
                hints.PrintedDate ??= t;
                u.Removal = RemovalReason.Other;
            }
            else if (u.Words <= 12 && ChromePatterns.ByLine().Match(t) is { Success: true } by)
            {
                hints.BodyByline ??= BylineNames(by, t);
                u.Removal = RemovalReason.Byline;
            }
            else if (ChromePatterns.OpinionLabel().IsMatch(t))
            {
                hints.OpinionLabel = true;
                u.Removal = RemovalReason.Navigation;
            }
        }
    }

    /// <summary>
    /// A short line above the article that the page's markup set apart as its byline or its
    /// metadata ("By Jane Doe • March 12, 2025", "Dakota Hebert July 3, 2025", "Published On: 15
    /// August 2025") names the author and the day the page prints, when nothing stated them. A day
    /// after "Updated" alone is not the publication date.
    /// </summary>
    private static void NoteHeaderMeta(string t, bool byline, HintCollector hints)
    {
        if (hints.PrintedDate is null && Time.PublicationDate.NamesDatedDay(t) && !(ChromePatterns.UpdatedLabel().IsMatch(t) && !ChromePatterns.PublishedLabel().IsMatch(t)))
            hints.PrintedDate = t;
        if (!byline || hints.BodyByline is not null || ChromePatterns.ReviewerLine().IsMatch(t))
            return;
        if (ChromePatterns.ByLine().Match(t) is { Success: true } by)
        {
            hints.BodyByline = BylineNames(by, t);
            return;
        }
        // The name before the first separator or digit: "Dakota Hebert July 3, 2025", "Jane Doe | 6 mins".
        var piece = ChromePatterns.HeaderSeparator().Split(t)[0];
        piece = Html.PageMetadataReader.BylineValue(piece.Trim());
        if (piece is not null && PersonNames.TryNameLine(piece, out var name, out _) && !PersonNames.IsRoleOnly(name))
            hints.BodyByline = name;
    }

    private static void MarkUnambiguousChrome(List<TextUnit> units, bool fromHtml, HintCollector hints)
    {
        int firstProse = units.FindIndex(u => u.IsProse);
        foreach (var u in units)
        {
            var t = u.Text;
            if (u.Words <= 6 && ChromePatterns.AdvertisementLine().IsMatch(t))
                u.Removal = RemovalReason.Advertisement;
            else if (FurnitureLines.Match(u, fromHtml) is { } furniture)
                u.Removal = furniture; // a whole line of the page's furniture (resources/lexicons/furniture-lines.tsv)
            else if (u.Words <= 80 && ChromePatterns.CookieNotice().IsMatch(t))
                u.Removal = RemovalReason.CookieNotice;
            else if (u.Words is >= 6 and <= 70 && ChromePatterns.IsAffiliateDisclosure(t))
                u.Removal = RemovalReason.Disclaimer; // above or below the article, the site's notice about its links
            else if (u.Words <= 10 && !u.EndsSentence && ChromePatterns.ShareLine().IsMatch(t) && u.Words > 0)
                u.Removal = RemovalReason.Share;
            else if (u.Words <= 6 && ChromePatterns.NavigationLine().IsMatch(t))
                u.Removal = RemovalReason.Navigation;
            else if (u.Words <= 30 && !t.EndsWith('.') && ChromePatterns.InlineRelatedLink().IsMatch(t))
                u.Removal = RemovalReason.RelatedLinks;
            else if (u.Words <= 30 && ChromePatterns.PromoLine().IsMatch(t))
                u.Removal = RemovalReason.Advertisement;
            else if (u.Words <= MaxPromoBlockWords && IsPromoBlock(t, u.Words))
                u.Removal = RemovalReason.Advertisement; // a sign-up or membership pitch longer than a promo line
            else if (!fromHtml && u.Words <= MaxPromoBlockWords && InlineChrome.IsMostlyCalls(t, u.Words))
                u.Removal = RemovalReason.Advertisement; // calls to click, sign up or subscribe hold half its words or more
            else if (!fromHtml && u.Words <= MaxPostWords && (ChromePatterns.SharedPostSignature().IsMatch(t) || ChromePatterns.PostHeaderLine().IsMatch(t)))
                u.Removal = RemovalReason.Caption; // an embedded photo post, or a post printed as "Name (@handle) words" (see the patterns)
            else if (u.Words <= 24 && !u.EndsSentence && ChromePatterns.MetaLine().IsMatch(t))
            {
                // A dateline above the article is the date the page prints for it.
                if (u.Index < firstProse && Time.PublicationDate.NamesDatedDay(t))
                    hints.PrintedDate ??= t;
                u.Removal = RemovalReason.Other;
            }
            else if (u.Words <= 5 && ChromePatterns.LabelLine().IsMatch(t))
                u.Removal = RemovalReason.Navigation;
            else if (!fromHtml && IsRightsNotice(u))
            {
                // "© Agency. When using materials, …" is the page's notice, not a photo's credit.
                NoteDisclaimer(t, hints);
                u.Removal = RemovalReason.Other;
            }
            else if (u.Words <= 25 && ChromePatterns.CreditLine2().IsMatch(t))
                u.Removal = RemovalReason.Caption;
            else if (fromHtml ? u.Words <= 80 && ChromePatterns.PhotoCredit().IsMatch(t) && !t.StartsWith('—') : IsCaption(u))
                u.Removal = RemovalReason.Caption;
            else if (!fromHtml && u.Words <= MaxPostWords && ChromePatterns.PostSignature().IsMatch(t))
                u.Removal = RemovalReason.Caption; // an embedded post with a link word after its signature (a page's markup sets posts apart itself)
            else if (u.Words <= MaxWireCaptionWords && ChromePatterns.AgencyPhotoCredit().IsMatch(t))
                u.Removal = RemovalReason.Caption;
            else if (u.Words <= 40 && ChromePatterns.OpinionDisclaimer().IsMatch(t) && ChromePatterns.DisclaimerOutlet().IsMatch(t))
            {
                // "The opinions expressed by columnists are their own and do not represent the views of X." is the
                // site's notice wherever it stands (a column site prints it above the first paragraph, where the
                // end matter's walk never reaches).
                NoteDisclaimer(t, hints);
                u.Removal = RemovalReason.Disclaimer;
            }
            else if (u.Words <= 80 && ChromePatterns.AgencyCreditAtEdge().IsMatch(t))
                u.Removal = RemovalReason.Caption;
            else if (u.Words <= MaxContributorCreditWords && ChromePatterns.ContributorCredit().IsMatch(t))
                u.Removal = RemovalReason.Byline; // wherever it stands: AP puts it above a "___" and further end notes
        }
    }

    /// <summary>The longest line taken for an embedded post by its signature: a post of 280 characters is some 60 words, its signature 8, and a page's player text before it ("Skip Twitter post by @handle") a few more.</summary>
    private const int MaxPostWords = 100;

    /// <summary>
    /// The longest paragraph read as a house pitch by its sentences (<see cref="IsPromoBlock"/>): the pitches left in two
    /// samples of 400 allsides articles (seeds 8401, 8402) ran 34-58 words; the forms with a country list are
    /// furniture-lines phrases of their own.
    /// </summary>
    private const int MaxPromoBlockWords = 100;

    /// <summary>
    /// A paragraph that is the outlet's pitch for its newsletter, membership or sign-up list: sentences that speak to
    /// the reader about "our newsletter", "your inbox", the privacy policy or unsubscribing (two such signs at least) hold at least half its words
    /// ("The journalists at X are proud to bring you … To help keep this news free, become a member and sign up for our
    /// newsletter, Y."). A sentence that says people "sign up for insurance" or that a site has "subscribers" is no pitch,
    /// and one pitch sentence closing a longer paragraph of the story leaves it whole (the unit is kept or removed whole).
    /// </summary>
    private static bool IsPromoBlock(string t, int words)
    {
        // Two signs at least: one alone is as often a tutorial's "delivering summaries to your inbox" or a post on "how to
        // get to the unsubscribe" (WCXB pages 4439, 4444 were taken by a first build that needed one).
        if (words < 8 || ChromePatterns.PromoSentence().Count(t) < 2)
            return false;
        int promo = 0;
        foreach (var sentence in ChromePatterns.SentenceBreak().Split(t))
        {
            if (ChromePatterns.PromoSentence().IsMatch(sentence))
                promo += TextShape.Words(sentence).Count;
        }
        return promo * 2 >= TextShape.Words(t).Count;
    }

    /// <summary>A copyright or reproduction notice: "all rights reserved", or a sentence that opens with ©; a bare "© Name" is a photo credit.</summary>
    private static bool IsRightsNotice(TextUnit u) =>
        u.Words <= 60 && ChromePatterns.CopyrightStart().IsMatch(u.Text)
        && (ChromePatterns.AllRightsReserved().IsMatch(u.Text) || (u.EndsSentence && u.Words >= 5));

    /// <summary>
    /// The longest line taken for a wire caption by its closing "(AP Photo/…)" credit. AP's captions retell the story in
    /// up to ~150 words (3,000 allsides articles: 69 of the credits left by the 80-word limit were on lines of 80-100 words,
    /// 24 of 100-160); 160 keeps a line with a story of its own and a credit at its end (none seen) rare.
    /// </summary>
    private const int MaxWireCaptionWords = 160;

    /// <summary>
    /// The longest line taken for a colleagues' credit ("… contributed to this report."): the longest seen in two samples of
    /// 1,000 allsides articles names eleven reporters and their cities in 41 words; a paragraph of the story that happens to
    /// end with such a sentence is longer.
    /// </summary>
    private const int MaxContributorCreditWords = 50;

    private static bool IsCaption(TextUnit u)
    {
        if (u.Words < 3 || u.Words > 80)
            return false;
        var t = u.Text;
        if (ChromePatterns.PhotoCredit().IsMatch(t))
            return true;
        if (u.Words >= 5 && ChromePatterns.PhotoPosition().IsMatch(t) && !IsPartyMarkerOnly(u))
            return true;
        return u.Words >= 6 && !u.EndsSentence && ChromePatterns.EndsWithDate().IsMatch(t) && !ChromePatterns.DateOnlyLine().IsMatch(t);
    }

    /// <summary>
    /// "(R)" is where a person stands in a photo and also how US papers mark a Republican ("Gov. Jane
    /// Roe (R) blamed …"); "(L)", "(C)" and worded positions ("(left)", "(2nd R)") are only positions.
    /// A line whose only position markers are "(R)" is prose, not a caption, when a party's "(D)" or
    /// "(R-Texas)" stands on it (unless it dates a photo), or when a lone "(R)" is followed by an
    /// apposition or a home state ("(R), a leader of …", "(R) of Ohio"), sits in a line that says who
    /// "said" something, or lacks a caption's second sign: a photo's date or a short unfinished line.
    /// </summary>
    private static bool IsPartyMarkerOnly(TextUnit u)
    {
        var t = u.Text;
        var right = ChromePatterns.RightOrRepublican().Matches(t);
        if (right.Count == 0 || ChromePatterns.PhotoPosition().Count(t) > right.Count)
            return false;
        bool dated = ChromePatterns.DateInLine().IsMatch(t);
        if (ChromePatterns.PartyMarker().IsMatch(t))
            return !dated;
        if (right.Count > 1)
            return false;
        if (right[0].Groups["after"].Success || ChromePatterns.SaidVerb().IsMatch(t))
            return true;
        bool shortFragment = u.Words <= 25 && !u.EndsSentence;
        return !dated && !shortFragment;
    }

    private static int FirstBodyUnit(List<TextUnit> units)
    {
        for (int i = 0; i < units.Count; i++)
        {
            if (units[i].Removal is null && (units[i].IsProse || LeadsIntoQuote(units, i)))
                return i;
        }
        return units.Count;
    }

    /// <summary>
    /// "X said:" above a paragraph that opens with a quotation mark is speech, however short: never
    /// a heading, navigation or end matter.
    /// </summary>
    private static bool IsQuotation(string t) =>
        t.AsSpan().TrimStart() is ['"' or '“' or '«' or '„', .. var rest] && rest.IndexOfAny('"', '”', '»') >= 0 && rest.IndexOfAny('"', '”', '»') >= 8;

    private static bool LeadsIntoQuote(List<TextUnit> units, int i) =>
        i + 1 < units.Count && units[i].Words >= 2 && units[i].Text.AsSpan().TrimEnd().EndsWith(':')
        && units[i + 1].Text.AsSpan().TrimStart() is [ '"' or '“' or '‘' or '\'' or '«' or '„', .. ];

    /// <summary>Everything before the first paragraph of prose is the page's head: title, byline, dateline, menus.</summary>
    private static void ClassifyHeader(List<TextUnit> units, int first, HintCollector hints, bool titleStated)
    {
        // The headline is the most headline-like line of the head: a site name or a section
        // label above it is shorter.
        int titleIndex = -1;
        for (int i = 0; i < first; i++)
        {
            var u = units[i];
            if (u.Removal is null && IsTitleLike(u) && !IsHeaderLabel(u.Text) && (titleIndex < 0 || u.Words > units[titleIndex].Words))
                titleIndex = i;
        }
        string? titleKey = titleIndex >= 0 ? Normalize(units[titleIndex].Text) : null;
        if (titleIndex >= 0)
        {
            hints.Title = units[titleIndex].Text;
            hints.Outlet ??= Masthead(units, titleIndex);
        }
        // Sentence-shaped lines after the headline are the story's. Without a headline-like line, the
        // first line written as a sentence is the headline ("Poll finds X ahead in Iowa."), unless the
        // input states its headline apart (a JSONL record's title).
        int headline = titleStated ? -1 : titleIndex >= 0 ? titleIndex : FirstSentenceLine(units, first);

        for (int i = 0; i < first; i++)
        {
            var u = units[i];
            if (u.Removal is not null)
                continue;
            var t = u.Text;
            if (ChromePatterns.IsWireDateline(t))
            {
                // The dateline opens the story (its place and date are the story's): body, as when it shares the first paragraph's line.
                continue;
            }
            if (i == titleIndex || (titleKey is not null && TextShape.HasWords(t, titleKey)))
            {
                u.Removal = RemovalReason.Title;
            }
            else if (ChromePatterns.OpinionLabel().IsMatch(t))
            {
                hints.OpinionLabel = true;
                u.Removal = RemovalReason.Navigation;
            }
            else if (ChromePatterns.AnalysisLabel().IsMatch(t))
            {
                hints.AnalysisLabel = true;
                u.Removal = RemovalReason.Navigation;
            }
            else if (ChromePatterns.DateOnlyLine().IsMatch(t))
            {
                hints.PrintedDate ??= t;
                u.Removal = RemovalReason.Other;
            }
            else if (u.Words <= 12 && ChromePatterns.ByLine().Match(t) is { Success: true } by)
            {
                hints.Byline ??= BylineNames(by, t);
                u.Removal = RemovalReason.Byline;
            }
            else if (PersonNames.TryNameLine(t, out var name, out bool honorific) && (honorific || (titleIndex >= 0 && i > titleIndex)))
            {
                // Before the headline a bare name is more often the site's own than an author's.
                hints.Byline ??= name;
                u.Removal = RemovalReason.Byline;
            }
            else if (ChromePatterns.RelatedLinksHeading().IsMatch(t))
            {
                u.Removal = RemovalReason.RelatedLinks;
            }
            else if (ReadsAsSentence(u) && (i > headline || EndsWithColon(t)))
            {
                // A deck under the headline, a one-sentence lead or a line that introduces what follows
                // ("The Times said in an editorial on Monday:"): the story's words, however short.
                // A headline never ends with a colon.
            }
            else
            {
                u.Removal = u.Words <= 5 || i < titleIndex ? RemovalReason.Navigation : RemovalReason.Other;
            }
        }

        // A title often comes back as the page's first heading inside the article too.
        if (titleKey is not null)
        {
            for (int i = first; i < units.Count; i++)
            {
                if (units[i].Removal is null && TextShape.HasWords(units[i].Text, titleKey))
                    units[i].Removal = RemovalReason.Title;
            }
        }
    }

    /// <summary>
    /// A line written as a sentence: it opens with a capital, a digit or a quotation mark, ends like a
    /// sentence or with a colon, has four words or more and at least two in lower case. A menu item,
    /// a label in capitals ("WHY IT MATTERS:"), a Title Case kicker ("Window on Wall Street.") or a
    /// fragment ("(Updated 10 a.m.)") is none of these.
    /// </summary>
    internal static bool ReadsAsSentence(TextUnit u)
    {
        if (u.Words < 4 || !(u.EndsSentence || EndsWithColon(u.Text)))
            return false;
        var t = u.Text.AsSpan().TrimStart();
        if (t.IsEmpty || !(char.IsUpper(t[0]) || char.IsDigit(t[0]) || t[0] is '"' or '“' or '‘' or '\''))
            return false;
        int lower = 0;
        bool longLower = false;
        foreach (var word in t.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!char.IsLower(word[0]))
                continue;
            lower++;
            longLower |= TextShape.CountWords(word) == 1 && word.Count(char.IsLetter) >= 4;
        }
        // "Window on the Valley." has two lower-case words, but only short ones: a Title Case label.
        return lower >= 2 && longLower;
    }

    private static int FirstSentenceLine(List<TextUnit> units, int first)
    {
        for (int i = 0; i < first && i < units.Count; i++)
        {
            if (units[i].Removal is null && ReadsAsSentence(units[i]))
                return i;
        }
        return -1;
    }

    private static bool EndsWithColon(string t) => t.AsSpan().TrimEnd().EndsWith(':');

    /// <summary>Header lines that are labels, not headlines: dates, bylines, section names.</summary>
    private static bool IsHeaderLabel(string t) =>
        ChromePatterns.IsWireDateline(t) || ChromePatterns.OpinionLabel().IsMatch(t) || ChromePatterns.AnalysisLabel().IsMatch(t) || ChromePatterns.DateOnlyLine().IsMatch(t)
        || ChromePatterns.ByLine().IsMatch(t) || ChromePatterns.RelatedLinksHeading().IsMatch(t) || PersonNames.TryNameLine(t, out _, out _);

    private static bool IsTitleLike(TextUnit u)
    {
        if (u.Words < 3 || u.Words > 30)
            return false;
        var t = u.Text.TrimEnd();
        if (t.EndsWith('.') || t.EndsWith(':') || t.EndsWith(',') || ChromePatterns.Url().IsMatch(t) || ChromePatterns.Breadcrumb().IsMatch(t))
            return false;
        return TextShape.StartsUpper(t) || t[0] is '"' or '“' or '‘' or '\'';
    }

    /// <summary>"Read More:" and the headlines listed under it.</summary>
    private static void MarkRelatedLinks(List<TextUnit> units, int first)
    {
        for (int i = Math.Min(first, units.Count); i < units.Count; i++)
        {
            var u = units[i];
            if (u.Words > 8 || u.EndsSentence || !ChromePatterns.RelatedLinksHeading().IsMatch(u.Text))
                continue;
            u.Removal = RemovalReason.RelatedLinks;
            for (int j = i + 1; j < units.Count; j++)
            {
                var v = units[j];
                if (v.Removal is not null and not RemovalReason.Navigation)
                    continue;
                if (v.EndsSentence && v.Words > 25)
                    break;
                if (v.Words > 30)
                    break;
                if (v.LinkDensity is { } density && density < 0.5)
                    break; // on a page, a listed headline is a link
                v.Removal = RemovalReason.RelatedLinks;
                i = j;
            }
        }
    }

    /// <summary>
    /// An appeal opens with a short heading ("Support …", "Donate") and closes with a paragraph in
    /// the outlet's own voice asking for money; everything between belongs to it, however it reads.
    /// </summary>
    private static void MarkDonationAppeals(List<TextUnit> units, int first)
    {
        for (int h = Math.Min(first, units.Count); h < units.Count; h++)
        {
            var head = units[h];
            if (head.Removal is not null || head.Words > 8 || head.EndsSentence || !ChromePatterns.DonationHeading().IsMatch(head.Text))
                continue;
            int last = -1;
            for (int s = h + 1; s < units.Count && s <= h + MaxDonationSpan; s++)
            {
                if (IsAppeal(units[s]))
                    last = s;
            }
            if (last < 0)
                continue;
            while (last + 1 < units.Count && units[last + 1].Removal is null && ChromePatterns.FirstPersonPlural().IsMatch(units[last + 1].Text))
                last++;
            for (int k = h; k <= last; k++)
            {
                if (units[k].Removal is null)
                    units[k].Removal = RemovalReason.Donation;
            }
            h = last;
        }
    }

    /// <summary>
    /// An appeal's heading ("Support X's journalism") is where the appeal opens: a paragraph before it in "we" is the
    /// story's (an interview's answer, the author's closing), not the appeal's opening line, and is not chained into it.
    /// </summary>
    private static bool IsDonationHeading(TextUnit u) =>
        u.Words <= 8 && !u.EndsSentence && ChromePatterns.DonationHeading().IsMatch(u.Text);

    /// <summary>
    /// The outlet asks for money in its own voice: a word of giving and a "we"/"our" outside quotation marks. A paragraph
    /// quoting someone's statement ("It continued: "… that donation was delayed … We are pleased …"", "“… the things we don't
    /// write about,” Newsom told me") is the story's prose.
    /// </summary>
    private static bool IsAppeal(TextUnit u) =>
        ChromePatterns.DonationTerm().IsMatch(u.Text) && ChromePatterns.FirstPersonPlural().IsMatch(u.Text)
        && ChromePatterns.FirstPersonPlural().IsMatch(ChromePatterns.QuotedSpan().Replace(u.Text, " "));

    /// <summary>
    /// Walks back from the end while units are end matter (bio, disclaimer, credits, appeals,
    /// short link lines); returns the index of the first unit of the end zone.
    /// </summary>
    private static int ClassifyEndMatter(List<TextUnit> units, int first, HintCollector hints, bool fromHtml)
    {
        int i = units.Count - 1;
        for (; i >= first && i >= 0; i--)
        {
            var u = units[i];
            if (u.Removal is not null)
            {
                if (u.Removal == RemovalReason.Donation)
                    hints.DonationUnits.Add(u.Index);
                continue;
            }
            var reason = EndMatterReason(units, i, hints, fromHtml);
            if (reason is null)
                break;
            u.Removal = reason;
        }
        return i + 1;
    }

    private static RemovalReason? EndMatterReason(List<TextUnit> units, int i, HintCollector hints, bool fromHtml)
    {
        var u = units[i];
        var t = u.Text;
        var next = i + 1 < units.Count ? units[i + 1].Removal : null;
        if (LeadsIntoQuote(units, i) || (i > 0 && LeadsIntoQuote(units, i - 1)) || IsQuotation(t))
            return null;

        if (ChromePatterns.Disclaimer().IsMatch(t))
        {
            NoteDisclaimer(t, hints);
            return RemovalReason.Disclaimer;
        }
        if (u.Words <= 60 && ChromePatterns.RightsNotice().IsMatch(t))
        {
            NoteDisclaimer(t, hints);
            return RemovalReason.Other;
        }
        if (u.Words <= 40 && ChromePatterns.FirstPublished().Match(t) is { Success: true } fp)
        {
            hints.OriginalPublisher ??= CleanName(fp.Groups["publisher"].Value);
            return RemovalReason.Disclaimer;
        }
        if (ChromePatterns.CreditLine().IsMatch(t))
        {
            hints.BodyByline ??= ReportingBy(t);
            return RemovalReason.Byline;
        }
        // A bio describes its author; a paragraph that reports what someone said ("…, said Leahy, who is the committee's
        // chairman", "Jane Roe, a former staffer, said: “…”") is the story's prose about a source.
        bool reportsSpeech = ChromePatterns.ReportedSpeech().IsMatch(t);
        if (u.Words <= 120 && !reportsSpeech && ChromePatterns.BioRole().IsMatch(t) && PersonNames.FromBioLead(t) is { } author)
        {
            hints.BioByline ??= author;
            hints.AuthorBio ??= t;
            return RemovalReason.Bio;
        }
        if (u.Words <= 120 && !reportsSpeech && ChromePatterns.ReporterBio().IsMatch(t) && PersonNames.FromBioLead(t) is { } reporter)
        {
            hints.BioByline ??= reporter;
            hints.AuthorBio ??= t;
            return RemovalReason.Bio;
        }
        if (u.Words <= 120 && (ChromePatterns.BioContact().IsMatch(t) || (next == RemovalReason.Bio && ChromePatterns.BioContinuation().IsMatch(t))))
        {
            hints.AuthorBio ??= t;
            return RemovalReason.Bio;
        }
        if (PersonNames.TryNameLine(t, out var name, out _))
        {
            hints.BodyByline ??= name;
            return RemovalReason.Byline;
        }
        if (u.Words <= 12 && ChromePatterns.ByLine().Match(t) is { Success: true } by)
        {
            hints.BodyByline ??= BylineNames(by, t);
            return RemovalReason.Byline;
        }
        if (IsAppeal(u)
            || (next == RemovalReason.Donation && !IsDonationHeading(units[i + 1]) && (ChromePatterns.FirstPersonPlural().IsMatch(t) || ChromePatterns.ReaderSalutation().IsMatch(t)))
            || (u.Words <= 6 && !u.EndsSentence && ChromePatterns.DonationHeading().IsMatch(t)))
        {
            hints.DonationUnits.Add(u.Index);
            return RemovalReason.Donation;
        }
        if (ChromePatterns.RelatedLinksHeading().IsMatch(t) && u.Words <= 8)
            return RemovalReason.RelatedLinks;
        // A page's markup tells links from text: there a short last line is only furniture when it is a link.
        if (!u.IsProse && !u.EndsSentence && u.Words <= 12 && (!fromHtml || u.LinkDensity >= 0.5))
            return next == RemovalReason.RelatedLinks ? RemovalReason.RelatedLinks : RemovalReason.Navigation;
        return null;
    }

    private static void ClassifyBody(List<TextUnit> units, int first, int endZone, string raw, HintCollector hints, bool fromHtml)
    {
        RestatementIndex? restatements = null;
        for (int i = first; i < endZone && i < units.Count; i++)
        {
            var u = units[i];
            if (u.Removal is not null)
                continue;
            var t = u.Text;
            if (ChromePatterns.CreditLine().IsMatch(t) && u.Words <= 30)
            {
                hints.BodyByline ??= ReportingBy(t);
                u.Removal = RemovalReason.Byline;
            }
            else if (u.Words <= 40 && ChromePatterns.FirstPublished().Match(t) is { Success: true } fp && !u.IsProse)
            {
                hints.OriginalPublisher ??= CleanName(fp.Groups["publisher"].Value);
                u.Removal = RemovalReason.Disclaimer;
            }
            else if (!fromHtml && PersonNames.TryNameLine(t, out var name, out bool honorific)
                && (honorific || NameAppearsElsewhere(raw, u, name)))
            {
                // An author box dropped into the middle of the text by the page layout.
                hints.BodyByline ??= name;
                u.Removal = RemovalReason.Byline;
            }
            else if (!fromHtml && u.Words >= 6 && (!u.EndsSentence || u.Words <= 30))
            {
                // On a page, pull quotes are marked up (and removed by class); repeated text there is usually an embed.
                restatements ??= RestatementIndex.Rent(units);
                int source = restatements.FindSource(i);
                if (source >= 0 && units[source].Removal is null)
                    u.Removal = RemovalReason.PullQuote;
            }
        }
        if (restatements is not null)
            RestatementIndex.Return(restatements);
    }

    /// <summary>
    /// The authors of a "By" line: "By A and B", "By A, B and C" (joined ", " as a list of authors in
    /// JSONL is); a job title after a comma is not an author ("By A, Chief Correspondent").
    /// </summary>
    private static string BylineNames(Match by, string line)
    {
        var first = by.Groups["name"].Value.Trim();
        var more = MoreAuthors().Match(line, by.Index + by.Length);
        if (!more.Success)
            return first;
        var names = more.Groups["name"].Captures.Select(c => c.Value.Trim()).ToList();
        // Each further author is a full name: "and Editor" or ", Moscow" is no second author.
        return names.TrueForAll(n => n.Contains(' ', StringComparison.Ordinal)) ? string.Join(", ", [first, .. names]) : first;
    }

    /// <summary>"Reporting by A in Place and B; Editing by C": the reporters and writers, without places or editors.</summary>
    private static string? ReportingBy(string line)
    {
        var names = new List<string>();
        foreach (Match part in ReportersCredit().Matches(line))
        {
            foreach (var raw in AuthorSeparator().Split(part.Groups["names"].Value))
            {
                var name = PlaceAfterName().Replace(raw, "").Trim().TrimEnd('.', ',');
                if (PersonNames.TryNameLine(name, out var clean, out _) && !names.Contains(clean, StringComparer.Ordinal))
                    names.Add(clean);
            }
        }
        return names.Count > 0 ? string.Join(", ", names) : null;
    }

    /// <summary>
    /// The site's name on a line of its own above the headline (its masthead): the first line there
    /// shaped like a name of two to four capitalised words ("The Meridian Monitor", "THE DAILY X"),
    /// never a label, a menu item, a person's name or a line with other marks. Written in capitals, it
    /// is given as a name.
    /// </summary>
    private static string? Masthead(List<TextUnit> units, int titleIndex)
    {
        for (int i = 0; i < titleIndex; i++)
        {
            var u = units[i];
            if (u.Removal is not null and not RemovalReason.Navigation || u.Words is < 2 or > 6 || u.EndsSentence)
                continue;
            var t = u.Text.Trim();
            // A person's name above the headline is more often an author's (a column's), so only
            // a "The …" name may look like one.
            if (!MastheadShape().IsMatch(t) || u.Words > 4 || (PersonNames.TryNameLine(t, out _, out _) && !t.StartsWith("The ", StringComparison.OrdinalIgnoreCase))
                || ChromePatterns.NavigationLine().IsMatch(t) || ChromePatterns.LabelLine().IsMatch(t)
                || ChromePatterns.OpinionLabel().IsMatch(t) || ChromePatterns.AnalysisLabel().IsMatch(t) || ChromePatterns.ByLine().IsMatch(t)
                || ChromePatterns.RelatedLinksHeading().IsMatch(t) || ChromePatterns.DateOnlyLine().IsMatch(t))
                continue;
            return t.Any(char.IsLower) ? t : string.Join(' ', t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(CapitalWord));
        }
        return null;
    }

    /// <summary>A word of a name written in capitals: "THE" is "The", a short word ("USA", "BBC") stays an acronym.</summary>
    private static string CapitalWord(string word) =>
        word is "THE" or "OF" or "AND" or "FOR" ? word[0] + word[1..].ToLowerInvariant()
        : word.Length <= 3 ? word
        : word[0] + word[1..].ToLowerInvariant();

    [GeneratedRegex("""^(?!(?:Your|Our|My|YOUR|OUR|MY)\b)(?:(?:The|THE)\s+)?\p{Lu}[\p{L}'’&.-]*(?:\s+(?:\p{Lu}[\p{L}'’&.-]*|of|for|and|de|&))+$""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex MastheadShape();

    [GeneratedRegex("""\G(?:\s*,\s*(?<name>[A-Z][\p{L}'’.-]*(?:\s+(?:[A-Z][\p{L}'’.-]*|de|van|von|al|bin|ibn|el|la|le|da|di)){0,4}))*\s+(?:and|&)\s+(?<name>[A-Z][\p{L}'’.-]*(?:\s+(?:[A-Z][\p{L}'’.-]*|de|van|von|al|bin|ibn|el|la|le|da|di)){0,4})""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex MoreAuthors();

    [GeneratedRegex("""(?i:\b(?:additional\s+)?(?:reporting|writing)\s+by)\s+(?<names>[^;()]+?)(?=\s*(?:;|\(|$|\b(?i:editing|edited|compiled|graphics|produced)\b))""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex ReportersCredit();

    [GeneratedRegex("""\s*,\s*|\s+(?:and|&)\s+""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex AuthorSeparator();

    [GeneratedRegex("""\s+in\s+\p{Lu}[\p{L}'’. -]*$""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex PlaceAfterName();

    private static bool NameAppearsElsewhere(string raw, TextUnit u, string name)
    {
        var surname = name.Split(' ')[^1];
        int at = 0;
        while ((at = raw.IndexOf(surname, at, StringComparison.Ordinal)) >= 0)
        {
            if (at < u.Raw.Start || at >= u.Raw.End)
                return true;
            at += surname.Length;
        }
        return false;
    }

    private static void NoteDisclaimer(string text, HintCollector hints)
    {
        if (ChromePatterns.OpinionDisclaimer().IsMatch(text))
            hints.OpinionLabel = true;
        if (ChromePatterns.DisclaimerOutlet().Match(text) is { Success: true } m)
            hints.Outlet ??= CleanName(m.Groups["outlet"].Value);
        else if (ChromePatterns.CopyrightOutlet().Match(text) is { Success: true } c)
        {
            // A syndicated column carries its syndicate's copyright: the text's first publisher, not the page's outlet.
            var holder = CleanName(c.Groups["outlet"].Value);
            if (ChromePatterns.AllRightsReserved().IsMatch(holder) || holder.Equals("Copyright", StringComparison.OrdinalIgnoreCase))
                return;
            if (ChromePatterns.Syndicate().IsMatch(holder))
                hints.OriginalPublisher ??= holder;
            else
                hints.Outlet ??= holder;
        }
    }

    /// <summary>An appeal speaks of its outlet by name: "X continues …", "X's readership …".</summary>
    private static void CollectDonationOutlet(List<TextUnit> units, HintCollector hints)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var u in units)
        {
            if (u.Removal != RemovalReason.Donation)
                continue;
            foreach (Match m in SelfReference().Matches(u.Text))
            {
                var name = m.Groups["name"].Value;
                if (NotAName().IsMatch(name))
                    continue;
                counts[name] = counts.GetValueOrDefault(name) + 1;
            }
        }
        var best = counts.Where(kv => kv.Value >= 2).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).FirstOrDefault();
        if (best.Key is not null)
            hints.Outlet ??= best.Key;
        // Once is enough when the appeal says what it is: "X is an independent, non-profit newsroom".
        foreach (var u in units)
        {
            if (u.Removal == RemovalReason.Donation && SelfDescription().Match(u.Text) is { Success: true } m && !NotAName().IsMatch(m.Groups["name"].Value))
            {
                hints.Outlet ??= m.Groups["name"].Value;
                return;
            }
        }
    }

    [GeneratedRegex("""(?<![\w.])(?<name>(?:The\s+)?[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})\s+is\s+an?\s+(?:[\w-]+,?\s+){0,4}(?:newsroom|news\s+(?:organi[sz]ation|outlet|site|agency|service|website)|newspaper|magazine|publication|media\s+outlet)\b""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex SelfDescription();

    [GeneratedRegex("""(?<![\w.])(?<name>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})(?=['’]s\s+\w|\s+(?:is|continues|has|relies|depends|needs|remains|was|will|works|provides|brings|keeps)\b)""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex SelfReference();

    [GeneratedRegex("""^(?:One|During|Our|We|This|That|These|Those|It|In|With|As|Thank|Thanks|Please|Your|You|If|When|Most|Every|Each|There|Here|Now|Today|But|And|So|What|Why|How|He|She|They)\b""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex NotAName();

    /// <summary>Never nothing: a text the rules would empty keeps whatever is not plainly page furniture.</summary>
    private static void EnsureBody(List<TextUnit> units)
    {
        if (units.Count == 0 || units.Exists(u => u.Removal is null))
            return;
        foreach (var u in units)
        {
            if (u.Removal is RemovalReason.Title or RemovalReason.Other or RemovalReason.Byline or RemovalReason.RelatedLinks or RemovalReason.PullQuote)
                u.Removal = null;
        }
        if (!units.Exists(u => u.Removal is null))
        {
            foreach (var u in units)
                u.Removal = null;
        }
    }

    private static CleaningResult Assemble(string raw, List<TextUnit> units, PageHints hints)
    {
        var body = new BodyBuilder(raw);
        var removed = new List<RemovedBlock>();
        var captions = new List<Caption>();
        foreach (var u in units)
        {
            if (u.Removal is { } reason)
            {
                removed.Add(new RemovedBlock(u.Text, reason, u.Raw));
                if (reason == RemovalReason.Caption)
                    captions.Add(new Caption(u.Text, u.Raw));
                continue;
            }
            if (body.Length > 0)
                body.AppendSeparator("\n\n");
            for (int k = 0; k < u.Lines.Length; k++)
            {
                if (k > 0)
                    body.AppendSeparator(" ");
                AppendWithoutHoverCards(body, raw, u.Lines[k], removed, captions);
            }
        }
        var (text, map) = body.Build();
        return new CleaningResult(text, map, removed, captions, hints);
    }

    /// <summary>
    /// Appends a body line, leaving out the hover cards copied into it (<see cref="HoverCards"/>) and the calls to act
    /// and glued posts inside it (<see cref="InlineChrome"/>); each left-out piece is a removed block with its raw range (a post also a caption).
    /// </summary>
    private static void AppendWithoutHoverCards(BodyBuilder body, string raw, TextRange line, List<RemovedBlock> removed, List<Caption> captions)
    {
        var span = raw.AsSpan(line.Start, line.Length);
        var cards = HoverCards.Find(span);
        var inline = InlineChrome.Find(span);
        if (cards.Count == 0 && inline.Count == 0)
        {
            body.AppendRaw(line);
            return;
        }
        // Both kinds as (body ends, text starts, text ends, body goes on), in order; a piece overlapping one before it is left in.
        var cuts = new List<InlineChrome.Cut>(cards.Count + inline.Count);
        foreach (var card in cards)
            cuts.Add(new InlineChrome.Cut(card.Cut, card.TextStart, card.End, card.End, RemovalReason.RelatedLinks));
        cuts.AddRange(inline);
        cuts.Sort((x, y) => x.BodyEnd.CompareTo(y.BodyEnd));
        int at = 0;
        foreach (var cut in cuts)
        {
            if (cut.BodyEnd < at)
                continue;
            body.AppendRaw(new TextRange(line.Start + at, line.Start + cut.BodyEnd));
            var cutText = new TextRange(line.Start + cut.TextStart, line.Start + cut.TextEnd);
            removed.Add(new RemovedBlock(raw[cutText.Start..cutText.End], cut.Reason, cutText));
            if (cut.Reason == RemovalReason.Caption)
                captions.Add(new Caption(raw[cutText.Start..cutText.End], cutText)); // a glued post, like a post on a line of its own
            at = cut.Resume;
        }
        body.AppendRaw(new TextRange(line.Start + at, line.End));
    }

    internal static string Normalize(string text) => string.Join(' ', TextShape.Words(text));

    private static string CleanName(string name) => name.Trim().TrimEnd('.', ',', ';', ':', '\'', '’').Trim();
}
