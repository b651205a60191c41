using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.QrCodes;
using Dialogue.Office.Automation.Templating;
using Dialogue.Office.Automation.Tests.Support;
using Dialogue.Office.Tests.Support;
using static Dialogue.Office.Automation.Tests.Templating.WordFieldXml;

namespace Dialogue.Office.Automation.Tests.Templating;

/// <summary>An office's own Word mail-merge template: fields named after its list's columns, IF, switches, headers, text boxes.</summary>
public sealed class MailMergeTemplateTests
{
    internal static readonly string[] Columns = ["STT", "Mã đại biểu", "Giới tính", "Họ và tên", "Chức vụ", "Cơ quan, đơn vị", "Ngày sinh", "Điện thoại"];

    /// <summary>The letter a văn thư made in Word 2010 against her list (structures as Word writes them).</summary>
    internal static byte[] OfficeLetter(string extraParagraphs = "") => Docx(
        P(R("Kính gửi: "),
            Field("Ông", "", " IF ", Merge("Giới_tính"), " = \"Nam\" \"Ông\" \"Bà\" "),
            R(" "),
            // Split by spell-check inside the name, as Word leaves it after the clerk typed the field code.
            Field("«Họ_và_tên»", BoldProps, " MERGEFIELD ", ProofErr, "Họ_và_", "tên", " \\* Upper "),
            Merge("Chức_vụ", switches: "\\b \", \"")) +
        P(R("Ngày sinh: "), Merge("Ngày_sinh", switches: "\\@ \"dd/MM/yyyy\"")) +
        P(R("Yên Bái, ngày "), Field("03", "", " DATE \\@ \"dd\" "), R(" tháng "), Field("12", "", " DATE \\@ \"M\" "), R(" năm "), Field("2026", "", " DATE \\@ \"yyyy\" ")) +
        P(R("Đơn vị: "), Simple(" MERGEFIELD \"Cơ quan, đơn vị\" \\* Upper \\* MERGEFORMAT ", "«Cơ quan, đơn vị»")) +
        P(R("Điện thoại: "), Inserted(Merge("Điện_thoại"))) +
        P(R("Số thứ tự (Word cũ): "), Merge("S_T_T")) +
        P(R("Tên (Word cho Mac): "), Merge("H__v__t_n", switches: "\\* Caps")) +
        P(R("Địa điểm: "), Merge("DiaDiem")) +
        P(TextBox(P(R("Mã đại biểu: "), Merge("Mã_đại_biểu")))) +
        extraParagraphs +
        P(R("Nơi nhận:", BoldProps)) +
        P(R("- Như trên;")),
        headerXml: P(R("Giấy mời số "), Merge("STT")),
        footerXml: P(R("Trang "), Field("1", "", " PAGE ")));

    internal static Dictionary<string, string> Values(string gender, string name, string position) => new()
    {
        [MergeKeys.Column("STT")] = "7",
        [MergeKeys.Column("Mã đại biểu")] = "YB23-0007",
        [MergeKeys.Column("Giới tính")] = gender,
        [MergeKeys.Column("Họ và tên")] = name,
        [MergeKeys.Column("Chức vụ")] = position,
        [MergeKeys.Column("Cơ quan, đơn vị")] = "Sở Nội vụ",
        [MergeKeys.Column("Ngày sinh")] = "30000",
        [MergeKeys.Column("Điện thoại")] = "0216 3852 219",
        ["DiaDiem"] = "Trung tâm Hội nghị tỉnh",
        [MergeKeys.LetterDate] = "2023-04-07",
    };

    private static DocxTemplate Compile(byte[] bytes, ProblemList problems) =>
        DocxTemplate.Compile(bytes, "thu-moi-cu.docx", problems, TemplateFields.RequiredForInvitation, Columns)!;

    [Fact]
    public void OfficeTemplate_FieldsNamedAfterColumns_FillEveryPlaceWordPutsThem()
    {
        var problems = new ProblemList();
        var template = Compile(OfficeLetter(), problems);
        Assert.False(problems.HasErrors, string.Join("\n", problems.Items));
        Assert.True(template.HasQrCode);

        using var tmp = new TempDir();
        var man = tmp.File("nam.docx");
        var woman = tmp.File("nu.docx");
        using (var f = File.Create(man))
        {
            template.Render(Values("Nam", "Nguyễn Văn An", "Giám đốc Sở Nội vụ"), QrCodeRenderer.Png("https://x.vn/?db=YB23-0007"), f);
        }

        using (var f = File.Create(woman))
        {
            template.Render(Values(" nữ", "Lê Thị Hồng Nhung", ""), QrCodeRenderer.Png("https://x.vn/?db=YB23-0008"), f);
        }

        var text = DocxInspector.Paragraphs(man);
        Assert.Equal("Kính gửi: Ông NGUYỄN VĂN AN, Giám đốc Sở Nội vụ", text[0]);
        Assert.Equal($"Ngày sinh: {DateTime.FromOADate(30000):dd/MM/yyyy}", text[1]);
        Assert.Equal("Yên Bái, ngày 07 tháng 4 năm 2023", text[2]);
        Assert.Equal("Đơn vị: SỞ NỘI VỤ", text[3]);
        Assert.Equal("Điện thoại: 0216 3852 219", text[4]);
        Assert.Equal("Số thứ tự (Word cũ): 7", text[5]);
        Assert.Equal("Tên (Word cho Mac): Nguyễn Văn An", text[6]);
        Assert.Equal("Địa điểm: Trung tâm Hội nghị tỉnh", text[7]);
        Assert.Equal(2, text.Count(t => t == "Mã đại biểu: YB23-0007")); // the text box and its VML fallback

        // "\b" puts ", " only before a value: no dangling comma when the list has no position.
        Assert.Equal("Kính gửi: Bà LÊ THỊ HỒNG NHUNG", DocxInspector.Paragraphs(woman)[0]);

        using var doc = WordprocessingDocument.Open(man, false);
        var main = doc.MainDocumentPart!;
        Assert.Empty(main.Document.Descendants<SimpleField>());
        Assert.DoesNotContain(main.Document.Descendants<FieldCode>(), c => c.Text.Contains("MERGEFIELD", StringComparison.Ordinal));
        Assert.DoesNotContain("«", main.Document.InnerText, StringComparison.Ordinal);
        // The field's own formatting (bold) stays on the value.
        Assert.Contains(main.Document.Descendants<Run>(), r => r.InnerText == "NGUYỄN VĂN AN" && r.RunProperties?.Bold is not null);
        Assert.Equal("Giấy mời số 7", main.HeaderParts.Single().Header.InnerText);
        // Not a merge main document any more: Word would ask for the office's Excel file on opening.
        Assert.Null(main.DocumentSettingsPart!.Settings.GetFirstChild<MailMerge>());
        Assert.Empty(main.DocumentSettingsPart.ExternalRelationships);
        // PAGE is not a merge field: it stays a field for Word to number the pages.
        Assert.Contains(main.FooterParts.Single().Footer.Descendants<FieldCode>(), c => c.Text.Trim() == "PAGE");
        Assert.Empty(DocxInspector.Validate(man));
        Assert.Single(DocxInspector.Images(man));
    }

    [Fact]
    public void OfficeTemplate_WithoutQrPlace_GetsItBeforeTheSignatureBlockAndAWarningSayingWhere()
    {
        var problems = new ProblemList();
        var template = Compile(OfficeLetter(), problems);
        var warning = Assert.Single(problems.Warnings, p => p.Code == "TEMPLATE_QR_PLACED");
        Assert.Contains("sau đoạn \"Địa điểm: «…»\"", warning.Message, StringComparison.Ordinal);
        Assert.Contains("trước khối chữ ký", warning.Message, StringComparison.Ordinal);

        using var tmp = new TempDir();
        var path = tmp.File("a.docx");
        using (var f = File.Create(path))
        {
            template.Render(Values("Nam", "Nguyễn Văn An", "Giám đốc"), QrCodeRenderer.Png("https://x.vn/?db=YB23-0007"), f);
        }

        using var doc = WordprocessingDocument.Open(path, false);
        var body = doc.MainDocumentPart!.Document.Body!;
        var blocks = body.Elements<Paragraph>().ToList();
        var qr = blocks.FindIndex(p => p.Descendants<Drawing>().Any() && !p.Descendants<TextBoxContent>().Any());
        Assert.True(qr > 0);
        Assert.Equal("Nơi nhận:", blocks[qr + 1].InnerText);
    }

    [Fact]
    public void OfficeTemplate_QrBookmark_PutsTheCodeThere()
    {
        var bookmark = P(R("Quét mã: "), "<w:bookmarkStart w:id=\"7\" w:name=\"MaQR\"/><w:bookmarkEnd w:id=\"7\"/>");
        var problems = new ProblemList();
        var template = Compile(OfficeLetter(bookmark), problems);
        Assert.DoesNotContain(problems.Items, p => p.Code == "TEMPLATE_QR_PLACED");
        using var tmp = new TempDir();
        var path = tmp.File("a.docx");
        using (var f = File.Create(path))
        {
            template.Render(Values("Nam", "A", "B"), QrCodeRenderer.Png("https://x.vn/"), f);
        }

        using var doc = WordprocessingDocument.Open(path, false);
        var paragraph = doc.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Single(p => p.InnerText.StartsWith("Quét mã", StringComparison.Ordinal));
        Assert.Single(paragraph.Descendants<Drawing>());
        Assert.Empty(DocxInspector.Validate(path));
    }

    [Fact]
    public void UnmatchedMergeField_IsReportedAsMergeFieldWithTheNearestColumns()
    {
        var problems = new ProblemList();
        var template = DocxTemplate.Compile(Docx(P(Merge("Họ_và_tên")) + P(Merge("Chuc_vuu")) + P(Merge("Don_vi_cong_tac"))), "thu-moi-cu.docx", problems,
            TemplateFields.RequiredForInvitation, Columns);
        Assert.Null(template);
        var errors = problems.Errors.Where(p => p.Code == "TEMPLATE_UNKNOWN_MERGEFIELD").ToList();
        Assert.Equal(["Chuc_vuu", "Don_vi_cong_tac"], errors.Select(e => e.Args[0]));
        Assert.Equal("thu-moi-cu.docx › thân văn bản › MERGEFIELD \"Chuc_vuu\"", errors[0].Location);
        Assert.Contains("Có phải là cột \"Chức vụ\"", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("MERGEFIELD", errors[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain("content control", errors[0].Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ô nội dung", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("\"Cơ quan, đơn vị\"", errors[1].Message, StringComparison.Ordinal); // the list's columns are named
        // No "required field KinhGui/MaQR" for a mail-merge template: it addresses with its own fields, the QR is placed.
        Assert.DoesNotContain(problems.Items, p => p.Code == "TEMPLATE_REQUIRED_FIELD");
    }

    [Theory]
    [InlineData(" NEXT ", "NEXT")]
    [InlineData(" ASK TenNguoi \"Nhập tên\" ", "ASK")]
    [InlineData(" FILLIN \"Nhập số\" ", "FILLIN")]
    public void MergeControlFields_AreNamedInAClearError(string instruction, string type)
    {
        var problems = new ProblemList();
        Assert.Null(DocxTemplate.Compile(Docx(P(Merge("Họ_và_tên")) + P(Field("", "", instruction))), "thu-moi-cu.docx", problems, null, Columns));
        var error = Assert.Single(problems.Errors);
        Assert.Equal("TEMPLATE_UNSUPPORTED_FIELD", error.Code);
        Assert.Equal(type, error.Args[0]);
        Assert.Contains(type, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IfWithNestedFieldsInItsResults_AndCaseInsensitiveComparison()
    {
        // { IF { MERGEFIELD Họ_và_tên } = "" "Lãnh đạo { MERGEFIELD Cơ_quan_đơn_vị }" "{ MERGEFIELD Họ_và_tên }" }
        var field = Field("x", "", " IF ", Merge("Họ_và_tên"), " = \"\" \"Lãnh đạo ", Merge("Cơ_quan_đơn_vị"), "\" \"", Merge("Họ_và_tên"), "\" ");
        var problems = new ProblemList();
        var template = DocxTemplate.Compile(Docx(P(R("Kính gửi: "), field) + P(Field("", "", " IF ", Merge("Giới_tính"), " <>\"nam\" \"Bà\" \"Ông\""))), "t.docx", problems, null, Columns)!;
        Assert.False(problems.HasErrors, string.Join("\n", problems.Items));
        var body = Values("NAM", "", "");
        Assert.Equal("Kính gửi: Lãnh đạo Sở Nội vụ", Body(template, body)[0]);
        Assert.Equal("Ông", Body(template, body)[1]);
        body[MergeKeys.Column("Họ và tên")] = "Hà Văn B";
        Assert.Equal("Kính gửi: Hà Văn B", Body(template, body)[0]);
    }

    [Fact]
    public void IfWithWildcard_AndFieldsNestedHundredsDeep_AreHandledWithoutCrashing()
    {
        var wildcard = P(Field("", "", " IF ", Merge("Chức_vụ"), " = \"giám đốc*\" \"Thủ trưởng\" \"Cán bộ\" "));
        var problems = new ProblemList();
        var template = DocxTemplate.Compile(Docx(wildcard), "t.docx", problems, null, Columns)!;
        Assert.Equal("Thủ trưởng", Body(template, Values("Nam", "A", "Giám đốc Sở Nội vụ"))[0]);
        Assert.Equal("Cán bộ", Body(template, Values("Nam", "A", "Phó Giám đốc"))[0]);

        var deep = Merge("Họ_và_tên");
        for (var i = 0; i < 300; i++)
        {
            deep = Field("", "", " IF ", deep, " = \"\" \"a\" \"b\" ");
        }

        problems = new ProblemList();
        Assert.Null(DocxTemplate.Compile(Docx(P(deep)), "t.docx", problems, null, Columns));
        Assert.Contains(problems.Errors, p => p.Code == "TEMPLATE_FIELD_UNREADABLE");
    }

    [Fact]
    public void SampleTemplate_IsTheOneTheBuilderMakes()
    {
        var committed = File.ReadAllBytes(Path.Combine(RepoPaths.SamplePlan, OfficeSampleTemplate.FileName));
        var built = OfficeSampleTemplate.Build();
        if (Environment.GetEnvironmentVariable("DIALOGUE_WRITE_SAMPLES") == "1")
        {
            File.WriteAllBytes(Path.Combine(RepoPaths.SamplePlan, OfficeSampleTemplate.FileName), built);
            return;
        }

        Assert.Empty(DocxInspector.StructuralDifferences(committed, built));
    }

    /// <summary>
    /// A mail-merge document written by LibreOffice Writer (a real second producer): database fields bound to the
    /// list's columns in the body, in a text box and in the header, and a date field, saved as .docx from a script.
    /// </summary>
    [SkippableFact]
    public void LibreOfficeMailMergeDocument_SavedAsDocx_IsFilledFromTheList()
    {
        ExternalTools.LibreOffice();
        using var tmp = new TempDir();
        static string Db(string column) =>
            $"<text:database-display text:table-name=\"Đại biểu\" text:table-type=\"table\" text:column-name=\"{column}\" text:database-name=\"dai-bieu\">&lt;{column}&gt;</text:database-display>";
        var fodt = tmp.File("thu-moi-lo.fodt");
        File.WriteAllText(fodt, $$"""
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
              xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
              xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
              office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
            <office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"/></style:page-layout></office:automatic-styles>
            <office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"><style:header><text:p>Giấy mời số {{Db("STT")}}</text:p></style:header></style:master-page></office:master-styles>
            <office:body><office:text>
            <text:p>Kính gửi: {{Db("Họ và tên")}}, {{Db("Chức vụ")}}</text:p>
            <text:p><draw:frame draw:name="Khung1" text:anchor-type="paragraph" svg:width="6cm" svg:height="2cm"><draw:text-box><text:p>Đơn vị: {{Db("Cơ quan, đơn vị")}}</text:p></draw:text-box></draw:frame></text:p>
            <text:p>Ngày: <text:date text:date-value="2023-04-17">17/04/2023</text:date></text:p>
            <text:p>Nơi nhận:</text:p>
            </office:text></office:body></office:document>
            """);
        var docx = ExternalTools.ConvertWithLibreOffice(fodt, tmp.Path, "docx:MS Word 2007 XML");
        var problems = new ProblemList();
        var template = DocxTemplate.Compile(File.ReadAllBytes(docx), "thu-moi-lo.docx", problems, TemplateFields.RequiredForInvitation, Columns);
        Assert.False(problems.HasErrors, string.Join("\n", problems.Items));
        var path = tmp.File("out.docx");
        using (var f = File.Create(path))
        {
            var values = Values("Nam", "Nguyễn Văn An", "Giám đốc Sở Nội vụ");
            template!.Render(values, QrCodeRenderer.Png("https://x.vn/?db=YB23-0007"), f);
        }

        var text = DocxInspector.Paragraphs(path);
        Assert.Contains("Kính gửi: Nguyễn Văn An, Giám đốc Sở Nội vụ", text);
        Assert.Contains("Đơn vị: Sở Nội vụ", text);
        Assert.Contains("Ngày: 4/7/23", text); // LibreOffice writes DATE \@"M/d/yy"; the letter's date is 2023-04-07
        using var doc = WordprocessingDocument.Open(path, false);
        Assert.Equal("Giấy mời số 7", doc.MainDocumentPart!.HeaderParts.Single().Header.InnerText);
        // LibreOffice saved the merge settings (w:mailMerge, which it places where the schema does not allow): a letter drops them.
        Assert.Null(doc.MainDocumentPart.DocumentSettingsPart?.Settings.GetFirstChild<MailMerge>());
        var errors = DocxInspector.Validate(path);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Single(DocxInspector.Images(path));
        ExternalTools.ConvertWithLibreOffice(path, tmp.File("pdf"));
    }

    private static List<string> Body(DocxTemplate template, Dictionary<string, string> values)
    {
        using var ms = new MemoryStream();
        template.Render(values, QrCodeRenderer.Png("https://x.vn/"), ms);
        using var tmp = new TempDir();
        var path = tmp.File("x.docx");
        File.WriteAllBytes(path, ms.ToArray());
        return DocxInspector.Paragraphs(path).ToList();
    }
}
