using DocumentFormat.OpenXml.Wordprocessing;
using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Vietnamese;
using Dialogue.Office.Automation.WordLayout;

namespace Dialogue.Office.Automation.Budget;

/// <summary>The covering Tờ trình to Sở Tài chính (ND30 Mẫu 1.4, "Số: …/TTr-…", "Kính gửi:", căn cứ in italic).</summary>
internal static class BudgetDocument
{
    public static byte[] Build(ConferencePlan plan, BudgetSettings settings, IReadOnlyList<BudgetLine> lines)
    {
        var s = settings.Submission;
        var issuer = new Issuer { Parent = s.Parent, Name = s.Issuer, NameInText = s.IssuerInText, Place = plan.Issuer.Place };
        var number = s.Number.Length > 0 ? s.Number : $"      /TTr-{s.Code}";
        var date = s.Date ?? plan.Invitation.Date;
        var total = lines.Sum(l => l.Amount);
        using var stream = new MemoryStream();
        using (var doc = WordBuilder.Create(stream, out var body))
        {
            body.Append(WordBuilder.Header(WordBuilder.PlainField, issuer, number, WordBuilder.DateLine(issuer, date)));
            var title = new TextStyle(Nd30.TitleSize.Written, Bold: true);
            body.Append(WordBuilder.Para("TỜ TRÌNH", title, JustificationValues.Center, before: 360));
            body.Append(WordBuilder.Para($"Đề nghị thẩm định dự toán kinh phí tổ chức {plan.Conference.Title}", title, JustificationValues.Center));
            body.Append(WordBuilder.Rule(Nd30.TextWidth, 2200));
            body.Append(new Paragraph(WordBuilder.ParaProps(JustificationValues.Center, before: 120, after: 240), WordBuilder.TextRun($"Kính gửi: {s.Recipient} tỉnh {plan.Issuer.Place}.", TextStyle.Body)));

            var italic = new TextStyle(Nd30.BodyPoints, Italic: true);
            var basis = new List<string> { "Căn cứ Thông tư số 40/2017/TT-BTC ngày 28 tháng 4 năm 2017 của Bộ Tài chính quy định chế độ công tác phí, chế độ chi hội nghị" };
            // Only legal texts are cited as căn cứ (a supplier's quote is not): the province's Nghị quyết / Quyết định.
            basis.AddRange(settings.Rates.Values
                .SelectMany(r => r.Source.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Where(x => (x.StartsWith("Nghị quyết", StringComparison.Ordinal) || x.StartsWith("Quyết định", StringComparison.Ordinal)) && !x.Contains("40/2017", StringComparison.Ordinal))
                .Select(x => x.Split(',')[0])
                .Distinct(StringComparer.Ordinal)
                .Select(x => "Căn cứ " + x));
            var plan90 = plan.Conference.Reason.Contains("Kế hoạch số", StringComparison.Ordinal) ? plan.Conference.Reason[plan.Conference.Reason.IndexOf("Kế hoạch số", StringComparison.Ordinal)..].Split(" tổ chức")[0] : "";
            if (plan90.Length > 0)
            {
                basis.Add($"Căn cứ {plan90} của {plan.Issuer.NameInText}");
            }

            for (var i = 0; i < basis.Count; i++)
            {
                body.Append(WordBuilder.BodyPara(WordBuilder.TextRun(basis[i] + (i == basis.Count - 1 ? "." : ";"), italic)));
            }

            var b = TextStyle.Body;
            body.Append(WordBuilder.BodyPara(WordBuilder.TextRun(
                $"{s.IssuerInText} lập dự toán kinh phí tổ chức {plan.Conference.Title} (ngày {VietnameseText.ShortDate(plan.Conference.Date)}, tại {plan.MainHall.Name} và {plan.BridgePoints.Count:00} điểm cầu trực tuyến) và kính đề nghị {s.Recipient} thẩm định, cụ thể như sau:", b)));
            var n = 0;
            foreach (var line in lines)
            {
                n++;
                body.Append(WordBuilder.BodyPara(WordBuilder.TextRun(
                    $"{n}. {line.Name}: {BudgetEstimate.Money(line.Quantity)} {line.Unit} × {BudgetEstimate.Money(line.UnitPrice)} đồng = {BudgetEstimate.Money(line.Amount)} đồng.", b)));
            }

            body.Append(WordBuilder.BodyPara(WordBuilder.TextRun($"Tổng kinh phí đề nghị: {BudgetEstimate.Money(total)} đồng.", new TextStyle(Nd30.BodyPoints, Bold: true))));
            body.Append(WordBuilder.BodyPara(WordBuilder.TextRun($"(Bằng chữ: {AmountInWords.Dong(total)}.)", italic)));
            body.Append(WordBuilder.BodyPara(WordBuilder.TextRun("(Chi tiết tại Dự toán kinh phí kèm theo.)", b)));
            body.Append(WordBuilder.BodyPara(WordBuilder.TextRun($"Kính đề nghị {s.Recipient} xem xét, thẩm định./.", b)));

            var signer = new Signer { Authority = s.Authority, Position = s.Position, Name = s.SignerName.Length > 0 ? s.SignerName : "Họ và tên" };
            body.Append(WordBuilder.Closing(WordBuilder.PlainField, (_, l) => WordBuilder.RecipientParagraphs(l), ["Như trên;", $"{plan.Issuer.NameInText} (để b/c);", $"Lưu: VT, KHTC."], signer));
            body.Append(WordBuilder.Section(doc.MainDocumentPart!, numberPages: true));
            doc.MainDocumentPart!.Document.Save();
        }

        return stream.ToArray();
    }
}
