using System.Reflection;
using Dialogue.Office.Automation.Compliance;

namespace Dialogue.Office.Automation.Tests.Compliance;

/// <summary>The decree's numbers are defined once (Compliance/Nd30.cs); what the writers use lies inside what the checker allows.</summary>
public sealed class Nd30NumbersTests
{
    public static TheoryData<string> Sizes() => [.. Fields<Nd30FontSize>()];

    public static TheoryData<string> Lengths() => [.. Fields<Nd30Length>()];

    [Theory]
    [MemberData(nameof(Sizes))]
    public void FontSize_WrittenValue_IsAllowedByTheChecker(string name)
    {
        var size = (Nd30FontSize)typeof(Nd30).GetField(name)!.GetValue(null)!;

        Assert.InRange(size.Written, size.Min, size.Max);
        Assert.False(size.IsOutside(size.Written * 2));
        Assert.True(size.IsOutside(size.MinHalfPoints - 1) && size.IsOutside(size.MaxHalfPoints + 1));
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Length_WrittenValue_IsAllowedByTheChecker(string name)
    {
        var length = (Nd30Length)typeof(Nd30).GetField(name)!.GetValue(null)!;

        Assert.InRange(length.Written, length.Min, length.Max);
        Assert.True(length.Allows(length.Written));
        Assert.False(length.Allows(length.Min - length.Tolerance - 1));
        Assert.Equal(length.Written, length.Clamp(length.Written));
    }

    [Fact]
    public void Margins_ReadAsTheDecreeWritesThem()
    {
        Assert.Equal("20–25 mm", Nd30.MarginTop.ToString());
        Assert.Equal("30–35 mm", Nd30.MarginLeft.ToString());
        Assert.Equal("15–20 mm", Nd30.MarginRight.ToString());
        Assert.Equal("Top margin 20–25 mm", Nd30Rules.Get("ND30_MARGIN_TOP").English);
        Assert.Equal("13–14 pt", Nd30.BodySize.ToString());
        Assert.Equal("11 pt", Nd30.RecipientsListSize.ToString());
    }

    private static IEnumerable<string> Fields<T>() =>
        typeof(Nd30).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(T)).Select(f => f.Name);
}
