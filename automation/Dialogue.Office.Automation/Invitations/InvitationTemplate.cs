using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.WordLayout;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Templating;

namespace Dialogue.Office.Automation.Invitations;

/// <summary>
/// Builds the default Giấy mời template (ND30 Phụ lục III, Mẫu 1.7) with every variable part as a tagged content
/// control. The same bytes are committed as templates/giay-moi.docx for secretariats to edit in Word;
/// <c>dialogue template giay-moi</c> writes a fresh copy.
/// </summary>
public static class InvitationTemplate
{
    public const string FileName = "giay-moi.docx";

    public static byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var doc = WordBuilder.Create(stream, out var body))
        {
            static OpenXmlElement F(string tag, string sample, TextStyle style) => ContentControls.Inline(tag, sample, style);
            static Run T(string text, TextStyle style) => WordBuilder.TextRun(text, style);
            var issuer = new Issuer { Parent = "TÊN CƠ QUAN CHỦ QUẢN", Name = "TÊN CƠ QUAN BAN HÀNH", NameInText = "", Place = "" };
            body.Append(WordBuilder.Header(F, issuer, "…/GM-…", "Địa danh, ngày … tháng … năm …",
                (tag, p) => ContentControls.Block(tag, [p])));

            var title = new TextStyle(Nd30.TitleSize.Written, Bold: true);
            body.Append(new Paragraph(WordBuilder.ParaProps(JustificationValues.Center, before: 360), T("GIẤY MỜI", title)));
            body.Append(new Paragraph(WordBuilder.ParaProps(JustificationValues.Center), F("TrichYeu", "«Trích yếu: tên hội nghị»", title)));
            body.Append(WordBuilder.Rule(Nd30.TextWidth, 2200));

            var big = new TextStyle(14);
            body.Append(new Paragraph(WordBuilder.ParaProps(JustificationValues.Center, before: 240, after: 240),
                T("Kính gửi: ", big), F("KinhGui", "«Họ tên, chức vụ người được mời hoặc tên cơ quan»", big)));

            var b = TextStyle.Body;
            var bold = new TextStyle(13, Bold: true);
            body.Append(WordBuilder.BodyPara(F("CoQuanTrongCau", "«Tên cơ quan»", b), T(" trân trọng kính mời ", b),
                F("XungHo", "«đồng chí»", b), T(" ", b), F("LoiMoi", "«tới dự»", b), T(" ", b), F("TenHoiNghi", "«tên hội nghị»", b), T(".", b)));
            body.Append(WordBuilder.BodyPara(T("Chủ trì: ", bold), F("ChuTri", "«chủ trì»", b), T(".", b)));
            body.Append(WordBuilder.BodyPara(T("Thời gian: ", bold), F("ThoiGian", "«thời gian»", b), T(".", b)));
            body.Append(WordBuilder.BodyPara(T("Địa điểm: ", bold), F("DiaDiem", "«địa điểm của đại biểu»", b), T(".", b)));
            body.Append(ContentControls.Block("ChoNgoi", [WordBuilder.BodyPara(T("Chỗ ngồi: ", bold), T("«Hàng … – Ghế …»", b))]));
            body.Append(ContentControls.Block("GhiChu", [WordBuilder.BodyPara(T("«Các vấn đề cần lưu ý»", b))]));

            // QR code beside the link and the delegate's code: the same link the QR decodes to is printed in full.
            const int qrWidth = 1800;
            var qrTable = WordBuilder.BorderlessTable(qrWidth, Nd30.TextWidth - qrWidth);
            var small = new TextStyle(12);
            qrTable.Append(new TableRow(
                WordBuilder.Cell(qrWidth, new Paragraph(WordBuilder.ParaProps(JustificationValues.Left), ContentControls.Picture("MaQR", 900000L))),
                WordBuilder.Cell(Nd30.TextWidth - qrWidth,
                    new Paragraph(WordBuilder.ParaProps(JustificationValues.Left, before: 120), T("Tài liệu Hội nghị: quét mã QR bên cạnh hoặc truy cập đường dẫn:", small)),
                    new Paragraph(WordBuilder.ParaProps(JustificationValues.Left), F("DuongDan", "«đường dẫn tài liệu»", new TextStyle(11))),
                    new Paragraph(WordBuilder.ParaProps(JustificationValues.Left, before: 60), T("Mã đại biểu: ", small), F("MaDaiBieu", "«mã»", new TextStyle(12, Bold: true)),
                        T(" (dùng để xác nhận tham dự và đón tiếp tại Hội nghị).", small)))));
            body.Append(qrTable);

            body.Append(WordBuilder.BodyPara(T("Rất mong ", b), F("XungHo", "«đồng chí»", b), T(" dành thời gian tới dự Hội nghị./.", b)));

            var signer = new Signer { Authority = "«QUYỀN HẠN KÝ»", Position = "«CHỨC VỤ NGƯỜI KÝ»", Name = "«Họ và tên người ký»" };
            body.Append(WordBuilder.Closing(F,
                (tag, lines) => [ContentControls.Block(tag, WordBuilder.RecipientParagraphs(lines).Cast<Paragraph>())],
                ["Như thành phần mời;", "Lưu: VT, …"], signer));
            body.Append(WordBuilder.Section(doc.MainDocumentPart!, numberPages: false));
            doc.MainDocumentPart!.Document.Save();
        }

        return stream.ToArray();
    }
}
