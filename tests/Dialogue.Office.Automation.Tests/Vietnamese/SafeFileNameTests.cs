using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Tests.Vietnamese;

public sealed class SafeFileNameTests
{
    [Theory]
    [InlineData("001-Nguyễn Thị Ánh Tuyết", "docx", "001-Nguyen-Thi-Anh-Tuyet.docx")]
    [InlineData("../../etc/passwd", "docx", "Etc-Passwd.docx")]
    [InlineData("C:\\Windows\\system32\\x", "docx", "C-Windows-System32-X.docx")]
    [InlineData("CON", "docx", "_Con.docx")]
    [InlineData("lpt1", "xlsx", "_Lpt1.xlsx")]
    [InlineData("Sở Tài chính: \"Phòng <1>\" | ? *", "docx", "So-Tai-Chinh-Phong-1.docx")]
    [InlineData("", "docx", "tep.docx")]
    [InlineData("Đắk Lắk", ".docx", "Dak-Lak.docx")]
    public void From_AnyText_GivesAPortableName(string stem, string ext, string expected)
    {
        var name = SafeFileName.From(stem, ext);
        Assert.Equal(expected, name);
        Assert.True(SafeFileName.IsSafe(name));
    }

    [Fact]
    public void From_VeryLongText_IsBounded()
    {
        var name = SafeFileName.From(string.Concat(Enumerable.Repeat("Trường Trung học phổ thông ", 20)), "docx");
        Assert.True(name.Length <= 90, name);
        Assert.True(SafeFileName.IsSafe(name));
    }

    [Theory]
    [InlineData("a/b.docx")]
    [InlineData("..")]
    [InlineData("x..docx")]
    [InlineData(".hidden")]
    [InlineData("NUL.txt")]
    [InlineData("tên.docx")]
    public void IsSafe_RejectsPathsAndReservedNames(string name) => Assert.False(SafeFileName.IsSafe(name));

    [Fact]
    public void DateLine_UsesLeadingZerosForEarlyDaysAndJanuaryFebruary()
    {
        Assert.Equal("Yên Bái, ngày 05 tháng 02 năm 2025", VietnameseText.DateLine("Yên Bái", new DateOnly(2025, 2, 5)));
        Assert.Equal("Hà Nội, ngày 15 tháng 6 năm 2025", VietnameseText.DateLine("Hà Nội", new DateOnly(2025, 6, 15)));
        Assert.Equal("ngày 10 tháng 12 năm 2026", VietnameseText.LongDate(new DateOnly(2026, 12, 10)));
    }

    [Fact]
    public void Clean_NormalisesToNfcAndCollapsesSpaces()
    {
        var decomposed = "Nguye\u0302\u0303n\u00A0 Va\u0306n   A ";
        Assert.Equal("Nguyễn Văn A", VietnameseText.Clean(decomposed));
        Assert.Equal("nguyen van a", VietnameseText.Fold(decomposed));
    }
}
