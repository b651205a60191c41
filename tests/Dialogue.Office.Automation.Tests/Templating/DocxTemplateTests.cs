using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Invitations;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Templating;
using Dialogue.Office.Automation.Tests.Support;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Dialogue.Office.Automation.Tests.Templating;

public sealed class DocxTemplateTests
{
    private static byte[] MergeFieldTemplate(params OpenXmlElement[] paragraphs)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs));
        }

        return ms.ToArray();
    }

    private static Paragraph SimpleMergeField(string label, string field) =>
        new(new Run(new WText(label) { Space = SpaceProcessingModeValues.Preserve }),
            new SimpleField(new Run(new RunProperties(new Bold()), new WText($"«{field}»"))) { Instruction = $" MERGEFIELD {field} \\* MERGEFORMAT " });

    private static Paragraph ComplexMergeField(string label, string field) =>
        new(new Run(new WText(label) { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode($" MERGEFIELD  \"{field}\" ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(new RunProperties(new Italic()), new WText($"«{field}»")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }));

    [Fact]
    public void Compile_MergeFieldTemplate_FillsSimpleAndComplexFieldsAndTheQrPicture()
    {
        var bytes = MergeFieldTemplate(
            SimpleMergeField("Kính gửi: ", "KinhGui"),
            ComplexMergeField("Mã: ", "MaDaiBieu"),
            SimpleMergeField("", "MaQR"));
        var problems = new ProblemList();
        var template = DocxTemplate.Compile(bytes, "thu-moi.docx", problems, TemplateFields.RequiredForInvitation);
        Assert.False(problems.HasErrors, string.Join("\n", problems.Items));
        Assert.NotNull(template);
        Assert.True(template.HasQrCode);
        Assert.Equal(["KinhGui", "MaDaiBieu", "MaQR"], template.Tags.Order());

        using var tmp = new TempDir();
        var path = tmp.File("out.docx");
        using (var f = File.Create(path))
        {
            template.Render(new Dictionary<string, string> { ["KinhGui"] = "Đồng chí Lò Văn Pó, Chủ tịch UBND huyện Trạm Tấu", ["MaDaiBieu"] = "YB23-0042" },
                Dialogue.Office.Automation.QrCodes.QrCodeRenderer.Png("https://x.vn/?db=YB23-0042"), f);
        }

        var paragraphs = DocxInspector.Paragraphs(path);
        Assert.Equal("Kính gửi: Đồng chí Lò Văn Pó, Chủ tịch UBND huyện Trạm Tấu", paragraphs[0]);
        Assert.Equal("Mã: YB23-0042", paragraphs[1]);
        Assert.Single(DocxInspector.Images(path));
        Assert.Empty(DocxInspector.Validate(path));
        using var doc = WordprocessingDocument.Open(path, false);
        Assert.Empty(doc.MainDocumentPart!.Document.Descendants<SimpleField>());
        Assert.Empty(doc.MainDocumentPart.Document.Descendants<FieldChar>());
        // The MERGEFIELD's own formatting (bold) is kept on the value, written as plain text as Word's merge does.
        var filled = doc.MainDocumentPart.Document.Descendants<Run>().Single(r => r.InnerText.StartsWith("Đồng chí", StringComparison.Ordinal));
        Assert.NotNull(filled.RunProperties?.Bold);
    }

    [Fact]
    public void Compile_UnknownTag_IsReportedWithItsName()
    {
        var bytes = MergeFieldTemplate(SimpleMergeField("Kính gửi: ", "KinhGui"), SimpleMergeField("", "MaQR"), SimpleMergeField("", "HoVaTenn"));
        var problems = new ProblemList();
        var template = DocxTemplate.Compile(bytes, "thu-moi.docx", problems, TemplateFields.RequiredForInvitation);
        Assert.Null(template);
        var p = Assert.Single(problems.Errors);
        Assert.Equal("TEMPLATE_UNKNOWN_MERGEFIELD", p.Code);
        Assert.Equal("thu-moi.docx › thân văn bản › MERGEFIELD \"HoVaTenn\"", p.Location);
        Assert.Contains("HoVaTenn", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_ContentControlTemplateWithoutAddressee_IsRefused()
    {
        // A mail-merge template addresses the letter with its own fields (MailMergeTemplateTests); a template of tagged
        // content controls must hold KinhGui.
        var bytes = MergeFieldTemplate(new Paragraph(ContentControls.Inline("MaDaiBieu", "«mã»", Dialogue.Office.Automation.WordLayout.TextStyle.Body)),
            new Paragraph(ContentControls.Picture("MaQR", 900000L)));
        var problems = new ProblemList();
        Assert.Null(DocxTemplate.Compile(bytes, "thu-moi.docx", problems, TemplateFields.RequiredForInvitation));
        Assert.Contains(problems.Errors, p => p.Code == "TEMPLATE_REQUIRED_FIELD" && p.Args[0] == "KinhGui");
    }

    [Fact]
    public void Compile_NotAWordFile_IsReportedNotThrown()
    {
        var problems = new ProblemList();
        Assert.Null(DocxTemplate.Compile("PK\u0003\u0004 not a zip"u8.ToArray(), "hong.docx", problems));
        Assert.Equal("FILE_CORRUPT", Assert.Single(problems.Errors).Code); // the guarded opener's code, as for every file
    }

    [Fact]
    public void Render_EmptyBlockField_RemovesItsParagraph_AndBoldMarkupIsApplied()
    {
        var problems = new ProblemList();
        var template = DocxTemplate.Compile(InvitationTemplate.Build(), "giay-moi.docx", problems)!;
        var values = InvitationGenerator.CommonValues(PlanLoader.Load(RepoPaths.SamplePlan).Require());
        values["KinhGui"] = "Lãnh đạo Sở Tài chính";
        values["ChoNgoi"] = "";
        var without = template.RenderDocumentXml(values);
        Assert.DoesNotContain("Chỗ ngồi", without, StringComparison.Ordinal);
        values["ChoNgoi"] = "**Chỗ ngồi:** Hàng B – Ghế 12.";
        var with = template.RenderDocumentXml(values);
        Assert.Contains("<w:b /><w:bCs /><w:sz w:val=\"26\" /><w:szCs w:val=\"26\" /></w:rPr><w:t xml:space=\"preserve\">Chỗ ngồi:</w:t>", with, StringComparison.Ordinal);
        // Only the marked label is bold: the seat itself keeps the body formatting.
        Assert.Contains("<w:rPr><w:sz w:val=\"26\" /><w:szCs w:val=\"26\" /></w:rPr><w:t xml:space=\"preserve\"> Hàng B – Ghế 12.</w:t>", with, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ValueWithXmlCharacters_IsEscaped()
    {
        var problems = new ProblemList();
        var template = DocxTemplate.Compile(MergeFieldTemplate(SimpleMergeField("", "KinhGui"), SimpleMergeField("", "MaQR")), "t.docx", problems)!;
        using var tmp = new TempDir();
        var path = tmp.File("x.docx");
        using (var f = File.Create(path))
        {
            template.Render(new Dictionary<string, string> { ["KinhGui"] = "Phòng <Tài chính> & \"Kế hoạch\"" }, [], f);
        }

        Assert.Equal("Phòng <Tài chính> & \"Kế hoạch\"", DocxInspector.Paragraphs(path)[0]);
    }

    [Fact]
    public void CommittedInvitationTemplate_MatchesTheBuilderStructurally()
    {
        var committed = File.ReadAllBytes(Path.Combine(RepoPaths.Templates, InvitationTemplate.FileName));
        Assert.Empty(DocxInspector.StructuralDifferences(committed, InvitationTemplate.Build()));
    }

    [Fact]
    public void CommittedInvitationTemplate_HasEveryRequiredFieldAndValidates()
    {
        var path = Path.Combine(RepoPaths.Templates, InvitationTemplate.FileName);
        var problems = new ProblemList();
        var template = DocxTemplate.Compile(path, problems, TemplateFields.RequiredForInvitation);
        Assert.False(problems.HasErrors, string.Join("\n", problems.Items));
        Assert.Superset(new HashSet<string>(["KinhGui", "MaQR", "DuongDan", "MaDaiBieu", "SoKyHieu", "DiaDanhNgayThang", "NoiNhan", "NguoiKy"]), new HashSet<string>(template!.Tags));
        Assert.Empty(DocxInspector.Validate(path));
    }

    [Fact]
    public void TemplatesReadme_DocumentsEveryTag()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Templates, "README.md"));
        Assert.All(TemplateFields.All, f => Assert.Contains($"`{f.Tag}`", readme, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryProblemCode_HasAVietnameseMessage()
    {
        foreach (var code in new[] { "TEMPLATE_MISSING", "TEMPLATE_NOT_WORD", "TEMPLATE_UNKNOWN_FIELD", "TEMPLATE_REQUIRED_FIELD", "TEMPLATE_FIELD_PLACEMENT", "INVITATION_NO_DELEGATES", "INVITATION_MISSING_VALUE" })
        {
            Assert.True(ProblemMessages.All.ContainsKey(code), code);
        }
    }
}
