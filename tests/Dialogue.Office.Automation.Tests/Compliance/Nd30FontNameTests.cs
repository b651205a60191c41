using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Dialogue.Office.Automation.Tests.Compliance;

/// <summary>Names of Times New Roman as Word files carry them, and the real substitutes the checker must still report.</summary>
public sealed class Nd30FontNameTests
{
    [Theory]
    [InlineData("Times New Roman")]
    [InlineData("times new roman ")]
    [InlineData("Times New Roman Bold")]
    [InlineData("Times New Roman Italic")]
    [InlineData("Times New Roman Bold Italic")]
    [InlineData("Times New Roman Regular")]
    [InlineData("TimesNewRoman")]
    [InlineData("TimesNewRomanPSMT")]
    [InlineData("TimesNewRomanPS-BoldMT")]
    [InlineData("TimesNewRomanPS-ItalicMT")]
    [InlineData("TimesNewRomanPS-BoldItalicMT")]
    [InlineData("ABCDEF+TimesNewRomanPSMT")]
    [InlineData("TimesNewRoman,Bold")]
    [InlineData("Times New Roman MT Std")]
    [InlineData("Times New Roman CE")]
    [InlineData("Times New Roman CYR")]
    [InlineData("Times New Roman Greek")]
    [InlineData("Times New Roman TUR")]
    [InlineData("Times New Roman Baltic")]
    public void IsTimesNewRoman_StyleSuffixedNamesOfTheFamily_AreTimesNewRoman(string font)
    {
        Assert.True(FontNames.IsTimesNewRoman(font));
    }

    [Theory]
    [InlineData("Times")]
    [InlineData("Times-Roman")]
    [InlineData("Liberation Serif")]
    [InlineData("Tinos")]
    [InlineData("Nimbus Roman")]
    [InlineData("Times New Roman Condensed")]
    [InlineData("Times New Roman Narrow")]
    [InlineData("Times New Romance")]
    [InlineData(".VnTime")]
    [InlineData("VNI-Times")]
    [InlineData("Calibri")]
    [InlineData("")]
    public void IsTimesNewRoman_OtherFonts_AreSubstitutes(string font)
    {
        Assert.False(FontNames.IsTimesNewRoman(font));
    }

    [Theory]
    [InlineData("Times New Roman Bold")]
    [InlineData("TimesNewRomanPSMT")]
    [InlineData("Times New Roman Italic")]
    public void Check_DocumentInAStyleSuffixedName_HasNoFontFinding(string font)
    {
        using var dir = new TempDir();
        var path = new Nd30Sample { Font = font }.Save(dir.File("thu.docx"));

        var report = Nd30Checker.Check(path);

        Assert.False(report.Has("ND30_FONT"), report.ToString());
        Assert.True(report.Passed, report.ToString());
    }

    [Theory]
    [InlineData("Liberation Serif")]
    [InlineData("Times")]
    [InlineData("Times New Roman Condensed")]
    public void Check_ParagraphInASubstitute_IsReportedWithItsName(string font)
    {
        using var dir = new TempDir();
        var path = new Nd30Sample { LegacyParagraph = (font, "Đề nghị các đơn vị gửi danh sách đại biểu trước ngày 20/4/2023.") }.Save(dir.File("thu.docx"));

        var report = Nd30Checker.Check(path);

        var finding = Assert.Single(report.Findings, f => f.Code == "ND30_FONT");
        Assert.Equal(font, finding.Found);
    }

    [Fact]
    public void Fix_StyleSuffixedName_IsLeftAsItIs()
    {
        using var dir = new TempDir();
        var path = new Nd30Sample { Font = "Times New Roman Bold" }.Save(dir.File("thu.docx"));

        var result = Nd30Fixer.Fix(path, dir.File("thu.nd30.docx"));

        Assert.DoesNotContain(result.Changes, c => c.Code == "ND30_FIX_FONT");
    }

    /// <summary>
    /// A Word file no one here wrote: LibreOffice's DOCX export of a document whose runs name Times New Roman by a face
    /// ("Times New Roman Bold") and by its PostScript name, next to a run in Liberation Serif.
    /// </summary>
    [Fact]
    public void Check_WordFileExportedByLibreOffice_OnlyTheSubstituteIsAFontError()
    {
        using var dir = new TempDir();
        var source = dir.File("phong-chu.fodt");
        File.WriteAllText(source, FlatOdt);

        var docx = ExternalTools.ConvertWithLibreOffice(source, dir.File("docx"), "docx:MS Word 2007 XML");

        using (var document = WordprocessingDocument.Open(docx, false))
        {
            var names = document.MainDocumentPart!.Document.Descendants<RunFonts>().Select(f => f.Ascii?.Value).ToHashSet();
            Assert.Superset(new HashSet<string?> { "Times New Roman Bold", "TimesNewRomanPSMT", "Liberation Serif" }, names);
        }

        var report = Nd30Checker.Check(docx);
        var fonts = report.Findings.Where(f => f.Code == "ND30_FONT").Select(f => f.Found).ToList();
        Assert.Equal(["Liberation Serif"], fonts);
    }

    private const string FlatOdt = """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
         <office:font-face-decls>
          <style:font-face style:name="Times New Roman" svg:font-family="'Times New Roman'"/>
          <style:font-face style:name="Times New Roman Bold" svg:font-family="'Times New Roman Bold'"/>
          <style:font-face style:name="TimesNewRomanPSMT" svg:font-family="TimesNewRomanPSMT"/>
          <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"/>
         </office:font-face-decls>
         <office:styles>
          <style:default-style style:family="paragraph"><style:text-properties style:font-name="Times New Roman" fo:font-size="14pt"/></style:default-style>
         </office:styles>
         <office:automatic-styles>
          <style:style style:name="T1" style:family="text"><style:text-properties style:font-name="Times New Roman Bold" fo:font-weight="bold"/></style:style>
          <style:style style:name="T2" style:family="text"><style:text-properties style:font-name="TimesNewRomanPSMT"/></style:style>
          <style:style style:name="T3" style:family="text"><style:text-properties style:font-name="Liberation Serif"/></style:style>
         </office:automatic-styles>
         <office:body><office:text>
          <text:p><text:span text:style-name="T1">Kính gửi các đồng chí đại biểu.</text:span></text:p>
          <text:p><text:span text:style-name="T2">Thời gian: 08 giờ 00 phút, ngày 25 tháng 4 năm 2023.</text:span></text:p>
          <text:p><text:span text:style-name="T3">Địa điểm: Hội trường tầng 3.</text:span></text:p>
         </office:text></office:body>
        </office:document>
        """;
}
