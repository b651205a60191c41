using System.Text;
using Dialogue.Office.Automation.Questions;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Tests.Questions;

public class LegacyTextTests
{
    [Theory]
    [InlineData("Gi¸o dôc vµ §µo t¹o", "Giáo dục và Đào tạo")]
    [InlineData("Gi¸o dôc vµ ®µo t¹o", "Giáo dục và đào tạo")]
    [InlineData("ViÖt Nam", "Việt Nam")]
    [InlineData("Ng\u00ADêi lao ®éng ph¶i ®\u00ADîc tr¶ l\u00AD¬ng ®óng h¹n.", "Người lao động phải được trả lương đúng hạn.")]
    public void Fix_Tcvn3WithVnTimeFont_DecodesToUnicode(string legacy, string expected)
    {
        var fixedText = LegacyText.Fix(legacy, ".VnTime");

        Assert.Equal(expected, fixedText.Text);
        Assert.Equal(RepairKind.FromTcvn3, fixedText.Kind);
        Assert.True(fixedText.Text.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Fix_Tcvn3WithCapitalFont_UpperCasesAfterDecoding()
    {
        var fixedText = LegacyText.Fix("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", ".VnTimeH");

        Assert.Equal("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", fixedText.Text);
    }

    [Theory]
    [InlineData("Gi¸o dôc vµ §µo t¹o", "Giáo dục và Đào tạo")]
    [InlineData("Ng\u00ADêi lao ®éng ph¶i ®\u00ADîc tr¶ l\u00AD¬ng ®óng h¹n.", "Người lao động phải được trả lương đúng hạn.")]
    [InlineData("vi\u00D6c\u00A0chi", "việc\u00A0chi")] // NBSP separates words: not read as VNI "viƯc"
    [InlineData("42\u00A0tri\u00D6u", "42\u00A0triệu")]
    public void Fix_Tcvn3WithoutFont_DetectedByContent(string legacy, string expected) =>
        Assert.Equal(expected, LegacyText.Fix(legacy, "Times New Roman").Text);

    [Theory]
    [InlineData("Xin chaøo caùc baïn", "Xin chào các bạn")]
    [InlineData("Giaùo duïc vaø Ñaøo taïo", "Giáo dục và Đào tạo")]
    [InlineData("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam")]
    [InlineData("ñöôïc giao nhieäm vuï, ngöôøi khai, ñaêng kyù", "được giao nhiệm vụ, người khai, đăng ký")]
    [InlineData("S\u00F4\u00FB GD&\u00D1T", "Sở GD&ĐT")] // '&' keeps the abbreviation one word: not TCVN3 "ẹt"
    public void Fix_VniWithoutFont_DetectedByContent(string legacy, string expected)
    {
        var fixedText = LegacyText.Fix(legacy, null);

        Assert.Equal(expected, fixedText.Text);
        Assert.Equal(RepairKind.FromVni, fixedText.Kind);
    }

    [Theory]
    [InlineData("Hoàng")]
    [InlineData("Toàn")]
    [InlineData("Lê Tú")]
    [InlineData("Bá")]
    [InlineData("café")]
    [InlineData("© 2023")]
    [InlineData("Việt Nam")]
    [InlineData("Trường THCS Lê Hồng Phong")]
    [InlineData("Đề nghị bổ sung biên chế giáo viên – hợp đồng theo Nghị định 111/2022/NĐ-CP")]
    [InlineData("Nguyễn Thị Thanh Hương, giáo viên mầm non")]
    public void Fix_NormalUnicodeText_IsNeverConverted(string text)
    {
        var fixedText = LegacyText.Fix(text, "Times New Roman");

        Assert.Equal(text, fixedText.Text);
        Assert.Equal(RepairKind.None, fixedText.Kind);
    }

    [Fact]
    public void Fix_DecomposedText_ComposedToNfc()
    {
        var nfd = "Trường Tiểu học Cổ Phúc".Normalize(NormalizationForm.FormD);

        var fixedText = LegacyText.Fix(nfd, null);

        Assert.Equal("Trường Tiểu học Cổ Phúc", fixedText.Text);
        Assert.Equal(RepairKind.Composed, fixedText.Kind);
    }

    [Theory]
    [InlineData("đề nghị bổ sung biên chế giáo viên mầm non cho các trường vùng đặc biệt khó khăn ở huyện văn chấn, yên bái")]
    [InlineData("thiết bị dạy học tối thiểu lớp 3, lớp 4 chưa được cấp đủ; đề nghị ưu tiên kinh phí năm 2023")]
    public void EncodeThenFix_Tcvn3AndVni_RoundTripsExactly(string text)
    {
        Assert.Equal(text, LegacyText.Fix(LegacyVietnamese.EncodeTcvn3(text), ".VnTime").Text);
        Assert.Equal(text, LegacyText.Fix(LegacyVietnamese.EncodeTcvn3(text), null).Text);
        Assert.Equal(text, LegacyText.Fix(LegacyVietnamese.EncodeVni(text), "VNI-Times").Text);
        Assert.Equal(text, LegacyText.Fix(LegacyVietnamese.EncodeVni(text), null).Text);
    }

    [Fact]
    public void Fix_VniFontLookup_RecognisesVniAndTcvn3Families()
    {
        Assert.True(LegacyVietnamese.IsVniFont("VNI-Times"));
        Assert.True(LegacyVietnamese.IsVniFont("VNI Helve"));
        Assert.False(LegacyVietnamese.IsVniFont("VNI-DOS Sample"));
        Assert.True(LegacyVietnamese.IsTcvn3CapitalFont(".VnArial NarrowH"));
        Assert.False(LegacyVietnamese.IsTcvn3CapitalFont(".VnTime"));
    }

    [Theory]
    [InlineData("giáo\u00A0viên")]
    [InlineData("Giáo")]
    public void Decode_UnicodeCellScoresWorseAsTcvn3_SoMajorityLeavesIt(string unicode)
    {
        var decoded = LegacyText.Decode(unicode, LegacyEncoding.Tcvn3);

        Assert.True(LegacyVietnamese.Score(decoded) > LegacyVietnamese.Score(unicode));
    }
}
