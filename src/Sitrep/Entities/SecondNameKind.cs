namespace Sitrep.Entities;

/// <summary>How a text gives one thing a second name right after the first: in brackets ("Popular Front (PF)", "Kata'ib X (X Brigades)") or after "known as X or".</summary>
public enum SecondNameKind
{
    None,
    Bracketed,
    Alias,

    /// <summary>Another spelling of the same name: "Rastin Kolvar (also transliterated Kolwar or Kolvár)"; it takes the first name's type, whatever the tagger said.</summary>
    Spelling,
}
