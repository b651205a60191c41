using System.Text;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Tests.Vietnamese;

public sealed class LegacyVietnameseTests
{
    [Fact]
    public void Tcvn3ToUnicode_CapitalFontHeading_GivesUpperCaseUnicode()
    {
        var legacy = "C\u00E9NG HO\u00B5 X\u00B7 H\u00E9I CH\u00F1 NGH\u00DCA VI\u00D6T NAM"; // "CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM"
        Assert.Equal("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", LegacyVietnamese.Tcvn3ToUnicode(legacy, upper: true));
        Assert.Equal("CộNG HOà Xã HộI CHủ NGHĩA VIệT NAM", LegacyVietnamese.Tcvn3ToUnicode(legacy, upper: false));
    }

    [Theory]
    [InlineData("Vi\u00D6t Nam", "Việt Nam")]
    [InlineData("Gi\u00B8o d\u00F4c v\u00B5 \u00A7\u00B5o t\u00B9o", "Giáo dục và Đào tạo")]
    [InlineData("Gi\u00B8o d\u00F4c v\u00B5 \u00AE\u00B5o t\u00B9o", "Giáo dục và đào tạo")]
    [InlineData("Ng\u00AD\u00EAi lao \u00AE\u00E9ng ph\u00B6i \u00AE\u00AD\u00EEc tr\u00B6 l\u00AD\u00ACng \u00AE\u00F3ng h\u00B9n.", "Người lao động phải được trả lương đúng hạn.")]
    [InlineData("Vietnamese (Ti\u00D5ng Vi\u00D6t)\tCh\u00B5o b\u00B9n", "Vietnamese (Tiếng Việt)\tChào bạn")]
    public void Tcvn3ToUnicode_KnownSamples_DecodeExactly(string legacy, string expected)
    {
        var decoded = LegacyVietnamese.Tcvn3ToUnicode(legacy);
        Assert.Equal(expected, decoded);
        Assert.True(decoded.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("Xin cha\u00F8o ca\u00F9c ba\u00EFn", "Xin chào các bạn")]
    [InlineData("Vie\u00E4t Nam", "Việt Nam")]
    [InlineData("Gia\u00F9o du\u00EFc va\u00F8 \u00D1a\u00F8o ta\u00EFo", "Giáo dục và Đào tạo")]
    [InlineData("Co\u00E4ng ho\u00F8a xa\u00F5 ho\u00E4i chu\u00FB ngh\u00F3a Vie\u00E4t Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam")]
    [InlineData("\u00F1\u00F6\u00F4\u00EFc giao nhie\u00E4m vu\u00EF, ng\u00F6\u00F4\u00F8i khai, \u00F1a\u00EAng ky\u00F9", "được giao nhiệm vụ, người khai, đăng ký")]
    public void VniToUnicode_KnownSamples_DecodeExactly(string legacy, string expected)
    {
        Assert.Equal(expected, LegacyVietnamese.VniToUnicode(legacy));
    }

    [Fact]
    public void Tables_HaveTheSizesOfTheStandard_AndDistinctNfcTargets()
    {
        var tcvn3 = LegacyVietnamese.Tcvn3Entries.ToList();
        Assert.Equal(74, tcvn3.Count);
        Assert.Equal(74, tcvn3.Select(e => e.Unicode).Distinct().Count());
        Assert.All(tcvn3, e => Assert.InRange(e.Legacy, '\u00A1', '\u00FE'));

        var vni = LegacyVietnamese.VniEntries;
        Assert.Equal(134, vni.Count);
        Assert.Equal(116, vni.Count(e => e.Legacy.Length == 2));
        Assert.Equal(134, vni.Select(e => e.Unicode).Distinct().Count());
        Assert.All(vni, e => Assert.True(e.Unicode.ToString().IsNormalized(NormalizationForm.FormC)));
    }

    [Fact]
    public void VniToUnicode_EveryTableEntry_DecodesToItsLetter_AndCaseFollowsTheBase()
    {
        foreach (var (legacy, unicode) in LegacyVietnamese.VniEntries)
        {
            Assert.Equal(unicode.ToString(), LegacyVietnamese.VniToUnicode(legacy));
            // Research note §2.1: Latin-1 upper-casing of VNI text equals the VNI of the upper-cased letter.
            Assert.Equal(unicode.ToString().ToUpperInvariant(), LegacyVietnamese.VniToUnicode(legacy.ToUpperInvariant()));
        }
    }

    [Fact]
    public void Tcvn3ToUnicode_RoundTripOfEveryLetter_IsExact()
    {
        var reverse = LegacyVietnamese.Tcvn3Entries.ToDictionary(e => e.Unicode, e => e.Legacy);
        const string sentence = "Người dân đề nghị giải quyết sớm việc cấp giấy chứng nhận quyền sử dụng đất ở xã Ẵng.";
        var encoded = new string(sentence.ToLower(VietnameseText.Culture).Select(c => reverse.TryGetValue(c, out var l) ? l : c).ToArray());
        Assert.NotEqual(sentence.ToLower(VietnameseText.Culture), encoded);
        Assert.Equal(sentence.ToLower(VietnameseText.Culture), LegacyVietnamese.Tcvn3ToUnicode(encoded));
    }

    [Theory]
    [InlineData("C\u00E9NG HO\u00B5 X\u00B7 H\u00E9I CH\u00F1 NGH\u00DCA VI\u00D6T NAM")]
    [InlineData("Gi\u00B8o d\u00F4c v\u00B5 \u00AE\u00B5o t\u00B9o")]
    [InlineData("Ng\u00AD\u00EAi lao \u00AE\u00E9ng ph\u00B6i \u00AE\u00AD\u00EEc tr\u00B6 l\u00AD\u00ACng")]
    [InlineData("Gi\u00B8o")]
    public void DetectTcvn3_LegacyText_Fires(string text)
    {
        Assert.True(LegacyVietnamese.DetectTcvn3(text));
        Assert.False(LegacyVietnamese.DetectVni(text));
    }

    [Theory]
    [InlineData("Xin cha\u00F8o ca\u00F9c ba\u00EFn")]
    [InlineData("Co\u00E4ng ho\u00F8a xa\u00F5 ho\u00E4i chu\u00FB ngh\u00F3a Vie\u00E4t Nam")]
    [InlineData("Gia\u00F9o du\u00EFc va\u00F8 \u00D1a\u00F8o ta\u00EFo")]
    public void DetectVni_LegacyText_Fires(string text)
    {
        Assert.True(LegacyVietnamese.DetectVni(text));
        Assert.False(LegacyVietnamese.DetectTcvn3(text));
    }

    [Theory]
    [InlineData("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")]
    [InlineData("Độc lập - Tự do - Hạnh phúc")]
    [InlineData("Yên Bái, ngày 05 tháng 4 năm 2023")]
    [InlineData("Hoàng Văn Toàn")]
    [InlineData("Lê Tú Bá")]
    [InlineData("Hội nghị đối thoại giữa người đứng đầu với cán bộ, công chức")]
    [InlineData("The quick brown fox jumps over the lazy dog.")]
    [InlineData("© 2023 Company® — all rights reserved")]
    [InlineData("Café, résumé, naïve, Müller, España, Über München")]
    [InlineData("Temperature 25°C ± 2, price £10 ½ off")]
    [InlineData("")]
    public void Detect_UnicodeAsciiOrWesternText_DoesNotFire(string text)
    {
        Assert.False(LegacyVietnamese.DetectTcvn3(text));
        Assert.False(LegacyVietnamese.DetectVni(text));
    }

    [Theory]
    [InlineData(".VnTime", true, false, false)]
    [InlineData(".VnTimeH", true, true, false)]
    [InlineData(".VnArial NarrowH", true, true, false)]
    [InlineData("VNI-Times", false, false, true)]
    [InlineData("Times New Roman", false, false, false)]
    [InlineData("Arial", false, false, false)]
    public void FontNames_AreClassified(string font, bool tcvn3, bool capital, bool vni)
    {
        Assert.Equal(tcvn3, LegacyVietnamese.IsTcvn3Font(font));
        Assert.Equal(capital, LegacyVietnamese.IsTcvn3CapitalFont(font));
        Assert.Equal(vni, LegacyVietnamese.IsVniFont(font));
    }

    [Theory]
    [InlineData("so\u00E1\u00A0111/2022/N\u00D1-CP")]
    [InlineData("so\u00E1\t116/2016/N\u00D1-CP")]
    public void DetectTcvn3_VniNumberLine_DoesNotFire(string vni)
    {
        Assert.False(LegacyVietnamese.DetectTcvn3(vni));
    }

    [Theory]
    [InlineData("Việt", true)]
    [InlineData("nghiêng", true)]
    [InlineData("khuyến", true)]
    [InlineData("gi", true)]
    [InlineData("Gióo", false)]
    [InlineData("rưõ", false)]
    [InlineData("ĐT", false)]
    [InlineData("viếệt", false)]
    public void SyllableCheck_KnownWords_AreClassified(string word, bool valid)
    {
        Assert.Equal(valid, VietnameseSyllable.IsValid(word));
    }
}
