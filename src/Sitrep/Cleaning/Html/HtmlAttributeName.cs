namespace Sitrep.Cleaning.Html;

/// <summary>The attributes extraction reads; the tree keeps no others, so a page's data-* and event attributes cost nothing.</summary>
internal enum HtmlAttributeName : byte
{
    Class,
    Id,
    Role,
    ItemProp,
    Hidden,
    AriaHidden,
    Style,
    Content,
    Property,
    Name,
    Rel,
    Href,
    Type,
    Lang,
    DateTime,
    PubDate,
}
