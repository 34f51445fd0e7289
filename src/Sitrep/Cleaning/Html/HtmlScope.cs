namespace Sitrep.Cleaning.Html;

/// <summary>HTML's kinds of "has an element in scope": which open elements stop the search for another.</summary>
internal enum HtmlScope
{
    /// <summary>Stopped by html, table, td, th, caption, template, applet, marquee, object and foreign integration points.</summary>
    Default,

    /// <summary>The default, and button.</summary>
    Button,

    /// <summary>The default, and ol and ul.</summary>
    ListItem,

    /// <summary>Only html, table and template.</summary>
    Table,
}
