using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Dialogue.Office.Automation.Invitations;
using Dialogue.Office.Automation.Templating;
using Dialogue.Office.Automation.Tests.Support;
using static Dialogue.Office.Automation.Tests.Templating.WordFieldXml;

namespace Dialogue.Office.Automation.Tests.Templating;

/// <summary>
/// Builds templates/samples/yen-bai-2023/mau-tron-thu-cu.docx: the Giấy mời as an office keeps it for Word's mail merge
/// — the conference typed in, the per-delegate parts as Word fields named after the sample list's own columns
/// (<c>Họ_và_tên</c>, <c>Danh_xưng</c>, <c>Chức_vụ</c>, <c>Cơ_quan_đơn_vị</c>, <c>Kính_gửi_nếu_khác</c>,
/// <c>Mã_đại_biểu</c>), IF fields for the addressee, DATE fields for the date line, and no QR field. The layout is the
/// built-in template's (ND30 Mẫu 1.7), its content controls replaced the way the office would have typed it.
/// Regenerate with DIALOGUE_WRITE_SAMPLES=1 (test SampleTemplate_IsTheOneTheBuilderMakes).
/// </summary>
internal static class OfficeSampleTemplate
{
    public const string FileName = "mau-tron-thu-cu.docx";

    private const string W = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    /// <summary>{ IF { MERGEFIELD Danh_xưng } = "" "Đồng chí" "{ MERGEFIELD Danh_xưng }" }</summary>
    private static string Honorific(string rp, string ifEmpty, string @switch = "") =>
        Field(ifEmpty, rp, " IF ", Merge("Danh_xưng", rp), $" = \"\" \"{ifEmpty}\" \"", Merge("Danh_xưng", rp, @switch), "\" ");

    /// <summary>The fields that replace each per-delegate content control of the built-in template.</summary>
    private static string? Fields(string tag, string rp) => tag switch
    {
        // Kính gửi: the list's own line if given, else "Lãnh đạo <cơ quan>" for a body, else "<danh xưng> <họ tên>, <chức vụ>".
        "KinhGui" => Field("«Kính gửi»", rp, " IF ", Merge("Kính_gửi_nếu_khác", rp), " <> \"\" \"", Merge("Kính_gửi_nếu_khác", rp), "\" \"",
            Field("", rp, " IF ", Merge("Họ_và_tên", rp), " = \"\" \"Lãnh đạo ", Merge("Cơ_quan_đơn_vị", rp), "\" \"",
                Honorific(rp, "Đồng chí"), " ", Merge("Họ_và_tên", rp), Merge("Chức_vụ", rp, "\\b \", \""), "\" "),
            "\" "),
        "XungHo" => Field("«xưng hô»", rp, " IF ", Merge("Họ_và_tên", rp), " = \"\" \"lãnh đạo ", Merge("Cơ_quan_đơn_vị", rp), "\" \"",
            Honorific(rp, "đồng chí", "\\* Lower"), "\" "),
        "DiaDiem" => Merge("DiaDiem", rp), // the project's vocabulary works beside the list's columns: the delegate's bridge point
        "DiaDanhNgayThang" => R("Yên Bái, ngày ", rp) + Field("17", rp, " DATE \\@ \"dd\" ") + R(" tháng ", rp) + Field("4", rp, " DATE \\@ \"M\" ")
            + R(" năm ", rp) + Field("2023", rp, " DATE \\@ \"yyyy\" "),
        _ => null,
    };

    public static byte[] Build()
    {
        var plan = TestPlans.Sample;
        var common = InvitationGenerator.CommonValues(plan);
        using var ms = new MemoryStream();
        ms.Write(TemplateFiles.BuiltIn(InvitationTemplate.FileName));
        ms.Position = 0;
        using (var doc = WordprocessingDocument.Open(ms, true))
        {
            var body = doc.MainDocumentPart!.Document.Body!;

            // The QR table (picture, link, code) goes: an office template has none; the code line stays as a field.
            var qrTable = body.Descendants<SdtRun>().First(s => Tag(s) == "MaQR").Ancestors<Table>().First();
            qrTable.InsertBeforeSelf(new Paragraph(
                $"<w:p {W}><w:pPr><w:spacing w:before=\"120\" w:after=\"120\"/><w:ind w:firstLine=\"567\"/><w:jc w:val=\"both\"/></w:pPr>" +
                R("Mã đại biểu: ", "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>") + Merge("Mã_đại_biểu", "<w:b/><w:bCs/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>") +
                R(" (dùng để xác nhận tham dự và đón tiếp tại Hội nghị).", "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>") + "</w:p>"));
            qrTable.Remove();

            foreach (var sdt in body.Descendants<SdtRun>().ToList())
            {
                var tag = Tag(sdt);
                var rp = sdt.Descendants<RunProperties>().FirstOrDefault()?.InnerXml ?? "";
                var xml = Fields(tag, rp) ?? Literal(common.GetValueOrDefault(tag) ?? "", rp);
                var holder = new Paragraph($"<w:p {W}>{xml}</w:p>");
                foreach (var child in holder.ChildElements.ToList())
                {
                    child.Remove();
                    sdt.InsertBeforeSelf(child);
                }

                sdt.Remove();
            }

            foreach (var block in body.Descendants<SdtBlock>().ToList())
            {
                var tag = Tag(block);
                var lines = tag == "ChoNgoi" ? [] : (common.GetValueOrDefault(tag) ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries);
                var sample = block.Descendants<Paragraph>().First();
                foreach (var line in lines)
                {
                    var p = (Paragraph)sample.CloneNode(true);
                    var rp = p.Descendants<RunProperties>().FirstOrDefault()?.InnerXml ?? "";
                    p.RemoveAllChildren<Run>();
                    p.Append(new Run($"<w:r {W}>{(rp.Length > 0 ? $"<w:rPr>{rp}</w:rPr>" : "")}<w:t xml:space=\"preserve\">{System.Security.SecurityElement.Escape(line)}</w:t></w:r>"));
                    block.InsertBeforeSelf(p);
                }

                block.Remove();
            }

            doc.MainDocumentPart.Document.Save();
        }

        return ms.ToArray();
    }

    private static string Literal(string value, string rp) =>
        string.Join($"<w:r>{(rp.Length > 0 ? $"<w:rPr>{rp}</w:rPr>" : "")}<w:br/></w:r>", value.Split('\n').Select(line => R(line, rp)));

    private static string Tag(SdtElement sdt) => sdt.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value ?? "";
}
