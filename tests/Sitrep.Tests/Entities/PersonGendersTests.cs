using Sitrep.Entities;

namespace Sitrep.Tests.Entities;

/// <summary>The one reading of a name's gender that the quotes layer and coreference share (<see cref="PersonGenders.OfName"/>).</summary>
public sealed class PersonGendersTests
{
    [Theory]
    [InlineData("Nancy Pelosi", "Female")]
    [InlineData("Speaker Nancy Pelosi", "Female")]
    [InlineData("Sen. Donald Smith", "Male")]
    [InlineData("President Donald Trump", "Male")]
    [InlineData("president donald trump", "Male")]
    // A gendered title written in the name outranks its given name, even a misspelt one.
    [InlineData("Congresswoman Gabriel Giffords", "Female")]
    [InlineData("Mrs. Donald Smith", "Female")]
    public void A_name_gives_its_gender(string name, string expected) =>
        Assert.Equal(expected, PersonGenders.OfName(name.Split(' ')).ToString());

    [Theory]
    // One word, an unlisted given name, an initial before the surname: no evidence.
    [InlineData("Pelosi")]
    [InlineData("Xarvo Pelosi")]
    [InlineData("J. Pelosi")]
    [InlineData("Nancy")]
    public void A_name_without_a_listed_given_name_gives_none(string name) =>
        Assert.Equal(PersonGender.Unknown, PersonGenders.OfName(name.Split(' ')));
}
