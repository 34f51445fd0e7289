using System.Text.RegularExpressions;

namespace Sitrep.Time;

/// <summary>
/// The regular expressions of the temporal tagger. Month and weekday names are matched with their
/// capital (English writes them so; "may" and "march" in lower case are a verb), season and unit
/// words in any case. Every expression runs on article text with a match timeout.
/// </summary>
internal static partial class TimexPatterns
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant;
    /// <summary>
    /// Milliseconds one match may take. The patterns run in linear time on ordinary text; the limit only
    /// stops a pathological input. It is generous because a first call on a loaded machine also pays
    /// for compiling the generated matcher, and a spurious timeout would make results depend on load.
    /// </summary>
    private const int Timeout = 10_000;

    private const string MonthName = """
        (?-i:(?<month>January|February|March|April|May|June|July|August|September|October|November|December|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?|JAN\.?|FEB\.?|MAR\.?|APR\.?|JUN\.?|JUL\.?|AUG\.?|SEPT?\.?|OCT\.?|NOV\.?|DEC\.?))(?!\p{L})
        """;

    private const string FullMonth = """
        (?-i:(?<month>January|February|March|April|May|June|July|August|September|October|November|December))(?!\p{L})
        """;

    private const string WeekdayName = """
        (?-i:(?<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY))
        """;

    private const string WeekdayOrAbbreviation = """
        (?-i:(?<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY|Mon\.?|Tues?\.?|Wed\.?|Thu(?:rs?)?\.?|Fri\.?|Sat\.?|Sun\.?))
        """;

    private const string Day = """(?<d>[0-3]?[0-9])(?:st|nd|rd|th)?(?![0-9])""";

    /// <summary>What may not follow a day number: a percentage, a decimal, a unit or a count noun.</summary>
    private const string NotAfterDay = """
        (?!\s*(?:%|percent|per\s+cent)|[.,:][0-9]|\s*-?\s*(?:years?|months?|weeks?|days?|hours?|minutes?|times|km|kilomet|miles?|met(?:er|re)s?|kg|tons?|tonnes?|people|points?|seats?|votes?)(?!\p{L}))
        """;

    /// <summary>A day that continues a list ("and 14"): also not followed by a plain lower-case noun ("and 14 people").</summary>
    private const string NotAfterListedDay = NotAfterDay + """
        (?!\s+(?:\p{Ll}+[^s\s.,;:!?]s|people|men|women|children|police|personnel|staff|more|other|of|percent)(?![\p{L}-]))
        """;

    private const string Year = """(?<year>(?:1[0-9]|20)[0-9]{2})(?![0-9]|,[0-9]|\.[0-9]|-[01][0-9]-[0-3][0-9])""";

    private const string SmallNumber = """
        (?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)
        """;

    private const string Count = """
        (?<num>[0-9]+(?:\s+|-)[1-9]/[1-9][0-9]?|[0-9]+\s*[½¼¾]|[½¼¾]|[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+(?:\.[0-9]+)?|
        """ + SmallNumber + """
        (?:\s+and\s+a\s+half)?|a\s+quarter(?:\s+of\s+an?)?|an?|a\s+single|a\s+couple(?:\s+of)?|couple\s+of|a\s+dozen|dozens\s+of|half\s+an?|a\s+half|a\s+hundred|hundreds\s+of|thousands\s+of|a\s+few|several|many|some|few|a\s+number\s+of|numerous|countless|multiple)
        """;

    private const string Unit = """
        (?<unit>seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?|yrs?|decades?|centur(?:y|ies)|millenni(?:um|a))
        """;

    private const string DurationMod = """
        (?<mod>about|around|approximately|roughly|some|nearly|almost|close\s+to|more\s+than|over|less\s+than|under|fewer\s+than|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|not\s+more\s+than|well\s+over|just\s+over|just\s+under|barely|only|just|upwards\s+of|in\s+excess\s+of|little\s+more\s+than|a\s+little\s+over|a\s+full|the\s+better\s+part\s+of|all\s+of|another|an\s+additional|exactly|precisely)
        """;

    private const string PeriodMod = """
        (?<mod>early|late|mid|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+turn\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of|the\s+rest\s+of|the\s+remainder\s+of|the\s+close\s+of)
        """;

    private const string TimeZone = """
        (?-i:(?<tz>GMT|UTC|EDT|EST|CDT|CST|MDT|MST|PDT|PST|BST|CET|CEST|EET|EEST|IST|AST|ET|PT|Z)(?!\p{L})|local\s+time|(?:Eastern|Pacific|Central|Mountain)\s+(?:Standard\s+|Daylight\s+)?time)
        """;

    private const string AmPm = """(?-i:(?<ap>a\.m\.?|p\.m\.?|A\.M\.?|P\.M\.?|am|pm|AM|PM)(?!\p{L}))""";

    // ---- absolute dates ----

    [GeneratedRegex("""(?<![0-9\p{L}])(?<year>(?:1[0-9]|20)[0-9]{2})-(?<mon>[01][0-9])-(?<d>[0-3][0-9])(?:[T\s](?<h>[0-2][0-9]):(?<mi>[0-5][0-9]))?(?![0-9])""", Options, Timeout)]
    public static partial Regex IsoDate();

    [GeneratedRegex("""(?<![0-9/.\p{L}])(?<a>[0-3]?[0-9])/(?<b>[0-3]?[0-9])/(?<y>[0-9]{4}|[0-9]{2})(?![0-9/])""", Options, Timeout)]
    public static partial Regex SlashDate();

    [GeneratedRegex("""
        (?<![\p{L}0-9])(?:(?<wdp>
        """ + WeekdayOrAbbreviation + """
        ),?\s+(?:the\s+)?)?
        """ + MonthName + """
        \s*
        """ + Day + NotAfterDay + """
        (?:(?:\s*,\s*
        """ + Day + NotAfterListedDay + """
        )*\s*,?\s+(?:and|or|&)\s+
        """ + Day + NotAfterListedDay + """
        |\s*(?:-|–|—)\s*
        """ + Day + NotAfterDay + """
        |\s+(?:to|through|thru|until|till)\s+
        """ + Day + NotAfterListedDay + """
        )?(?:(?:,|\s+of)?\s+
        """ + Year + """
        |\s+(?<yrel>last|this|next)\s+year(?!\p{L}))?
        """, Options | RegexOptions.IgnorePatternWhitespace, Timeout)]
    public static partial Regex MonthDay();

    [GeneratedRegex("""
        (?<![\p{L}0-9,.$€£])(?:(?<wdp>
        """ + WeekdayOrAbbreviation + """
        ),?\s+)?(?:the\s+)?
        """ + Day + """
        (?:(?:\s*,\s*|\s*(?:-|–|—)\s*|\s+(?:and|or|to|&|through|until)\s+)(?:the\s+)?
        """ + Day + """
        )*\s*(?:of\s+)?
        """ + MonthName + """
        (?:,?\s+
        """ + Year + """
        |\s+(?<yrel>last|this|next)\s+year(?!\p{L}))?
        """, Options | RegexOptions.IgnorePatternWhitespace, Timeout)]
    public static partial Regex DayMonth();

    [GeneratedRegex("""
        (?<![\p{L}0-9])(?:
        """ + PeriodMod + """
        [\s-]*)?
        """ + MonthName + """
        (?:\s+of|,)?\s+(?:
        """ + Year + """
        |['’](?<yy>[0-9]{2})(?![0-9]))
        """, Options | RegexOptions.IgnorePatternWhitespace, Timeout)]
    public static partial Regex MonthYear();

    /// <summary>
    /// The part every match of <see cref="MonthDay"/>, <see cref="DayMonth"/>, <see cref="MonthYear"/> and
    /// <see cref="BareMonth"/> holds: a month's name as written for one. Most windows around the months'
    /// triggers hold none ("may", "market", "decision").
    /// </summary>
    [GeneratedRegex(MonthName, Options | RegexOptions.IgnorePatternWhitespace, Timeout)]
    public static partial Regex MonthCore();

    /// <summary>A month without day or year: "in March", "last September", "early January", "June last year".</summary>
    [GeneratedRegex("""
        (?<![\p{L}0-9-])(?:(?<rel>last|next|this|coming|past|previous)\s+|
        """ + PeriodMod + """
        [\s-]*)?
        """ + FullMonth + """
        (?!\s*[0-9]|-)(?:\s+(?:of\s+)?(?<yrel>last|this|next)\s+year(?!\p{L}))?
        """, Options | RegexOptions.IgnorePatternWhitespace, Timeout)]
    public static partial Regex BareMonth();

    /// <summary>A year: "2020", "in 1998", "fiscal 1990", "early 2020", "the end of 2019", "1998-99".</summary>
    [GeneratedRegex("""
        (?<![\p{L}0-9$€£\#.,/\-–])(?:
        """ + PeriodMod + """
        [\s-]*)?(?:(?<fy>fiscal(?:\s+year)?|FY|the\s+year|calendar(?:\s+year)?|year)\s*)?
        """ + Year + """
        (?!\s*(?:%|percent|per\s+cent))(?:(?:-|–|/)(?<y2>[0-9]{2}(?![0-9])|(?:1[0-9]|20)[0-9]{2}(?![0-9])))?
        """, Options | RegexOptions.IgnorePatternWhitespace, Timeout)]
    public static partial Regex YearNumber();

    /// <summary>What every match of <see cref="YearNumber"/> holds: a year. Most windows around a number hold none ("40 percent", "$5 million").</summary>
    [GeneratedRegex(Year, Options, Timeout)]
    public static partial Regex YearCore();

    /// <summary>"in '98", "the class of ’98".</summary>
    [GeneratedRegex("""(?<=\b(?:in|since|of|until|by|from|the|summer|spring|fall|autumn|winter)\s+)['’](?<yy>[0-9]{2})(?![0-9\p{L}'’])""", Options, Timeout)]
    public static partial Regex ShortYear();

    [GeneratedRegex("""
        (?<![\p{L}0-9])(?:(?<mod>the\s+(?:first|second|last|latter)\s+half\s+of)\s+)?(?:the\s+)?(?:(?<mod>early|late|mid)[\s-]*)?(?:(?<dec>(?:1[0-9]|20)[0-9]0)|['’](?<dd>[0-9]0))['’]?s(?!\p{L})
        |(?<![\p{L}])(?:(?<mod>the\s+(?:first|second|last|latter)\s+half\s+of)\s+)?the\s+(?:(?<mod>early|late|mid)[\s-]*)?(?<w>(?:nineteen[\s-])?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?!\p{L})
        """, Options | RegexOptions.IgnorePatternWhitespace, Timeout)]
    public static partial Regex Decade();

    [GeneratedRegex("""
        (?<![\p{L}0-9])(?:the\s+)?(?:(?<mod>early|late|mid)[\s-]*)?(?<ord>[0-9]{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|twenty-second)[\s-]+century(?!\p{L})
        |(?<![\p{L}])(?<rel>this|last|next|the\s+past|the\s+last|the\s+previous|the\s+current|the\s+next)\s+century(?!\p{L})
        """, Options | RegexOptions.IgnorePatternWhitespace, Timeout)]
    public static partial Regex Century();

    /// <summary>A season: "last fall", "this summer", "the spring of 2019", "early winter". Season words in lower case only ("Arab Spring" is a name).</summary>
    [GeneratedRegex("""
        (?<![\p{L}])(?:(?<rel>last|this|next|past|coming|previous)\s+|(?<mod>early|late|mid)[\s-]*|(?<the>the)\s+(?:(?<mod>early|late)\s+)?)?(?-i:(?<season>spring|summer|fall|autumn|winter|Spring|Summer|Fall|Autumn|Winter))(?!\p{L}|-)(?:\s+(?:of\s+)?
        """ + Year + """
        |\s+(?<yrel>this|last|next)\s+year(?!\p{L}))?
        """, Options | RegexOptions.IgnorePatternWhitespace, Timeout)]
    public static partial Regex Season();

    /// <summary>"the third quarter", "third-quarter", "the fourth quarter of 1989", "the year-earlier third quarter", "the first half", "the first two quarters of 1990" (a half).</summary>
    [GeneratedRegex("""
        (?<![\p{L}0-9])(?:the\s+)?(?:(?<yq>year-earlier|year-ago|year\s+earlier|year\s+ago|same|comparable|latest|current|previous|prior|recent|corresponding|fiscal|calendar)\s+)*(?:
        """ + Year + """
        (?:\s+fiscal)?\s+|(?<yrel>this|last|next)\s+year['’]s\s+|(?<yrel>this|last|next)\s+fiscal\s+year['’]s\s+)?(?:fiscal\s+|calendar\s+)?(?<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]+(?:(?<two>two)\s+(?<unit>quarters)|(?<unit>quarter|half))(?!\p{L})(?:\s+of\s+(?:the\s+)?(?:fiscal\s+|calendar\s+)?(?:(?:year\s+)?
        """ + Year + """
        |(?<yrel>this|last|next)\s+year(?!\p{L})|(?<theyear>the\s+(?:fiscal\s+)?year(?!\p{L}))))?
        |(?<![\p{L}0-9])(?-i:Q(?<q>[1-4]))(?:\s+
        """ + Year + """
        )?(?![\p{L}0-9])
        |(?<![\p{L}0-9])(?-i:(?<h>[12])H|H(?<h>[12]))\s+
        """ + Year, Options | RegexOptions.IgnorePatternWhitespace, Timeout)]
    public static partial Regex Quarter();

    /// <summary>A quarter or period named by its place: "the quarter", "last quarter", "the latest period", "the year-ago quarter", "year-earlier".</summary>
    [GeneratedRegex("""
        (?<![\p{L}-])(?:(?<the>the)\s+)?(?:(?<adj2>comparable|corresponding|same)\s+)?(?<adj>latest|current|previous|prior|past|last|this|next|coming|same|year-earlier|year-ago|comparable|corresponding|recent|just-ended|most\s+recent)?\s*(?<unit>quarter|period)(?!\p{L}|-)(?:\s+(?<ly>last\s+year|a\s+year\s+(?:ago|earlier)))?
        |(?<![\p{L}-])(?:(?<the>the)\s+)?(?<adj>year-earlier|year-ago)(?![\p{L}-])
        |(?<![\p{L}0-9-])(?<the>the)\s+
        """ + Year + """
        \s+(?<unit>quarter|period)(?!\p{L}|-)
        """, Options | RegexOptions.IgnorePatternWhitespace, Timeout)]
    public static partial Regex NamedQuarter();

    // ---- relative dates ----

    [GeneratedRegex("""
        (?<![\p{L}])(?:(?<the>the\s+)?(?<rel>last|next|this\s+coming|this\s+past|this|coming|past|previous|following|preceding)\s+|(?<mod>early|late|earlier|later)\s+(?:on\s+)?)?
        """ + WeekdayName + """
        (?<pl>s)?(?!\p{L})(?:\s+(?<part>morning|afternoon|evening|night|mornings|afternoons|evenings|nights)(?!\p{L}))?
        """, Options | RegexOptions.IgnorePatternWhitespace, Timeout)]
    public static partial Regex Weekday();

    [GeneratedRegex("""
        (?<![\p{L}])(?:(?<mod>early|late|earlier|later)\s+)?(?:(?<dd>today|yesterday|tomorrow|tonight)|the\s+day\s+(?<da>before\s+yesterday|after\s+tomorrow))(?!\p{L})(?:\s+(?<part>morning|afternoon|evening|night)(?!\p{L}))?
        |(?<![\p{L}])(?:(?<mod>early|late|earlier|later)\s+)?(?<dd>this|last)\s+(?<part>morning|afternoon|evening|night)(?!\p{L})
        |(?<![\p{L}])(?<mid>mid)[\s-]?(?<part>morning|afternoon)(?!\p{L})(?:\s+(?<dd>today|yesterday|tomorrow)(?!\p{L}))?
        """, Options | RegexOptions.IgnorePatternWhitespace, Timeout)]
    public static partial Regex Deictic();

    /// <summary>
    /// "today is the eighth day of the operation", "it's the second day of the offensive": an ordinal day said of the
    /// present is the day the text is read on (a DATE whose value is that day, as TimeML values every date by the day it
    /// refers to). Only after "today" or "it" in the present: "Thursday was the last day" is already the weekday's.
    /// </summary>
    [GeneratedRegex("""(?<![\p{L}])(?:today|it)(?:'s|’s|\s+is|\s+marks)\s+(?<d>(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[0-9]{1,3}(?:st|nd|rd|th))\s+(?:straight\s+|consecutive\s+|full\s+)?day)(?![\p{L}-])""", Options, Timeout)]
    public static partial Regex OrdinalDay();

    /// <summary>"last week", "this year", "next month", "earlier this week", "the end of last year", "the past year"; "last" standing for the period before "this year" ("twice as high this year as last").</summary>
    [GeneratedRegex("""
        (?<![\p{L}])(?:
        """ + PeriodMod + """
        [\s-]+(?:(?:in|on)\s+)?)?(?<the>the\s+)?(?<rel>last|this|next|past|coming|current|previous)\s+(?<unit>week|weekend|month|year|quarter|decade|fiscal\s+year)(?!\p{L}|-)
        |(?<=(?<![\p{L}])this\s+(?<unit>week|month|year|quarter)(?!\p{L})[^.;:!?]{0,20}?(?<![\p{L}])(?:as|than)\s+)(?<rel>last)(?=\s*[.,;:!?)])
        """, Options | RegexOptions.IgnorePatternWhitespace, Timeout)]
    public static partial Regex RelativePeriod();

    /// <summary>
    /// What every match of <see cref="RelativePeriod"/> holds (its "last" standing for a period too, after "this
    /// year"): a relative word before a period's name. Most windows around the periods' triggers hold none
    /// ("the day", "that morning"). Keep its words in step with the pattern's (the tests check every match holds it).
    /// </summary>
    [GeneratedRegex("""(?:last|this|next|past|coming|current|previous)\s+(?:week|month|year|quarter|decade|fiscal)""", Options, Timeout)]
    public static partial Regex RelativePeriodCore();

    /// <summary>Read against an earlier date in the text: "the next day", "that week", "the following year", "the day before", "earlier that day".</summary>
    [GeneratedRegex("""
        (?<![\p{L}])(?:(?<mod>early|late|earlier|later)\s+(?:(?:in|on)\s+)?)?(?:(?<dem>that|the\s+same|the\s+previous|the\s+preceding|the\s+prior|the\s+following|the\s+next|the\s+subsequent|the\s+ensuing)\s+(?<unit>day|night|morning|afternoon|evening|week|weekend|month|quarter|year)
        |the\s+(?<unit>day|night|week|month|year)\s+(?<dir>before|after|earlier|later|prior))(?!\p{L}|-)
        |(?<![\p{L}])(?<mod>earlier|later)\s+in\s+the\s+(?<unit>day|week|month|year)(?!\p{L}|-)
        |(?<=(?<![\p{L}])in\s+)(?<inpart>the)\s+(?<unit>morning|afternoon|evening)(?!\p{L}|-)
        """, Options | RegexOptions.IgnorePatternWhitespace, Timeout)]
    public static partial Regex Anaphoric();

    /// <summary>
    /// What every match of <see cref="Anaphoric"/> holds: a period's name after "the", "that" or the word that
    /// relates it. Many windows around the periods' triggers hold none ("last year", "Tuesday morning"). Keep its
    /// words in step with the pattern's (the tests check every match holds it).
    /// </summary>
    [GeneratedRegex("""(?:the|that|same|previous|preceding|prior|following|next|subsequent|ensuing)\s+(?:day|night|morning|afternoon|evening|week|month|quarter|year)""", Options, Timeout)]
    public static partial Regex AnaphoricCore();

    /// <summary>"the weekend", "over the weekend": the weekend the tense points to.</summary>
    [GeneratedRegex("""(?<![\p{L}])(?:(?<mod>early|late)\s+)?the\s+weekend(?![\p{L}-])""", Options, Timeout)]
    public static partial Regex Weekend();

    /// <summary>"year-end", "by year's end", "the end of the month", "the beginning of the week": the reference date's period.</summary>
    [GeneratedRegex("""
        (?<![\p{L}-])(?:(?<ye>year[-\s]end|year['’]s\s+end)|(?<unit>month)[-\s]end
        |(?<mod>the\s+(?:end|beginning|start|middle|close|rest|remainder|turn)\s+of)\s+the\s+(?<unit>year|month|week|quarter|decade))(?![\p{L}-])
        """, Options | RegexOptions.IgnorePatternWhitespace, Timeout)]
    public static partial Regex PeriodEnd();

    /// <summary>"the year" of a report: a DATE, or the length of a fiscal year when it "ended" or is "ending".</summary>
    [GeneratedRegex("""(?<![\p{L}])(?:for|in|of|during|throughout)\s+(?<span>the\s+(?:(?<fiscal>fiscal|full|whole|entire)\s+)?(?<unit>year|week))(?![\p{L}-])(?<dur>\s+(?:ended|ending|to|through|that\s+ended))?|(?<![\p{L}])(?<span>the\s+(?<unit>week))(?=['’]s\s)""", Options, Timeout)]
    public static partial Regex TheYear();

    /// <summary>"two weeks ago", "a year earlier", "three days later", "years ago", "six months from now".</summary>
    [GeneratedRegex("""
        (?<![\p{L}])(?:(?<mod>about|nearly|almost|some|roughly|around|approximately|more\s+than|over|less\s+than|just\s+over|just\s+under|just|only|barely|at\s+least|exactly|little\s+more\s+than|fully|a\s+full|well\s+over)\s+)?(?:
        """ + Count + """
        [\s-]+(?:(?:more|additional)\s+)?)?
        """ + Unit + """
        (?:\s+or\s+so)?\s+(?<dir>ago|earlier|later|before|after|previously|prior|from\s+now|hence|back|on|afterwards?)(?!\p{L})
        """, Options | RegexOptions.IgnorePatternWhitespace, Timeout)]
    public static partial Regex Ago();

    /// <summary>
    /// The part every match of <see cref="Ago"/> holds: a unit, then its direction word. A window without it
    /// cannot hold a match of the whole pattern, and this one is found at far fewer places (where a unit
    /// begins, not at every word that might open a count or a modifier).
    /// </summary>
    [GeneratedRegex(Unit + """
        (?:\s+or\s+so)?\s+(?:ago|earlier|later|before|after|previously|prior|from\s+now|hence|back|on|afterwards?)(?!\p{L})
        """, Options | RegexOptions.IgnorePatternWhitespace, Timeout)]
    public static partial Regex AgoCore();

    // ---- durations ----

    [GeneratedRegex("""
        (?<![\p{L}0-9])(?:
        """ + DurationMod + """
        \s+)?(?:(?<the>the|a|an)\s+)?(?:(?<adj>past|last|next|coming|first|final|previous|following|preceding|latest|initial|remaining|same|entire|whole|full|year-earlier|year-ago|other|additional|extra|further|subsequent|ensuing|last\s+few|past\s+few|next\s+few)\s+)?
        """ + Count + """
        (?:\s+(?<more>more|additional|other|straight|consecutive|full|long|successive|further|extra|trading|business|working|school|calendar))?[\s-]+
        """ + Unit + DurationUnitEnd + """
        (?<half>\s+and\s+a\s+half(?!\p{L}))?(?<long>[\s-]+long(?!\p{L}))?
        """, Options | RegexOptions.IgnorePatternWhitespace, Timeout)]
    public static partial Regex Duration();

    /// <summary>What may not follow the unit of a <see cref="Duration"/>: a letter, an age ("-old"), a time away ("ago").</summary>
    private const string DurationUnitEnd = """(?!\p{L}|-old|[\s-]+old(?!\p{L})|\s+(?:ago|earlier|later|from\s+now|hence)(?!\p{L}))""";

    /// <summary>
    /// The part every match of <see cref="Duration"/> holds: a unit (not followed by what makes it an age or a
    /// time away) right after a count and perhaps one more word. The unit comes first and the count is looked
    /// for behind it (the letters behind the unit's end are the unit, or a longer word, which only lets more
    /// windows through): so it is tried only where a unit is. Two windows in three around a unit hold none
    /// ("last year", "the day", "years ago").
    /// </summary>
    [GeneratedRegex(Unit + DurationUnitEnd + """(?<=""" + Count + """(?:\s+\p{L}+)?[\s-]+\p{L}+)""", Options | RegexOptions.IgnorePatternWhitespace, Timeout)]
    public static partial Regex DurationCore();

    /// <summary>"year-long", "decades-long", "day-long".</summary>
    [GeneratedRegex("""(?<![\p{L}0-9-])(?<unit>hour|day|week|month|year|decade|century|hours|days|weeks|months|years|decades|centuries)-long(?!\p{L})""", Options, Timeout)]
    public static partial Regex LongAdjective();

    /// <summary>Plural units with no count: "for years", "in recent years", "the coming months", "several weeks".</summary>
    [GeneratedRegex("""
        (?<![\p{L}])(?:(?<the>the)\s+)?(?:(?<adj>past|last|next|coming|recent|previous|following|ensuing|intervening)\s+)?(?<unit>
        """ + PluralUnit + """
        )(?<ahead>\s+ahead)?(?![\p{L}-])
        """, Options | RegexOptions.IgnorePatternWhitespace, Timeout)]
    public static partial Regex VagueDuration();

    private const string PluralUnit = "seconds|minutes|hours|days|nights|weeks|months|years|decades|centuries";

    /// <summary>What every match of <see cref="VagueDuration"/> holds: a plural unit. Most windows around a unit hold none ("last year", "the day").</summary>
    [GeneratedRegex(PluralUnit, Options, Timeout)]
    public static partial Regex VagueDurationCore();

    /// <summary>Ages and ages of things are not times: "a 44-year-old man", "35 years old", "the 50-year-old alliance".</summary>
    [GeneratedRegex("""
        (?<![\p{L}0-9])(?:
        """ + Count + """
        )?[\s-]*(?:year|month|week|day)s?[\s-]+old(?!\p{L})
        """, Options | RegexOptions.IgnorePatternWhitespace, Timeout)]
    public static partial Regex Age();

    // ---- sets ----

    [GeneratedRegex("""
        (?<![\p{L}])(?<q>every|each|per)\s+(?:(?<other>other|single)\s+)?(?:
        """ + Count + """
        \s+)?(?:
        """ + Unit + """
        |
        """ + WeekdayName + """
        |(?<part>morning|afternoon|evening|night)|
        """ + FullMonth + """
        |(?<season>spring|summer|fall|autumn|winter))(?!\p{L})
        """, Options | RegexOptions.IgnorePatternWhitespace, Timeout)]
    public static partial Regex EverySet();

    [GeneratedRegex("""(?<![\p{L}-])(?-i:(?<adv>daily|weekly|monthly|annually|yearly|quarterly|hourly|nightly|biannually|biennially|semiannually|semi-annually|fortnightly|bimonthly|bi-weekly|biweekly))(?![\p{L}-])""", Options, Timeout)]
    public static partial Regex AdverbSet();

    [GeneratedRegex("""
        (?<![\p{L}])(?<f>once|twice|thrice|(?:[0-9]+|
        """ + SmallNumber + """
        |several|many|a\s+few|few)\s+times)\s+(?:a|an|per|each|every)\s+
        """ + Unit + """
        (?!\p{L})
        """, Options | RegexOptions.IgnorePatternWhitespace, Timeout)]
    public static partial Regex FrequencySet();

    /// <summary>
    /// "$5 million a year", "3% a month", "40 barrels per day", "five hours a week", "1.2 million tests a day": a rate
    /// after a quantity and up to three words. Not a fraction of what follows ("In 2019 a quarter of a million people
    /// left": "a quarter of"), not a length after a preposition ("20 people in a day", "3 men stayed for a week") and
    /// not a distance in time ("10 arrests a day later", "a week ago") nor a length ("12 flights for a day or two").
    /// </summary>
    [GeneratedRegex("""(?<=(?:[0-9%]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|trillion|dozens|hundreds|thousands|millions|billions|once|twice|times))(?:\s+[\p{L}-]+){0,3}\s+)(?<!\b(?:for|in|within|after|over|during|throughout|than|of|to|by|on|at|from|into|since|until|about|nearly|almost|only|just|least|under|like)\s+)(?:a|an|per)\s+(?<unit>day|night|week|month|year|hour|quarter)(?![\p{L}-])(?!\s+of(?![\p{L}-]))(?!\s+(?:ago|earlier|later|or\s+(?:two|three|so)|and\s+a\s+half)(?![\p{L}-]))""", Options, Timeout)]
    public static partial Regex RateSet();

    // ---- times of day ----

    [GeneratedRegex("""
        (?<![\p{L}0-9:.])(?:(?<mod>about|around|approximately|roughly|shortly\s+before|shortly\s+after|just\s+before|just\s+after)\s+)?(?<h>[0-2]?[0-9])(?:[:.](?<mi>[0-5][0-9]))?\s*
        """ + AmPm + """
        (?:\s*\(
        """ + TimeZone + """
        \)|\s*
        """ + TimeZone + """
        )?
        |(?<![\p{L}0-9:.])(?:(?<mod>about|around|approximately|roughly|shortly\s+before|shortly\s+after|just\s+before|just\s+after)\s+)?(?<h>[0-2]?[0-9]):(?<mi>[0-5][0-9])(?![0-9:])(?:\s*
        """ + TimeZone + """
        )?
        |(?<![\p{L}0-9:.])(?<hm>[0-2][0-9][0-5][0-9])\s*(?:(?-i:GMT|UTC|GMT\+[0-9]+|Z)(?!\p{L})|hours|hrs|local\s+time)
        |(?<![\p{L}])(?:(?<mod>about|around|approximately|shortly\s+before|shortly\s+after|just\s+before|just\s+after)\s+)?(?<nm>noon|midnight|midday)(?!\p{L})
        |(?<![\p{L}0-9])(?<hw>[0-9]{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+o['’]clock(?!\p{L})(?:\s+(?:in\s+the\s+)?(?<part>morning|afternoon|evening|night))?
        |(?<![\p{L}0-9])(?<hw>[0-9]{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+in\s+the\s+(?<part>morning|afternoon|evening)(?!\p{L})
        """, Options | RegexOptions.IgnorePatternWhitespace, Timeout)]
    public static partial Regex ClockTime();

    /// <summary>
    /// What every match of <see cref="ClockTime"/> holds: a digit before "am", "pm" or a zone word, an hour and its
    /// minutes, a named hour ("noon") or the words after a spelled hour. Most windows around the clock's triggers
    /// hold none ("am" begins "America", "among"; "hours" follows a count).
    /// </summary>
    [GeneratedRegex("""[0-9]\s*(?:[ap]\.?m|gmt|utc|z|hours|hrs|local)|[0-9][:.][0-5][0-9]|noon|midnight|midday|o['’]clock|in\s+the\s+(?:morning|afternoon|evening)""", Options, Timeout)]
    public static partial Regex ClockCore();

    // ---- references without a calendar value ----

    [GeneratedRegex("""
        (?<![\p{L}-])(?:(?<present>right\s+now|just\s+now|now|currently|nowadays|these\s+days|at\s+present|at\s+the\s+moment|the\s+present\s+day|present-day|current)
        |(?<past>recently|lately|the\s+past|recent(?=\s+times))
        |(?<future>the\s+(?:near\s+|foreseeable\s+|distant\s+|immediate\s+)?future|(?<=\bin\s)future
            |(?<=\b(?:in|over|for|during|into|beyond|of)\s)the\s+(?:near|short|long)(?:er)?\s+term
            |(?<=\b(?:at|to|until|till|for|on)\s)a\s+(?:later|future)\s+date))(?![\p{L}-])
        """, Options | RegexOptions.IgnorePatternWhitespace, Timeout)]
    public static partial Regex Reference();

    [GeneratedRegex("""
        (?<![\p{L}])(?:(?<rel>last|this|next|past|coming)\s+)?(?-i:(?<hol>Christmas\s+Day|Christmas\s+Eve|Christmas|New\s+Year['’]s\s+Day|New\s+Year['’]s\s+Eve|New\s+Year['’]s|Thanksgiving\s+Day|Thanksgiving|Easter\s+Sunday|Easter\s+Monday|Easter|Good\s+Friday|Halloween|Valentine['’]s\s+Day|Fourth\s+of\s+July|July\s+Fourth|Labou?r\s+Day|Memorial\s+Day|Veterans\s+Day|Election\s+Day|Boxing\s+Day|Nowruz|Norouz|Ramadan|Eid\s+al-Fitr|Eid\s+al-Adha|Eid\s+ul-Fitr|Eid\s+ul-Adha))(?!\p{L})(?:\s+(?<week>week(?:end)?)(?![\p{L}-]))?(?:\s+(?:of\s+)?
        """ + Year + """
        )?
        """, Options | RegexOptions.IgnorePatternWhitespace, Timeout)]
    public static partial Regex Holiday();

    [GeneratedRegex("""
        (?<![\p{L}])(?:the\s+year\s+)?(?<c>nineteen|twenty)[\s-](?<y>(?:oh|o)[\s-](?:one|two|three|four|five|six|seven|eight|nine)|
        """ + SmallNumber + """
        |hundred)(?!\p{L})
        |(?<![\p{L}])(?<thy>the\s+year\s+)two\s+thousand(?:\s+(?:and\s+)?(?<y2>
        """ + SmallNumber + """
        ))?(?!\p{L})
        """, Options | RegexOptions.IgnorePatternWhitespace, Timeout)]
    public static partial Regex SpelledYear();

    /// <summary>Names that hold a weekday or "today" without being a date: newspapers, shopping days, a weekly prayer,
    /// broadcast programmes ("Fox News Sunday", "Weekend Edition Saturday") and the weekly shows of a weekday ("the Sunday shows", "a Sunday TV show").
    /// A title in capitals ("a USA TODAY review") counts only inside mixed-case text: in a headline set in capitals
    /// ("IRAN WARNS US TODAY") the word is the day.</summary>
    [GeneratedRegex("""
        (?-i:(?:Black|Cyber|Super|Ash|Palm|Bloody|Holy|Maundy|Giving|Small\s+Business|Man|Girl|Mail\s+on|Independent\s+on|Observer\s+on)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)
        |(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?:Times|Telegraph|Express|Mirror|Herald|Mail|People|Post|Star|Tribune|Observer|Independent|Night\s+Football|Night\s+Live|Morning\s+Futures|Morning\s+Herald|Business)
        |USA\s+Today|Today\s+(?:show|Show|programme|program|newspaper)|the\s+Today\s+(?:show|Show|programme|program)|China\s+Daily|Daily\s+\p{Lu}\p{L}+|\p{Lu}\p{L}+\s+Daily(?!\s+\p{Ll})
        |\p{Lu}{2,}\s+Today
        |(?<=\p{Ll}\P{L}{1,3})\p{Lu}{2,3}\s+TODAY(?!\p{L})|(?<!\p{L})\p{Lu}{2,3}\s+TODAY(?=\P{L}{1,3}\p{Ll})
        |(?:Friday|Sunday)\s+(?:prayers?|sermons?)
        |(?:News|Edition|Nation)\s+(?:Saturday|Sunday)|(?:Saturday|Sunday)\s+(?:(?:TV|talk|news|morning|political|public\s+affairs)\s+)?shows?)(?!\p{L})
        |(?<![\p{L}])(?:the\s+)?fall\s+of\s+(?-i:\p{Lu})
        """, RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace, Timeout)]
    public static partial Regex NotATime();
}
