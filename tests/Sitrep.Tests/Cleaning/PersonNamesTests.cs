using Sitrep.Cleaning;
using Xunit;

namespace Sitrep.Tests.Cleaning;

public sealed class PersonNamesTests
{
    [Theory]
    [InlineData("Ilse Varga Staff Writer", "Ilse Varga")]
    [InlineData("Dr. Tomas Reyes Contributing Editor", "Tomas Reyes")]
    [InlineData("Ilse Varga", "Ilse Varga")]
    public void A_name_line_keeps_the_name_without_the_position_printed_after_it(string line, string expected)
    {
        Assert.True(PersonNames.TryNameLine(line, out var name, out _));
        Assert.Equal(expected, name);
    }

    [Fact]
    public void A_line_of_an_outlet_and_roles_is_not_cut_down_to_a_name()
    {
        // "Acme Staff" is no more a person than "Acme Staff Writer": the line is left as it was, and the role check refuses it elsewhere.
        Assert.True(PersonNames.TryNameLine("Harbourline Staff Writer", out var name, out _));
        Assert.Equal("Harbourline Staff Writer", name);
    }
}
