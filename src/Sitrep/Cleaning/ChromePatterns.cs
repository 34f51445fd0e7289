using System.Buffers;
using System.Text.RegularExpressions;

namespace Sitrep.Cleaning;

/// <summary>
/// The vocabulary of page chrome: words and shapes that web pages use for their furniture
/// across outlets and languages of layout, never the wording of any one article.
/// </summary>
internal static partial class ChromePatterns
{
    private const string Opts = "(?ix)";

    /// <summary>A whole line that is a control or a label of the page, not text.</summary>
    [GeneratedRegex(Opts + """
        ^[\W_]*(
          (skip|jump)\ to(\ the)?\ (main\ )?(content|navigation|article|search|menu|footer)
        | accessibility(\ links| help)? | breaking(\ news)? | short\ ?url | short\ link | permalink
        | (main\ )?menu | navigation | toggle\ navigation | home(\ page)? | search | close | open | back(\ to\ top)?
        | sign\ (in|up|out) | log\ ?(in|out) | register | my\ account | subscribe(\ now|\ today)? | newsletters?
        | (top|latest|more|related)\ (stories|news|headlines|videos?) | live(\ updates)? | watch(\ live)? | listen(\ to\ (this\ )?article)?
        | follow\ us(\ on\ \w+)? | print(\ this\ (page|article))? | e-?mail(\ this)? | comments? | \d+\ comments? | view\ comments | leave\ a\ comment
        | advert | up\ next | our\ latest\ stories | more\ great\ \w+\ stories | most\ read(\ in\ [\w\ ]{1,30})? | (you\ may\ also\ like|also\ on\ \w+) | this\ slideshow\ requires\ javascript\.? | image\ \d+\ of\ \d+ | tell\ us\ what\ you\ think.{0,5} | (font|text)\ size | copy\ link | link\ copied | save(\ article)? | bookmark | loading(\.\.\.|…)? | next | previous | prev
        | next\ (article|story|post) | previous\ (article|story|post) | more | see\ more | show\ more | load\ more | expand | collapse
        | topics? | tags? | sections? | categories | about(\ us)? | contact(\ us)? | privacy(\ policy|\ notice)? | terms(\ of\ (use|service))? | terms\ (and|&)\ conditions | cookie\ (policy|settings) | site\ ?map | careers | advertise(\ with\ us)? | faq | (world|local|national|international)\ news | (world|politics|business|opinion|sports?)
        )[\W_]*$
        """, RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex NavigationLine();

    /// <summary>
    /// A sentence of a house pitch, which speaks to the reader about the outlet's own lists: "sign up for our …", "sign up
    /// here", "subscribe to our …", "our daily newsletter", "in your inbox", "our privacy policy", "you may unsubscribe",
    /// "promotional offers", "become a member", "we'll send you", "delivered straight to your", "our submission guidelines". "Sign up for insurance", "subscribers", "e-newsletters" are not.
    /// </summary>
    [GeneratedRegex(Opts + """\b(sign\ up\ (for\ our|here|now|today)|subscribe\ (to\ our|now|today|here)|(in|to)\ your\ inbox|(our|the)\ privacy\ policy|unsubscribe\b|promotional\ offers|become\ a\ (member|subscriber|supporter)|our\ (\w+\ ){0,2}newsletters?\b|download\ (our|the)\ (free\ )?app|we(’|')ll\ send\ you|submission\ guidelines|delivered\ (straight\ )?to\ your)""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex PromoSentence();

    /// <summary>Where one sentence ends and the next opens, for weighing a paragraph's sentences: a stop, then a capital or a quotation mark.</summary>
    [GeneratedRegex("""(?<=[.!?])\s+(?=[\p{Lu}"“])""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex SentenceBreak();

    /// <summary>House ads: newsletters, apps, sign-ups, tips lines.</summary>
    [GeneratedRegex(Opts + """\b(subscribe\ (to|now|today|for)|sign\ up\ (for|to|now|here)|sign\ up$|newsletters?\b.{0,40}\b(inbox|sign|subscribe|delivered)|(in|to)\ your\ inbox|successfully\ subscribed|join\ our\ \w+|download\ (our|the)\ (free\ )?app|get\ (breaking\ news|the\ latest|access\ to)|delivered\ (to|through)\ your|have\ a\ (news\ )?tip\b|listen\ (live|back|to\ newsbeat)|breaking\ news\ (emails|alerts))""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex PromoLine();

    /// <summary>
    /// A dateline or timestamp line: dates, times, "updated", "min read", a source or author label,
    /// and little else. Matched without backtracking: a long run of digits splits into "\d{1,4}"
    /// pieces in exponentially many ways, and a line of comma-separated ids hung the cleaner.
    /// </summary>
    [GeneratedRegex(Opts + """
        ^[\W_]*((published|updated|posted|last\ updated|first\ published|modified|date|on|at|by|source|ago|min(ute)?s?\ read|read\ time|et|gmt|utc|bst|ist|est|edt|pst|pdt|cet|am|pm|a\.m\.|p\.m\.|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|hours?|days?|minutes?
        |jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|\d{1,4}(st|nd|rd|th)?|\d{1,2}[:.]\d{2}(:\d{2})?)[\W_]*){2,}$
        """, RegexOptions.NonBacktracking)]
    public static partial Regex MetaLine();

    /// <summary>
    /// A wire dateline on a line of its own above the story: the place in capitals, perhaps its region and
    /// the date, the agency in brackets, a dash ("WASHINGTON (AP) --", "NAIROBI, Kenya (AP) _",
    /// "BRUSSELS, December 2 (Xinhua) --", "MIAMI _"). It opens the story's first paragraph, as it does when
    /// the two share a line.
    /// </summary>
    [GeneratedRegex("""^(?<place>\p{Lu}[\p{Lu}.'’\- ]{1,40}?)(?:,\s*(?<region>\p{Lu}[\p{L}.'’\- ]{0,30}?))?(?:,\s*(?<date>\d{1,2}\s+\p{Lu}\p{Ll}+\.?|\p{Lu}\p{Ll}+\.?\s+\d{1,2}(?:,\s*\d{4})?))?(?:\s*\((?<agency>\s*\p{Lu}[\p{L}&.'’\- ]{0,30})\))?\s*(?<dash>--?|[–—_])\s*$""", RegexOptions.NonBacktracking)]
    private static partial Regex WireDatelineLine();

    /// <summary>A dateline line needs an agency or a date, or the wire's underscore ("MIAMI _"): a shouted heading ("BREAKING NEWS —") has none.</summary>
    public static bool IsWireDateline(string line)
    {
        if (line.Length > 90)
            return false;
        var m = WireDatelineLine().Match(line);
        return m.Success && (m.Groups["agency"].Success || m.Groups["date"].Success || m.Groups["dash"].Value == "_");
    }

    /// <summary>A label left without its value: "Author:", "BY:", "Publish date:".</summary>
    [GeneratedRegex(Opts + """^[\W_]*(by|author|authors|publish(ed)?\ date|date|source|tags|filed\ under|topics|share|updated|posted\ by|written\ by|photo|image|credit)\s*:?\s*[|•·]?\s*$""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex LabelLine();

    /// <summary>A photo credit on its own line: "Image copyright Getty Images", "Credit...Name/Agency", "© Name", "Photo: …".</summary>
    [GeneratedRegex(Opts + """^[\W_]*((image|photo|picture|video)\ (copyright|credit|source|caption)|credit\W|photo(graph)?\ ?:|©\ ?[\p{Lu}]|\(?(photo|image)\ by\b)|\|\ ?(getty\ images|reuters|ap|afp|epa|shutterstock|bloomberg)\s*$|^[\p{Lu}][\p{L}.'-]+(\ [\p{Lu}][\p{L}.'-]+){1,3}\ ?[|/]\ ?(getty\ images|reuters|ap|afp|epa|shutterstock|bloomberg|the\ [\p{Lu}][\w ]+)(\ ?[|/]\ ?[\w ]+)?\s*$""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex CreditLine2();

    [GeneratedRegex(Opts + """^[\W_]*(advertisement|advertising|sponsored(\ content)?|ad|promoted(\ content)?|paid\ content|story\ continues\ below(\ advertisement)?|article\ continues\ below)[\W_]*$""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex AdvertisementLine();

    /// <summary>Share buttons copied as text: every word is a network or a share verb.</summary>
    [GeneratedRegex(Opts + """
        ^[\W_]*(share|shares|shared|tweet|facebook|twitter|x|whatsapp|linkedin|reddit|telegram|pinterest|e-?mail|print|copy|link|messenger|flipboard|this|article|story|page|on|via|sms|\d+)
        ([\W_]+(share|shares|shared|tweet|facebook|twitter|x|whatsapp|linkedin|reddit|telegram|pinterest|e-?mail|print|copy|link|messenger|flipboard|this|article|story|page|on|via|by|with|to|friends?|sms|\d+))*[\W_]*$
        """, RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex ShareLine();

    [GeneratedRegex(Opts + """\bcookies?\b.{0,120}\b(use|uses|using|accept|policy|consent|settings|preferences|experience)\b|\b(accept|manage)\ (all\ )?cookies\b""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex CookieNotice();

    /// <summary>The heading of a list of links to other articles.</summary>
    [GeneratedRegex(Opts + """
        ^[\W_]*(
          read\ (more|also|next)(\ (on|about|from)\b.{0,40})? | also\ read | see\ also | related(\ (articles?|stories|coverage|content|news|reading|topics|posts?|links))?
        | more\ (on|from|about|in)\b.{0,40} | more\ stories | recommended(\ (for\ you|reading|stories|articles))? | you\ (may|might)\ (also\ )?(like|be\ interested\ in)
        | most\ (read|popular|viewed|shared|commented) | trending(\ (now|stories|news))? | what\ to\ read\ next | further\ reading | editor'?s\ picks? | don'?t\ miss
        | (latest|top)\ (stories|news|articles|headlines) | in\ (other|case\ you\ missed)\ .{0,20}
        )[\W_]*$
        """, RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex RelatedLinksHeading();

    /// <summary>A short heading that opens an appeal for money or membership.</summary>
    [GeneratedRegex(Opts + """\b(support|donate|donation|contribute|contribution|subscribe|become\ a\ (member|patron|supporter|subscriber)|membership|fund|sponsor)\b""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex DonationHeading();

    /// <summary>Words only an appeal for money uses.</summary>
    [GeneratedRegex(Opts + """
        \b(donat(e|es|ed|ing|ion|ions)|contributions?|generosity|generous\ (readers|supporters|donors)|tax[-\ ]deductible|chip\ in|make\ a\ gift|one-time\ gift|monthly\ gift
        | become\ a\ (member|patron|supporter|subscriber|sustainer) | support\ (us|our\ (work|journalism|mission|reporting|newsroom))
        | support\ (independent|quality|fearless|nonprofit|non-profit)\ (journalism|media|news|reporting) | readers\ (and|like\ you)\ (supporters|you)
        | (any|every)\ (amount|dollar|contribution) | (help|helping)\ us\ (sustain|continue|keep|fund) | pledge\ (now|today)
        )\b
        """, RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex DonationTerm();

    /// <summary>A quoted span, closed or running to the end of the paragraph: someone else's words, not the outlet's voice.</summary>
    [GeneratedRegex("""“[^”]*(?:”|$)|"[^"]*(?:"|$)""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex QuotedSpan();

    /// <summary>A verb that reports speech: a paragraph with one tells what a source said, which no author bio does.</summary>
    [GeneratedRegex("""\b(?:said|says|told|asked)\b""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex ReportedSpeech();

    /// <summary>The outlet's own voice: an appeal speaks as "we" and "our".</summary>
    [GeneratedRegex("""\b(we|our|us|We|Our|Us)\b""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex FirstPersonPlural();

    /// <summary>
    /// An affiliate disclosure: the site (or its writer) says it earns from the links on the page
    /// ("we may earn a commission", "This post contains affiliate links", "reader-supported").
    /// The subject is the site's own voice or "may": a body sentence about how affiliates earn
    /// ("streamers earn a commission when…") names someone else in the present tense.
    /// </summary>
    [GeneratedRegex(Opts + """
        \b(we|i|us)\ (may\ |might\ |will\ |could\ |can\ |also\ may\ |may\ also\ )?(earn|receive|get|make|be\ paid)\ (a\ |an\ )?((small|(very\ )?small|tiny)\ )?(affiliate\ )?(commissions?|compensation|kickback|share\ of\ (the\ )?(sales?|revenue))
        | \bmay\ (earn|receive|get|make)\ (us\ |me\ )?(a\ |an\ )?((small|tiny)\ )?(affiliate\ )?(commissions?|compensation)\b
        | \b(this|the|our|my)\ (post|article|page|blog|site|website|story|guide|review|podcast|video|episode|newsletter)\ (may\ |also\ |sometimes\ )?(contains?|uses?|includes?|has)\ (some\ )?(affiliate|commissionable|sponsored)\ links\b
        | \b(is|are|a)\ reader-supported\b
        | \bearns?\ from\ qualifying\ purchases\b
        """, RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex AffiliateDisclosure();

    /// <summary>The words every branch of <see cref="AffiliateDisclosure"/> ends in, one of which a disclosure must hold.</summary>
    private static readonly SearchValues<string> AffiliateWords = SearchValues.Create(
        ["commission", "compensation", "kickback", "share of", "links", "reader-supported", "qualifying purchases"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Letters a case-insensitive pattern takes for Latin ones (the Kelvin sign, long s, dotted and dotless i).</summary>
    private static readonly SearchValues<char> CaseFoldedLookalikes = SearchValues.Create("\u212A\u017F\u0130\u0131");

    /// <summary>
    /// Whether <paramref name="text"/> is an affiliate disclosure (<see cref="AffiliateDisclosure"/>). Every
    /// branch of that pattern ends in one of a few words, so a text without any of them is none, and the
    /// pattern, which has no leading word to look for and so is tried at almost every position, runs only
    /// on the few that have one (most paragraphs of an article are 6 to 70 words long and were all tried).
    /// A letter that the pattern's case-insensitive match takes for a Latin one ("K", the Kelvin sign; "ſ";
    /// "İ", "ı") sends the text to the pattern as well, so the answer is the pattern's in every case.
    /// </summary>
    public static bool IsAffiliateDisclosure(string text)
    {
        var span = text.AsSpan();
        return (span.ContainsAny(AffiliateWords) || span.ContainsAny(CaseFoldedLookalikes)) && AffiliateDisclosure().IsMatch(text);
    }

    [GeneratedRegex(Opts + """^[\W_]*disclaimer\b|\bviews\ expressed\b|\bopinions\ expressed\b|\b(do|does)\ not\ necessarily\ (reflect|represent)\b""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex Disclaimer();

    /// <summary>Copyright and republication notices.</summary>
    [GeneratedRegex(Opts + """\ball\ rights\ reserved\b|^\W*(©|\(c\)\ |copyright\b)|\bmay\ not\ be\ (re)?(published|produced|printed|distributed|broadcast)|\bwithout\ (prior\ )?(written\ )?permission\b""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex RightsNotice();

    [GeneratedRegex(Opts + """\ball\ rights\ reserved\b""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex AllRightsReserved();

    /// <summary>A line that opens with a copyright sign or word.</summary>
    [GeneratedRegex(Opts + """^\W*(©|\(c\)\ |copyright\b)""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex CopyrightStart();

    /// <summary>Syndication services, whose copyright a syndicated column carries on every page that runs it.</summary>
    [GeneratedRegex(Opts + """\b(syndicate|content\ agency|writers\ group|features\ syndicate|news\ service|uclick)\b""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex Syndicate();

    /// <summary>A link line that carries its label and its headline together: "Also read: …".</summary>
    [GeneratedRegex(Opts + """^[\W_]*(also\ read|read\ also|read\ more|see\ also|related|more\ on\ this|recommended|watch|listen|more)\s*[:|»›-]\s*\S.{2,200}$""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex InlineRelatedLink();

    /// <summary>The salutation that opens a letter to readers.</summary>
    [GeneratedRegex(Opts + """^[\W_]*dear\ (reader|readers|friend|friends|subscriber|subscribers|supporter|supporters)[\W_]*$""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex ReaderSalutation();

    /// <summary>
    /// Breadcrumbs: short parts joined by separators ("News | Border Affairs", "World › Europe"). Matched
    /// without backtracking: a part may end in the spaces "\s+" also takes, so a long line of parts that
    /// fails at its end splits those spaces in exponentially many ways.
    /// </summary>
    [GeneratedRegex("""^[^|›»>/]{1,30}(?:\s+[|›»>/]\s+[^|›»>/]{1,30})+$""", RegexOptions.NonBacktracking)]
    public static partial Regex Breadcrumb();

    /// <summary>An opinion section's disclaimer: the writer's views are their own.</summary>
    [GeneratedRegex(Opts + """\b(views|opinions)\ expressed\b.{0,80}\b(their|his|her|the\ author'?s?|the\ writer'?s?)\ own\b|\bopinions?\ (section|column|piece)\b""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex OpinionDisclaimer();

    /// <summary>"…do not necessarily reflect X's point of view" names the outlet.</summary>
    [GeneratedRegex("""(?i:reflect|represent)s?\s+(?:the\s+)?(?:(?i:views?|opinions?|positions?|point[- ]of[- ]view|editorial\s+policy|stance)\s+of\s+(?<outlet>[A-Z][\w&'’-]*(?:\.(?=\w)[\w&'’-]+)*(?:\s+[A-Z][\w&'’-]*(?:\.(?=\w)[\w&'’-]+)*){0,4})|(?<outlet>[A-Z][\w&'’-]*(?:\.(?=\w)[\w&'’-]+)*(?:\s+[A-Z][\w&'’-]*(?:\.(?=\w)[\w&'’-]+)*){0,4})(?:['’]s?)\s+(?i:views?|opinions?|positions?|point[- ]of[- ]view|editorial))""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex DisclaimerOutlet();

    [GeneratedRegex("""^\W*(?:©|\([cC]\)|[Cc]opyright)\s*(?:©\s*)?(?:[Cc]opyright\s+)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?:by\s+)?(?<outlet>[A-Z][\w&'’-]*(?:\.(?=\w)[\w&'’-]+)*(?:\s+[A-Z][\w&'’-]*(?:\.(?=\w)[\w&'’-]+)*){0,4})""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex CopyrightOutlet();

    /// <summary>"This article was first published by X." names the original publisher.</summary>
    [GeneratedRegex("""(?i:\b(?:first|originally)\s+(?:published|appeared|ran|posted)\s+(?:by|in|on|at|with))\s+(?:(?i:the)\s+)?(?<publisher>[A-Z][\w&'’-]*(?:\.(?=\w)[\w&'’-]+)*(?:\s+(?:[A-Z][\w&'’-]*(?:\.(?=\w)[\w&'’-]+)*|of|for|and|on|the|de)){0,8})""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex FirstPublished();

    /// <summary>Wire-service credit lines at an article's foot.</summary>
    [GeneratedRegex(Opts + """^\W*(\(?\s*)?(reporting|writing|editing|additional\ reporting|compiled|edited|produced|graphics?)\ by\b""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex CreditLine();

    /// <summary>A line's label for a later revision: "Updated", "Last modified".</summary>
    [GeneratedRegex(@"(?i)\b(?:updated|modified|edited|reviewed)\b", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex UpdatedLabel();

    /// <summary>A line naming who reviewed, edited or checked the article rather than who wrote it.</summary>
    [GeneratedRegex(@"^\W*(?i:(?:medically\s+|expert\s+|fact[\s-]?)?(?:reviewed|edited|checked|verified|updated|illustrated|photographed)\s+by)\b", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex ReviewerLine();

    /// <summary>A line's label for the first publication: "Published", "Posted".</summary>
    [GeneratedRegex(@"(?i)\b(?:published|posted)\b", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex PublishedLabel();

    /// <summary>Where a header line's name ends: a separator mark, a handle's "@", a digit, a month's name before a day, a weekday.</summary>
    [GeneratedRegex(@"\s*(?:[•|·–—/@]|\s-\s|\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC)[a-zA-Z]*\.?\s+\d|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex HeaderSeparator();

    /// <summary>A byline: "By Jane Doe", "By Jane Doe and John Roe, Reuters".</summary>
    [GeneratedRegex("""^\W*(?i:by)\s+(?<name>(?:(?:Dr|Prof|Mr|Mrs|Ms|Sir)\.?\s+)?[A-Z][\p{L}'’.-]*(?:\s+(?:[A-Z][\p{L}'’.-]*|de|van|von|al|bin|ibn|el|la|le|da|di)){0,4})""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex ByLine();

    /// <summary>
    /// An agency's photo credit closing a line, "(AP Photo/Jane Roe, File)": wire captions tell the story beside the picture
    /// in up to ~150 words, longer than other captions, and end with it.
    /// </summary>
    /// <remarks>
    /// Also the other forms an agency's picture is credited in: a picture the agency distributes for someone else,
    /// "(Name/Pool Photo via AP, File)", "(City Museum via AP)"; a pool or partner's photographer, "(Name/Pool/Reuters)",
    /// "(Name/Invision/AP, File)", "(Name/AP Photo)"; Reuters' own form without brackets, "… May 3, 2019. REUTERS/Jane Roe"
    /// or "REUTERS/Jane Roe/File Photo" (the capitals are the credit's, as "Reuters/Ipsos poll" in a sentence is not).
    /// A link word copied after the credit ("(AP Photo/Jane Roe) More") is the page's, so the line is still a caption.
    /// </remarks>
    [GeneratedRegex(@"(?:\(\s*(?:[A-Z]{2,6}|Getty)\s+(?:Photo|Images|Pictures)\s*/\s*[^()]{1,60}\)|\(\s*[^()]{0,80}?(?:\bvia\s+(?:AP|Reuters|AFP|Getty\s+Images)(?:\s+(?:Photo|Images))?|\bPool(?:\s+Photo)?\s*/\s*(?:AP|Reuters|AFP|Getty\s+Images|EPA)|/\s*(?:AP|AFP|Reuters)\s+Photo|/\s*(?:AP|Reuters|AFP|Getty\s+Images)\s*,\s*File)(?:\s*[,/]\s*(?:File|Pool))?\s*\)|\bREUTERS\s*/\s*\p{Lu}[\p{L}.'’\- ]{1,50}(?:/\s*File\s+Photo)?)\s*\.?(?:\s+More)?\s*$", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex AgencyPhotoCredit();

    /// <summary>
    /// An agency's photo credit opening a caption, the photographer before the agency: "Jane Roe/Reuters Protesters
    /// gather …", "Jane Roe/AP A man …", and the same credit in square brackets closing one, "… on Monday [Jane Roe/AFP]".
    /// A sentence never opens with a name joined to an agency by a slash.
    /// </summary>
    [GeneratedRegex(@"^\p{Lu}[\p{L}.'’\-]+(?:\s+\p{Lu}[\p{L}.'’\-]+){1,3}\s*/\s*(?:Reuters|AP|AFP|EPA|Getty\s+Images|Associated\s+Press)\s+\p{Lu}|\[\s*(?:File:\s*)?[^\[\]]{1,60}/\s*(?:Reuters|AP|AFP|EPA|Getty\s+Images|Anadolu|AP\s+Photo)\s*\]\s*$", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex AgencyCreditAtEdge();

    /// <summary>
    /// The colleagues a wire story credits at its end: "Jane Roe contributed to this report.", "— Jane Roe contributed.",
    /// "AP writers Jane Roe in Lenz and John Doe contributed reporting." Only the whole line's end: a sentence where
    /// something "contributed to the flooding" names no report.
    /// </summary>
    [GeneratedRegex(@"(?:\bcontributed(?:\s+(?:additional\s+)?reporting)?\s+(?:to|for)\s+(?:this|the)\s+(?:report|story|article|dispatch)|\bcontributed\s+(?:additional\s+)?reporting(?:\s+(?:from|in)\s+[^.;]{1,40})?|^\W*\p{Lu}[^.;]{1,200}?\s+(?:also\s+)?contributed)\s*\.?\s*$", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex ContributorCredit();

    /// <summary>A photo credit in brackets or after a label at the end of a line (an agency's photo with its photographer is <see cref="AgencyPhotoCredit"/>).</summary>
    [GeneratedRegex("""
        (?:\(\s*(?:AFP|AP|Reuters|EPA|Getty(?:\s+Images)?|Xinhua|Anadolu(?:\s+Agency)?|ANI|PTI|UPI|Bloomberg|IRNA|SANA|WANA|dpa|DPA|Shutterstock|iStock|Alamy|Wikimedia(?:\s+Commons)?|AP\s+Photo|File|File\s+photo|File\s+Photo|Photo|Handout|HANDOUT|Supplied|Courtesy[^)]{0,60}|[Pp]hoto(?:graph)?:?[^)]{0,60}|[Cc]redit:?[^)]{0,60}|[^()]{0,60}/(?:AFP|AP|Reuters|EPA|Getty\s+Images|Xinhua|Anadolu|Bloomberg)[^()]{0,40})\s*\)\s*\.?\s*$)
        | (?:\b(?:Photo|Photograph|Picture|Image|Credit|Photo\s+credit)\s*(?:by|:)\s*[^.]{2,80}$)
        | (?:/\s*(?:AFP|AP|Reuters|EPA|Getty\s+Images|Xinhua|Anadolu)(?:\s+via\s+Getty\s+Images)?\s*$)
        | (?:[.!?]\s*\(\s*[A-Z]{2,6}(?:/[A-Za-z][\w .-]{1,40})?\s*\)\s*$)
        """, RegexOptions.IgnorePatternWhitespace, RegexTimeouts.Milliseconds)]
    public static partial Regex PhotoCredit();

    /// <summary>Where a person stands in a photo: "(L)", "(2nd R)", "(C)", "(left to right)".</summary>
    [GeneratedRegex("""\((?:[LRC]|\d(?:st|nd|rd|th)?[\s-]?[LR]|(?i:left|right|centre|center|front|rear|top|bottom)(?:\s+to\s+(?i:right|left))?|(?i:from\s+left|from\s+right)|\d(?:st|nd|rd|th)?\s+(?i:left|right))\)""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex PhotoPosition();

    /// <summary>"(R)": the one letter that is both a photo position and a US party; <c>after</c> is an apposition or a home state, which follow a party: "(R), a leader …", "(R) of Ohio".</summary>
    [GeneratedRegex("""\(R\)(?<after>\s*,|\s+of\s+\p{Lu})?""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex RightOrRepublican();

    /// <summary>A US party affiliation that is never a photo position: "(D)", "(I)", "(R-Texas)", "(D-N.Y.)", "(R-Fla.)".</summary>
    [GeneratedRegex("""\((?:[DI]|[RDI]\s?[-–]\s?\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)\)""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex PartyMarker();

    /// <summary>Reported speech: a line that says who said something is prose, not a photo's caption.</summary>
    [GeneratedRegex("""\b(?:said|says|told)\b""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex SaidVerb();

    /// <summary>A full date anywhere on the line ("May 3, 2016", "3 May 2016", "2016-05-03"): photo captions date the picture.</summary>
    [GeneratedRegex("""\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2})\b""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex DateInLine();

    /// <summary>A line ending in a bare date and no sentence punctuation: the dateline of a photo.</summary>
    [GeneratedRegex("""(?:\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC)[a-zA-Z]*\.?\s+\d{1,2},?\s+\d{4}|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}|\b\d{4}-\d{2}-\d{2})\s*$""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex EndsWithDate();

    /// <summary>
    /// An embedded post's signature closing a line, "— Jane Roe (@janeroe) August 24, 2018", with at most one link word
    /// a page leaves after it ("… 2018 Report"): the line is the post, someone else's words of that day, not the story's
    /// prose, and its date is not a day the story counts from. Without the link word <see cref="EndsWithDate"/> already
    /// takes it for a caption.
    /// </summary>
    [GeneratedRegex("""[—–-]\s*[^()\n]{1,60}\(@\w{1,30}\)\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}(?:\s+\p{L}+)?\s*$""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex PostSignature();

    /// <summary>
    /// A photo or video post's signature closing a line, "A photo posted by Jane Roe (@jane.roe) on Feb 16, 2016 at
    /// 10:56am PST" (also "A post shared by …"): the line is the post's own caption, not the story's prose, and its day is
    /// the post's.
    /// </summary>
    [GeneratedRegex("""\bA\s+(?:photo|video|post)\s+(?:posted|shared)\s+by\s+[^()\n]{1,60}\(@[\w.]{1,30}\)\s+on\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}(?:\s+at\s+\d{1,2}:\d{2}\s*[ap]m(?:\s+[A-Z]{2,4})?)?\s*$""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex SharedPostSignature();

    /// <summary>
    /// A post printed as its poster's name and handle, then its words, with no signature after it: "Jane Roe (@janeroe)
    /// Very happy to announce …". The words after the handle open with a capital, a quotation mark, a digit, a hashtag or a
    /// handle; "Jane Roe (@janeroe) said on Monday …" is the story's prose about a post and stays.
    /// </summary>
    [GeneratedRegex("""^(?:\p{Lu}[\p{L}.'’-]*\s+){1,5}\(@\w{1,30}\)\s+[\p{Lu}"“‘#@\d]""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex PostHeaderLine();

    /// <summary>A line that is only a date (and maybe a time): a dateline printed on the page.</summary>
    [GeneratedRegex("""^\W*(?i:(?:published|updated|posted|last\s+updated|first\s+published|date)\s*:?\s*(?:on\s+)?)?(?:(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})(?:\s*(?:,|at|-|–|\|)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?)?[\W_]*$""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex DateOnlyLine();

    /// <summary>An author bio: "X, an expert on …, is a senior analyst at …", "X is a journalist …".</summary>
    [GeneratedRegex(Opts + """
        \b(is|was|serves\ as|has\ been|works\ as)\ (a|an|the)\ ([\p{L}'’-]+\ ){0,5}?
        (analyst|fellow|professor|lecturer|journalist|writer|expert|correspondent|columnist|editor|researcher|author|scientist|scholar|director|reporter
        |contributor|commentator|founder|co-founder|consultant|historian|economist|lawyer|attorney|student|candidate|strategist|adviser|advisor|specialist|associate
        |chair|chairman|president|member|officer|veteran|diplomat|ambassador|freelancer|producer|novelist|poet|activist|practitioner)s?\b
        """, RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex BioRole();

    /// <summary>A reporter's bio: "Jane Doe covers trade for …", "… is based in Lenz".</summary>
    [GeneratedRegex(Opts + """^\W*[\p{Lu}][\p{L}.'’()-]*(\ [\p{Lu}(][\p{L}.'’()-]*){1,5}\ (covers|writes\ (about|for|on)|reports\ (on|for|from)|has\ (written|reported|covered)|is\ based\ in)\b""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex ReporterBio();

    [GeneratedRegex(Opts + """\b(twitter|x|instagram|mastodon|bluesky)\s*:\s*@\w+|\bfollow\ (him|her|them|me)\ on\b|@\w{2,}\s*$|\b(he|she|they)\ (is|are)\ the\ author\ of\b|\bis\ the\ author\ of\b""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex BioContact();

    [GeneratedRegex("""^\W*(?:He|She|They)\s+(?:is|was|has|holds|serves|writes|also)\b""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex BioContinuation();

    /// <summary>A label that says the piece argues a view.</summary>
    [GeneratedRegex(Opts + """^[\W_]*(opinion|op-?ed|commentary|editorial|column|columns|viewpoint|perspective|comment|guest\ (column|essay|opinion)|letters?(\ to\ the\ editor)?)[\W_]*$""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex OpinionLabel();

    [GeneratedRegex(Opts + """^[\W_]*(analysis|explainer|news\ analysis|in\ depth|in-depth)[\W_]*$""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex AnalysisLabel();

    [GeneratedRegex(Opts + """https?://|www\.""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    public static partial Regex Url();
}
