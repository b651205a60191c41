using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.WordLayout;
using Dialogue.Office.Automation.Templating;

namespace Dialogue.Office.Automation.Script;

/// <summary>
/// Builds the default Kịch bản chi tiết template: an ND30 header (issuer | Quốc hiệu, date), "KỊCH BẢN CHI TIẾT" and
/// the conference name, the time, place, chair and MC as content controls, then the script table whose header row
/// the secretariat may relabel and whose sample row (a row content control tagged <c>NoiDungKichBan</c>) sets the
/// column widths and fonts of the generated rows. Rows the secretariat adds above or below the sample row are kept.
/// Committed as templates/kich-ban.docx; <c>dialogue template kich-ban</c> writes a fresh copy.
/// </summary>
public static class ScriptTemplate
{
    public const string FileName = "kich-ban.docx";

    /// <summary>Column widths (twips) of the script table: time | words | who.</summary>
    internal static readonly int[] Widths = [1420, 5935, Nd30.TextWidth - 1420 - 5935];

    public static byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var doc = WordBuilder.Create(stream, out var body))
        {
            static OpenXmlElement F(string tag, string sample, TextStyle style) => ContentControls.Inline(tag, sample, style);
            static Run T(string text, TextStyle style) => WordBuilder.TextRun(text, style);

            body.Append(Header());
            var title = new TextStyle(Nd30.TitleSize.Written, Bold: true);
            body.Append(WordBuilder.Para("KỊCH BẢN CHI TIẾT", title, JustificationValues.Center, before: 360));
            body.Append(new Paragraph(WordBuilder.ParaProps(JustificationValues.Center), F("TenHoiNghi", "«Tên hội nghị»", title)));
            body.Append(WordBuilder.Rule(Nd30.TextWidth, 2200));
            body.Append(new Paragraph(WordBuilder.ParaProps(JustificationValues.Center, after: 120)));

            var b = TextStyle.Body;
            var bold = new TextStyle(13, Bold: true);
            body.Append(WordBuilder.BodyPara(T("Thời gian: ", bold), F("ThoiGian", "«thời gian»", b), T(".", b)));
            body.Append(WordBuilder.BodyPara(T("Địa điểm: ", bold), F("DiaDiemHoiNghi", "«địa điểm và các điểm cầu»", b), T(".", b)));
            body.Append(WordBuilder.BodyPara(T("Chủ trì: ", bold), F("ChuTri", "«chủ trì»", b), T(".", b)));
            body.Append(WordBuilder.BodyPara(T("Dẫn chương trình: ", bold), F("DanChuongTrinh", "«người dẫn chương trình»", b), T(".", b)));

            var table = GridTable.Create(Widths);
            table.Append(GridTable.HeaderRow(Widths, ["Thời gian", "Nội dung (lời dẫn)", "Người thực hiện"]));
            var size = new TextStyle(13);
            table.Append(ContentControls.Row("NoiDungKichBan", new TableRow(
                GridTable.Cell(Widths[0], [GridTable.Para("«Thời gian»", new TextStyle(13, Bold: true), JustificationValues.Center)]),
                GridTable.Cell(Widths[1], [GridTable.Para("«NoiDungKichBan»: các dòng lời dẫn của kịch bản được sinh ra thay cho dòng mẫu này, theo độ rộng cột và phông chữ của dòng", size, JustificationValues.Both, after: 80)]),
                GridTable.Cell(Widths[2], [GridTable.Para("«Người thực hiện»", size, JustificationValues.Left)]))));
            body.Append(table);
            body.Append(new Paragraph(WordBuilder.ParaProps(JustificationValues.Both, before: 120)));
            body.Append(WordBuilder.Section(doc.MainDocumentPart!, numberPages: true));
            doc.MainDocumentPart!.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>Issuer on the left; Quốc hiệu, Tiêu ngữ and the date line on the right. A script carries no number.</summary>
    private static Table Header()
    {
        var left = new List<OpenXmlElement>
        {
            ContentControls.Block("CoQuanChuQuan", [new Paragraph(WordBuilder.ParaProps(JustificationValues.Center), WordBuilder.TextRun("TÊN CƠ QUAN CHỦ QUẢN", new TextStyle(Nd30.ParentSize.Written)))]),
            new Paragraph(WordBuilder.ParaProps(JustificationValues.Center), ContentControls.Inline("CoQuanBanHanh", "TÊN CƠ QUAN BAN HÀNH", new TextStyle(Nd30.IssuerSize.Written, Bold: true))),
            WordBuilder.Rule(WordBuilder.HeaderLeft, 1300),
        };
        var right = new List<OpenXmlElement>
        {
            new Paragraph(WordBuilder.ParaProps(JustificationValues.Center), WordBuilder.TextRun(Nd30.NationalName, new TextStyle(Nd30.NationalTitleSize.Written, Bold: true))),
            new Paragraph(WordBuilder.ParaProps(JustificationValues.Center), WordBuilder.TextRun(Nd30.Motto, new TextStyle(Nd30.MottoSize.Written, Bold: true, Underline: true))),
            new Paragraph(WordBuilder.ParaProps(JustificationValues.Center, before: 240), ContentControls.Inline("DiaDanhNgayThang", "Địa danh, ngày … tháng … năm …", new TextStyle(Nd30.DateLineSize.Written, Italic: true))),
        };
        var table = WordBuilder.BorderlessTable(WordBuilder.HeaderLeft, WordBuilder.HeaderRight);
        table.Append(new TableRow(WordBuilder.Cell(WordBuilder.HeaderLeft, [.. left]), WordBuilder.Cell(WordBuilder.HeaderRight, [.. right])));
        return table;
    }
}
