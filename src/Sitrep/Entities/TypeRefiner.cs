using System.Text.RegularExpressions;
using Sitrep.Text;

namespace Sitrep.Entities;

/// <summary>
/// Turns the tagger's four types into Sitrep's seven: a place that is a country or city is a GPE,
/// a place or organisation named for a base, airport or camp is a FACILITY, an organisation that
/// publishes (its name or its context says so) is MEDIA, a person stays PERSON.
/// </summary>
public static partial class TypeRefiner
{
    [GeneratedRegex(@"\b(base|airbase|air\s+base|airport|airfield|camp|port|harbou?r|prison|embassy|consulate|bridge|dam|hospital|palace|square|stadium|checkpoint|crossing|barracks)$", RegexOptions.IgnoreCase)]
    private static partial Regex FacilityName();

    /// <summary>"X base", or an apposition that says what X is: "X, the base that …", "X, an air base in …".</summary>
    [GeneratedRegex(@"^(,\s*(the|an?)\s+)?((military|air|naval|army|former)\s+)?(base|airbase|airport|airfield|camp)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FacilityAfter();

    [GeneratedRegex(@"\b(Times|Post|News|Journal|Herald|Tribune|Gazette|Telegraph|Agency|TV|Television|Radio|Network|Press|Daily|Monitor|Observer|Guardian|Reuters|AFP|AP|BBC|CNN|Al\s+Jazeera|Channel|Broadcasting|Dispatch|Ledger|Courier|Chronicle|Sentinel|Review|Magazine|Wire|news\s+agency|website)$")]
    private static partial Regex MediaName();

    [GeneratedRegex(@"^[\s,]*(news\s+agency|website|newspaper|daily|broadcaster|channel|tv|television|radio|reported|wrote|said\s+in\s+a\s+report)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MediaAfter();

    [GeneratedRegex(@"\b(news\s+agency|newspaper|website|broadcaster|according\s+to|reported\s+by|told)\s*,?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex MediaBefore();

    /// <summary>Head nouns of organisations: a name built on one is an organisation whatever the tagger thought.</summary>
    [GeneratedRegex(@"\b(Brigades?|Corps|Movement|Party|Front|Forces|Army|Council|Committee|Ministry|Guards|Militias?|Group|Organi[sz]ation|Union|Association|Institute|Cent(er|re)|Foundation|Company|Bank|Court|Parliament|Assembly|Battalions?|Regiment|Division|Coalition|Alliance|League|Federation|Commission|Authority|Agency|Department|Office|University|Church)\b")]
    private static partial Regex OrganisationHead();

    [GeneratedRegex(@"^(Camp|Fort|Forward\s+Operating\s+Base|Naval\s+Station|Air\s+Station)\b")]
    private static partial Regex FacilityPrefix();

    [GeneratedRegex(@"\b(Sea|Ocean|River|Lake|Mountains?|Mount|Gulf|Bay|Strait|Desert|Valley|Peninsula|Islands?|Coast|Basin|Plateau|Region|Asia|Europe|Africa|Antarctica|Oceania|Arctic|Middle\s+East|Levant|Balkans|Caucasus|Sahel)\b")]
    private static partial Regex NaturalPlace();

    [GeneratedRegex(@"^[\s,]*(news\s+agency|website|newspaper|broadcaster)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PublisherAfter();

    [GeneratedRegex(@"\b(news\s+agency|newspaper|website|broadcaster)\s*,?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PublisherBefore();

    public static string Refine(string text, Token[] tokens, byte[] gazetteerCodes, EntityMention mention)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(gazetteerCodes);
        var name = text[mention.Start..mention.End];
        var after = text.AsSpan(mention.End, Math.Min(40, text.Length - mention.End)).ToString();
        var before = text.AsSpan(Math.Max(0, mention.Start - 40), mention.Start - Math.Max(0, mention.Start - 40)).ToString();

        if (Datelines.IsAgency(text, mention.Start))
            return "MEDIA";
        // What a name is called in its sentence outweighs the tagger's guess at its kind.
        if (FacilityName().IsMatch(name) || FacilityPrefix().IsMatch(name) || FacilityAfter().IsMatch(after.TrimStart()))
            return "FACILITY";
        if (mention.Type != EntityTypes.Location && (MediaName().IsMatch(name) || PublisherAfter().IsMatch(after) || PublisherBefore().IsMatch(before)))
            return "MEDIA";
        if (mention.Type != EntityTypes.Organization && OrganisationHead().IsMatch(name))
            return "ORG";
        switch (mention.Type)
        {
            case EntityTypes.Person:
                return "PERSON";
            case EntityTypes.Location:
                // In news a place named without a natural feature is nearly always a country, region or city.
                return IsPlaceInGazetteer(gazetteerCodes, mention) || !NaturalPlace().IsMatch(name) ? "GPE" : "LOC";
            case EntityTypes.Organization:
                return MediaAfter().IsMatch(after) || MediaBefore().IsMatch(before) ? "MEDIA" : "ORG";
            default:
                return "MISC";
        }
    }

    /// <summary>Every token of the name is part of a country or city name the model's lists know.</summary>
    private static bool IsPlaceInGazetteer(byte[] codes, EntityMention mention)
    {
        for (int t = mention.FirstToken; t < mention.FirstToken + mention.TokenCount; t++)
        {
            if (t >= codes.Length || (codes[t] & (Gazetteer.Country | Gazetteer.City)) == 0)
                return false;
        }
        return true;
    }
}
