using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Vietnamese;
using Dialogue.Office.Automation.WordLayout;

namespace Dialogue.Office.Automation.Conclusions;

/// <summary>
/// The Thông báo kết luận (ND30 Mẫu 1.4, "Số: …/TB-VPUBND") and the công văn đôn đốc (Mẫu 1.5, "Số: …/VPUBND-VX",
/// "V/v …" under the number, "Kính gửi:"), both issued by the Văn phòng of the plan's issuer.
/// </summary>
internal static class ConclusionDocuments
{
    private const string Letters = "abcdeghiklmnopqrstuvxy";

    /// <summary>"ỦY BAN NHÂN DÂN / TỈNH YÊN BÁI" → chủ quản "UBND TỈNH YÊN BÁI", cơ quan "VĂN PHÒNG".</summary>
    public static Issuer Office(ConferencePlan plan)
    {
        var name = plan.Issuer.Name.Replace('\n', ' ').Trim();
        var folded = VietnameseText.Fold(name);
        var parent = folded.StartsWith("uy ban nhan dan ", StringComparison.Ordinal) ? "UBND " + name["ỦY BAN NHÂN DÂN ".Length..].Trim() : name;
        return new Issuer { Parent = parent, Name = "VĂN PHÒNG", NameInText = "Văn phòng " + plan.Issuer.NameInText, Place = plan.Issuer.Place };
    }

    /// <summary>"Ủy ban nhân dân tỉnh Yên Bái" → "UBND tỉnh" (the short form inside Văn phòng's texts).</summary>
    public static string ShortIssuer(ConferencePlan plan)
    {
        var text = plan.Issuer.NameInText;
        return text.StartsWith("Ủy ban nhân dân ", StringComparison.Ordinal) ? "UBND " + text["Ủy ban nhân dân ".Length..].Split(' ')[0] : text;
    }

    public static string NoticeNumber(ConferencePlan plan, NoticeSettings notice) =>
        notice.Number.Length > 0 ? notice.Number : "      /TB-VP" + IssuerCode(plan);

    public static string ReminderNumber(ConferencePlan plan, NoticeSettings notice) =>
        "      /" + (notice.ReminderCode.Length > 0 ? notice.ReminderCode : $"VP{IssuerCode(plan)}-VX");

    private static string IssuerCode(ConferencePlan plan)
    {
        var dash = plan.Invitation.Number.IndexOf('-', StringComparison.Ordinal);
        return dash >= 0 ? plan.Invitation.Number[(dash + 1)..] : "UBND";
    }

    public static byte[] Notice(ConferencePlan plan, ConclusionSheet sheet)
    {
        var office = Office(plan);
        var notice = sheet.Notice;
        var date = notice.Date ?? plan.Conference.Date;
        var chair = $"đồng chí Chủ tịch {ShortIssuer(plan)}";
        using var stream = new MemoryStream();
        using (var doc = WordBuilder.Create(stream, out var body))
        {
            body.Append(WordBuilder.Header(WordBuilder.PlainField, office, NoticeNumber(plan, notice), WordBuilder.DateLine(office, date)));
            var title = new TextStyle(Nd30.TitleSize.Written, Bold: true);
            body.Append(WordBuilder.Para("THÔNG BÁO", title, JustificationValues.Center, before: 360));
            body.Append(WordBuilder.Para($"Kết luận của {chair} tại {plan.Conference.Title}", title, JustificationValues.Center));
            body.Append(WordBuilder.Rule(Nd30.TextWidth, 2200));
            body.Append(new Paragraph(WordBuilder.ParaProps(JustificationValues.Center, after: 120)));

            var b = TextStyle.Body;
            var bold = new TextStyle(Nd30.BodyPoints, Bold: true);
            body.Append(WordBuilder.BodyPara(WordBuilder.TextRun(
                $"Ngày {VietnameseText.ShortDate(plan.Conference.Date)}, {plan.Issuer.NameInText} tổ chức {plan.Conference.Title}, do {DocumentChair(plan)} chủ trì. " +
                $"Sau khi nghe ý kiến, kiến nghị của cán bộ, công chức, viên chức, người lao động và ý kiến trả lời của các cơ quan, đơn vị, " +
                $"{office.NameInText} thông báo kết luận của {chair} tại Hội nghị như sau:", b)));

            var groups = sheet.Tasks.GroupBy(t => t.TopicNumber).OrderBy(g => g.Key == 0 ? int.MaxValue : g.Key).ToList();
            var section = 0;
            foreach (var group in groups)
            {
                section++;
                var topic = plan.Topics.FirstOrDefault(t => t.Number == group.Key);
                body.Append(WordBuilder.BodyPara(WordBuilder.TextRun(
                    topic is null ? $"{section}. Các nội dung khác" : $"{section}. Về {VietnameseText.LowerFirst(topic.Title.TrimEnd('.'))}", bold)));
                var letter = 0;
                foreach (var task in group)
                {
                    var mark = letter < Letters.Length ? Letters[letter] + ")" : "-";
                    letter++;
                    body.Append(WordBuilder.BodyPara(WordBuilder.TextRun($"{mark} {TaskSentence(task)}", b)));
                }
            }

            body.Append(WordBuilder.BodyPara(WordBuilder.TextRun(
                $"Các cơ quan, đơn vị được giao nhiệm vụ báo cáo kết quả thực hiện (ghi rõ số, ngày văn bản) về {office.NameInText} để tổng hợp, báo cáo {chair}; " +
                $"{(notice.Monitor.Length > 0 ? notice.Monitor : "Công đoàn ngành")} giám sát việc thực hiện kết luận sau Hội nghị.", b)));
            body.Append(WordBuilder.BodyPara(WordBuilder.TextRun($"{office.NameInText} thông báo để các cơ quan, đơn vị biết, thực hiện./.", b)));

            var recipients = new List<string> { $"Chủ tịch, các PCT {ShortIssuer(plan)};" };
            // The Văn phòng does not send its own notice to itself.
            recipients.AddRange(Bodies(sheet.Tasks).Where(x => !IsOffice(office, x)).Select(x => x + ";"));
            if (notice.Monitor.Length > 0)
            {
                recipients.Add(notice.Monitor + ";");
            }

            recipients.Add("Lưu: VT, VX.");
            body.Append(WordBuilder.Closing(WordBuilder.PlainField, (_, lines) => WordBuilder.RecipientParagraphs(lines), recipients, Signer(notice)));
            body.Append(WordBuilder.Section(doc.MainDocumentPart!, numberPages: true));
            doc.MainDocumentPart!.Document.Save();
        }

        return stream.ToArray();
    }

    public static byte[] Reminder(ConferencePlan plan, ConclusionSheet sheet, string lead, IReadOnlyList<TrackedTask> overdue, DateOnly asOf)
    {
        var office = Office(plan);
        var notice = sheet.Notice;
        var noticeDate = notice.Date ?? plan.Conference.Date;
        using var stream = new MemoryStream();
        using (var doc = WordBuilder.Create(stream, out var body))
        {
            var header = WordBuilder.Header(WordBuilder.PlainField, office, ReminderNumber(plan, notice), WordBuilder.DateLine(office, asOf));
            // Công văn (ô 5b): "V/v …" under the number, 12 pt upright, 6 pt gap.
            header.Descendants<TableCell>().First().Append(new Paragraph(WordBuilder.ParaProps(JustificationValues.Center, before: 120),
                WordBuilder.TextRun($"V/v đôn đốc thực hiện kết luận của Chủ tịch {ShortIssuer(plan)}\ntại Hội nghị đối thoại", new TextStyle(12))));
            body.Append(header);
            body.Append(new Paragraph(WordBuilder.ParaProps(JustificationValues.Center, before: 240)));
            body.Append(new Paragraph(WordBuilder.ParaProps(JustificationValues.Center, after: 240), WordBuilder.TextRun($"Kính gửi: {lead}.", TextStyle.Body)));

            var b = TextStyle.Body;
            var noticeRef = notice.Number.Length > 0 ? $"Thông báo số {notice.Number} ngày {VietnameseText.ShortDate(noticeDate)}" : $"Thông báo ngày {VietnameseText.ShortDate(noticeDate)}";
            body.Append(WordBuilder.BodyPara(WordBuilder.TextRun(
                $"Thực hiện {noticeRef} của {office.NameInText} về kết luận của đồng chí Chủ tịch {ShortIssuer(plan)} tại {plan.Conference.Title}, " +
                $"{lead} được giao chủ trì thực hiện các nhiệm vụ dưới đây. Đến ngày {VietnameseText.ShortDate(asOf)}, {office.NameInText} chưa nhận được báo cáo kết quả thực hiện:", b)));
            var n = 0;
            foreach (var t in overdue)
            {
                n++;
                body.Append(WordBuilder.BodyPara(WordBuilder.TextRun(
                    $"{n}. {t.Task.Content.TrimEnd('.', ';')} (thời hạn hoàn thành: {VietnameseText.ShortDate(t.Task.Deadline)}, đã quá hạn {t.DaysOverdue} ngày).", b)));
            }

            var replyBy = asOf.AddDays(7);
            body.Append(WordBuilder.BodyPara(WordBuilder.TextRun(
                $"{office.NameInText} đề nghị {lead} khẩn trương thực hiện các nhiệm vụ nêu trên, báo cáo kết quả (ghi rõ số, ngày văn bản) về {office.NameInText} " +
                $"trước ngày {VietnameseText.ShortDate(replyBy)} để tổng hợp, báo cáo đồng chí Chủ tịch {ShortIssuer(plan)}./.", b)));

            var recipients = new List<string> { "Như trên;", $"Chủ tịch {ShortIssuer(plan)} (để b/c);" };
            if (notice.Monitor.Length > 0)
            {
                recipients.Add($"{notice.Monitor} (để giám sát);");
            }

            recipients.Add("Lưu: VT, VX.");
            body.Append(WordBuilder.Closing(WordBuilder.PlainField, (_, lines) => WordBuilder.RecipientParagraphs(lines), recipients, Signer(notice)));
            body.Append(WordBuilder.Section(doc.MainDocumentPart!, numberPages: true));
            doc.MainDocumentPart!.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>"Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính, … Kết quả: …; hoàn thành trước ngày 30/6/2023."</summary>
    internal static string TaskSentence(ConclusionTask task)
    {
        var content = task.Content.TrimEnd('.', ';');
        var who = task.Partners.Length > 0 ? $"Giao {task.Lead} chủ trì, phối hợp với {task.Partners}" : $"Giao {task.Lead}";
        var result = task.ExpectedResult.Length > 0 ? $"; kết quả cần đạt: {VietnameseText.LowerFirst(task.ExpectedResult.TrimEnd('.', ';'))}" : "";
        return $"{who} {VietnameseText.LowerFirst(content)}{result}; thời hạn hoàn thành: trước ngày {VietnameseText.ShortDate(task.Deadline)}.";
    }

    /// <summary>Lead bodies in the order they first appear, then partners not already listed.</summary>
    internal static IReadOnlyList<string> Bodies(IEnumerable<ConclusionTask> tasks)
    {
        var list = new List<string>();
        foreach (var t in tasks)
        {
            if (!list.Contains(t.Lead, StringComparer.Ordinal))
            {
                list.Add(t.Lead);
            }
        }

        // Partners are separated by ";" only: "Ủy ban nhân dân các huyện, thị xã, thành phố" is one body.
        foreach (var partner in tasks.SelectMany(t => t.Partners.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!list.Contains(partner, StringComparer.Ordinal))
            {
                list.Add(partner);
            }
        }

        return list;
    }

    /// <summary>"Văn phòng Ủy ban nhân dân tỉnh" names the issuing office ("Văn phòng Ủy ban nhân dân tỉnh Yên Bái").</summary>
    internal static bool IsOffice(Issuer office, string body) =>
        VietnameseText.Fold(office.NameInText).StartsWith(VietnameseText.Fold(body), StringComparison.Ordinal);

    private static string DocumentChair(ConferencePlan plan)
    {
        var parts = plan.Conference.Chair.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length > 1 ? $"{string.Join(", ", parts[..^1])} và {parts[^1]}" : plan.Conference.Chair;
    }

    private static Signer Signer(NoticeSettings notice) =>
        new() { Authority = notice.Authority, Position = notice.Position, Name = notice.SignerName.Length > 0 ? notice.SignerName : "Họ và tên" };
}
