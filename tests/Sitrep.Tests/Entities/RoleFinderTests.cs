using Sitrep.Entities.Resolution;

namespace Sitrep.Tests.Entities;

public sealed class RoleFinderTests
{
    [Theory]
    [InlineData("On Monday, US Secretary of State Dana Holloway said the talks would go on.", "Dana Holloway", "US Secretary of State")]
    [InlineData("Dana Holloway, the US secretary of state, said the talks would go on.", "Dana Holloway", "US secretary of state")]
    [InlineData("The statement came from the Guards' deputy in political affairs, Brigadier General Yusuf Tarem, on state television.", "Yusuf Tarem", "Guards' deputy in political affairs")]
    [InlineData("The statement came from the Guards' deputy in political affairs, Brigadier General Yusuf Tarem, on state television.", "Yusuf Tarem", "Brigadier General")]
    [InlineData("Quds Force Commander Amir Hatami visited the city.", "Amir Hatami", "Quds Force Commander")]
    // Roles that open further back than the words read first (48 characters): the whole window is read then.
    [InlineData("Reporters met Deputy Assistant Secretary of State for Near Eastern and South Asian Affairs Dana Holloway on Monday.", "Dana Holloway", "Deputy Assistant Secretary of State for Near Eastern and South Asian Affairs")]
    [InlineData("The order came from the ministry's deputy in charge of regional and international security affairs, Dana Holloway, on Monday.", "Dana Holloway", "ministry's deputy in charge of regional and international security affairs")]
    public void The_role_beside_a_name_is_found(string sentence, string name, string role)
    {
        int start = sentence.IndexOf(name, StringComparison.Ordinal);
        Assert.Contains(role, RoleFinder.Find(sentence, start, start + name.Length));
    }

    [Theory]
    [InlineData("Residents said Dana Holloway had left the city before the storm.", "Dana Holloway")]
    [InlineData("Dana Holloway, who left the city in May, said nothing.", "Dana Holloway")]
    public void A_name_without_a_role_gets_none(string sentence, string name)
    {
        int start = sentence.IndexOf(name, StringComparison.Ordinal);
        Assert.Empty(RoleFinder.Find(sentence, start, start + name.Length));
    }
}
