using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Programme;
using Dialogue.Office.Automation.Vietnamese;
using Dialogue.Office.Automation.WordLayout;

namespace Dialogue.Office.Automation.Minutes;

/// <summary>Lays out Mẫu 1.9 with the shared ND30 builders; what was said goes in tagged content controls.</summary>
internal static class MinutesDocument
{
    /// <summary>Tag prefix of every control the clerk fills ("BienBan.DienBien.3", "BienBan.TraLoi.YB23-001").</summary>
    public const string TagPrefix = "BienBan.";

    public static byte[] Build(ConferencePlan plan, ConferenceSchedule schedule, IReadOnlyList<MinutesQuestion> questions, AttendanceRecord? attendance, MinutesSecretary? secretary, string number)
    {
        using var stream = new MemoryStream();
        using (var doc = WordBuilder.Create(stream, out var body))
        {
            // Mẫu 1.9 has no place/date line: the right column holds the national title and motto only.
            var header = WordBuilder.Header(WordBuilder.PlainField, plan.Issuer, number, "");
            var dateCell = header.Descendants<TableCell>().Last();
            dateCell.Elements<Paragraph>().Last().Remove();
            body.Append(header);

            var title = new TextStyle(Nd30.TitleSize.Written, Bold: true);
            body.Append(WordBuilder.Para("BIÊN BẢN", title, JustificationValues.Center, before: 360));
            body.Append(WordBuilder.Para(plan.Conference.Title, title, JustificationValues.Center));
            body.Append(WordBuilder.Rule(Nd30.TextWidth, 2200));
            body.Append(new Paragraph(WordBuilder.ParaProps(JustificationValues.Center, after: 120)));

            var b = TextStyle.Body;
            var bold = new TextStyle(Nd30.BodyPoints, Bold: true);
            var italic = new TextStyle(Nd30.BodyPoints, Italic: true);
            var start = plan.Conference.Start;
            body.Append(WordBuilder.BodyPara(WordBuilder.TextRun("Thời gian bắt đầu: ", bold),
                WordBuilder.TextRun($"{VietnameseText.Time(start)} phút, {VietnameseText.DayOfWeek(plan.Conference.Date)}, {VietnameseText.LongDate(plan.Conference.Date)}.", b)));
            body.Append(WordBuilder.BodyPara(WordBuilder.TextRun("Địa điểm: ", bold), WordBuilder.TextRun(ProgrammeDocument.Place(plan) + ".", b)));

            body.Append(WordBuilder.BodyPara(WordBuilder.TextRun("Thành phần tham dự:", bold)));
            foreach (var line in attendance is null ? Attendance(plan) : Attendance(plan, attendance))
            {
                body.Append(WordBuilder.BodyPara(WordBuilder.TextRun(line, b)));
            }

            body.Append(attendance is null
                ? WordBuilder.BodyPara(WordBuilder.TextRun("Số đại biểu có mặt: ", b),
                    Inline("CoMat", "… đại biểu (theo sổ điểm danh tại các điểm cầu)", b), WordBuilder.TextRun(".", b))
                : WordBuilder.BodyPara(WordBuilder.TextRun("Số đại biểu có mặt: ", b), WordBuilder.TextRun(PresentSentence(plan, attendance), b)));

            if (plan.Conference.Chair.Length > 0)
            {
                body.Append(WordBuilder.BodyPara(WordBuilder.TextRun("Chủ trì (chủ tọa): ", bold), WordBuilder.TextRun(ChairSentence(plan), b)));
            }

            var secretaryText = secretary is { Name.Length: > 0 } s
                ? (s.Position.Length > 0 ? $"{s.Name}, {s.Position}" : s.Name)
                : "";
            body.Append(WordBuilder.BodyPara(WordBuilder.TextRun("Thư ký (người ghi biên bản): ", bold),
                secretaryText.Length > 0 ? WordBuilder.TextRun(secretaryText + ".", b) : Inline("ThuKy", "Họ và tên, chức vụ người ghi biên bản", b)));

            body.Append(WordBuilder.BodyPara(WordBuilder.TextRun("Nội dung (theo diễn biến Hội nghị):", bold)));
            var item = 0;
            foreach (var slot in schedule.Slots)
            {
                item++;
                body.Append(Heading($"{item}. {slot.Item.Title.TrimEnd('.')} ({slot.Range})", bold));
                if (slot.Item.Lead.Length > 0)
                {
                    body.Append(WordBuilder.BodyPara(WordBuilder.TextRun("Thực hiện: ", italic), WordBuilder.TextRun(slot.Item.Lead.TrimEnd('.') + ".", italic)));
                }

                if (ReferenceEquals(slot, schedule.Dialogue) && (plan.Topics.Count > 0 || questions.Count > 0))
                {
                    AppendDialogue(body, plan, questions, item);
                }
                else
                {
                    body.Append(Block($"DienBien.{item}", $"Tóm tắt nội dung {VietnameseText.LowerFirst(slot.Item.Title.TrimEnd('.'))}."));
                }
            }

            var end = schedule.End;
            body.Append(new Paragraph(WordBuilder.ParaProps(JustificationValues.Both, before: 120, after: Nd30.ParagraphSpacing.Written, firstLine: Nd30.FirstLineIndent.Written),
                WordBuilder.TextRun("Hội nghị kết thúc vào ", b),
                Inline("KetThuc", $"{VietnameseText.Time(end)} phút", b),
                WordBuilder.TextRun($", {VietnameseText.LongDate(plan.Conference.Date)}./.", b)));

            body.Append(Signatures(plan, secretaryText.Length > 0 ? secretary!.Name : ""));
            body.Append(WordBuilder.Section(doc.MainDocumentPart!, numberPages: true));
            doc.MainDocumentPart!.Document.Save();
        }

        return stream.ToArray();
    }

    private static void AppendDialogue(Body body, ConferencePlan plan, IReadOnlyList<MinutesQuestion> questions, int item)
    {
        var b = TextStyle.Body;
        var topicStyle = new TextStyle(Nd30.BodyPoints, Bold: true, Italic: true);
        var letters = "abcdefghiklmnopqrstuvxy";
        var groups = plan.Topics.OrderBy(t => t.Number).Select(t => (Topic: (Topic?)t, Questions: questions.Where(q => q.TopicNumber == t.Number).ToList())).ToList();
        var others = questions.Where(q => q.TopicNumber == 0).ToList();
        if (others.Count > 0)
        {
            groups.Add((null, others));
        }

        for (var g = 0; g < groups.Count; g++)
        {
            var (topic, list) = groups[g];
            var letter = g < letters.Length ? letters[g].ToString() : (g + 1).ToString(CultureInfo.InvariantCulture);
            body.Append(Heading(topic is null
                ? $"{letter}) Các ý kiến khác"
                : $"{letter}) Nhóm vấn đề {topic.Number}: {topic.Title.TrimEnd('.')}", topicStyle));
            if (list.Count == 0)
            {
                body.Append(Block($"DoiThoai.{item}.{topic?.Number ?? 0}", "Ghi các ý kiến, kiến nghị và ý kiến trả lời thuộc nhóm vấn đề này (nếu có)."));
                continue;
            }

            var n = 0;
            foreach (var q in list)
            {
                n++;
                var who = string.Join(", ", new[] { q.Asker, q.Unit }.Where(x => x.Length > 0));
                var answerer = q.Department.Length > 0 ? q.Department
                    : topic is { Departments.Count: > 0 } ? topic.Departments[0] : "Đồng chủ trì Hội nghị";
                body.Append(Heading($"- Câu hỏi {n} (mã {q.Id}){(who.Length > 0 ? ": " + who : "")}", new TextStyle(Nd30.BodyPoints, Bold: true)));
                body.Append(WordBuilder.BodyPara(WordBuilder.TextRun("Nội dung: ", new TextStyle(Nd30.BodyPoints, Italic: true)), WordBuilder.TextRun(q.Text, b)));
                body.Append(WordBuilder.BodyPara(WordBuilder.TextRun("Cơ quan trả lời: ", new TextStyle(Nd30.BodyPoints, Italic: true)), WordBuilder.TextRun(answerer + ".", b)));
                body.Append(Block($"TraLoi.{SafeTag(q.Id)}", $"Tóm tắt ý kiến trả lời của {answerer} và ý kiến chỉ đạo của chủ tọa (nếu có)."));
            }
        }
    }

    /// <summary>"- Đồng chí Trần Huy Tuấn, Chủ tịch UBND tỉnh;" for the presidium, then the invited delegates per venue.</summary>
    internal static IReadOnlyList<string> Attendance(ConferencePlan plan)
    {
        var lines = new List<string>();
        foreach (var d in plan.Delegates.Where(d => d.IsPresidium && d.FullName.Length > 0).OrderBy(d => d.Group).ThenBy(d => d.Rank))
        {
            var role = string.Join(", ", new[] { d.Position, Repeats(d.Position, d.Organization) ? "" : d.Organization }.Where(x => x.Length > 0));
            lines.Add($"- Đồng chí {d.FullName}{(role.Length > 0 ? ", " + role : "")};");
        }

        var invitation = $"Giấy mời số {plan.Invitation.Number} ngày {VietnameseText.ShortDate(plan.Invitation.Date)} của {plan.Issuer.NameInText}";
        var atMain = plan.Delegates.Count(d => string.Equals(d.VenueId, plan.MainHall.Id, StringComparison.OrdinalIgnoreCase) && !d.IsPresidium);
        if (atMain > 0)
        {
            lines.Add($"- Tại điểm cầu {plan.MainHall.Name}: {ProgrammeDocument.Count(atMain)} đại biểu được mời theo {invitation};");
        }
        else
        {
            lines.Add($"- Các đại biểu được mời theo {invitation};");
        }

        if (plan.BridgePoints.Count > 0)
        {
            var remote = plan.Delegates.Count(d => !string.Equals(d.VenueId, plan.MainHall.Id, StringComparison.OrdinalIgnoreCase));
            var names = string.Join(", ", plan.BridgePoints.Select(p => ProgrammeDocument.BridgeName(p.Name)));
            lines.Add(remote > 0
                ? $"- Tại {ProgrammeDocument.Count(plan.BridgePoints.Count)} điểm cầu trực tuyến ({names}): {ProgrammeDocument.Count(remote)} đại biểu được mời và cán bộ, công chức, viên chức, người lao động theo thông báo của các đơn vị."
                : $"- Tại {ProgrammeDocument.Count(plan.BridgePoints.Count)} điểm cầu trực tuyến ({names}): cán bộ, công chức, viên chức, người lao động theo thông báo của các đơn vị.");
        }
        else
        {
            lines[^1] = lines[^1].TrimEnd(';') + ".";
        }

        return lines;
    }

    /// <summary>
    /// The Thành phần from the attendance register: the presidium members who came (or who stood in for them), how many
    /// invited delegates came at the main hall and at the bridge points, then each stand-in with whom they replaced,
    /// each absent delegate, and how many the register does not record.
    /// </summary>
    internal static IReadOnlyList<string> Attendance(ConferencePlan plan, AttendanceRecord register)
    {
        var byCode = register.Entries.ToDictionary(e => e.Delegate.Code, StringComparer.OrdinalIgnoreCase);
        RecordedPresence? StatusOf(ConferenceDelegate d) => byCode.TryGetValue(d.Code, out var e) ? e.Status : null;
        bool Came(ConferenceDelegate d) => StatusOf(d) is RecordedPresence.Present or RecordedPresence.Represented;
        var lines = new List<string>();
        var presidium = plan.Delegates.Where(d => d.IsPresidium && d.FullName.Length > 0).OrderBy(d => d.Group).ThenBy(d => d.Rank).ToList();
        foreach (var d in presidium)
        {
            var role = string.Join(", ", new[] { d.Position, Repeats(d.Position, d.Organization) ? "" : d.Organization }.Where(x => x.Length > 0));
            var who = $"Đồng chí {d.FullName}{(role.Length > 0 ? ", " + role : "")}";
            switch (StatusOf(d))
            {
                case RecordedPresence.Present:
                    lines.Add($"- {who};");
                    break;
                case RecordedPresence.Represented:
                    lines.Add($"- {Standing(byCode[d.Code].Substitute)} (dự thay {who});");
                    break;
            }
        }

        var invitation = $"Giấy mời số {plan.Invitation.Number} ngày {VietnameseText.ShortDate(plan.Invitation.Date)} của {plan.Issuer.NameInText}";
        bool AtMain(ConferenceDelegate d) => string.Equals(d.VenueId, plan.MainHall.Id, StringComparison.OrdinalIgnoreCase);
        var main = plan.Delegates.Where(d => AtMain(d) && !d.IsPresidium).ToList();
        if (main.Count > 0)
        {
            lines.Add($"- Tại điểm cầu {plan.MainHall.Name}: {ProgrammeDocument.Count(main.Count(Came))}/{ProgrammeDocument.Count(main.Count)} đại biểu có mặt (được mời theo {invitation});");
        }

        var remote = plan.Delegates.Where(d => !AtMain(d)).ToList();
        if (plan.BridgePoints.Count > 0)
        {
            var names = string.Join(", ", plan.BridgePoints.Select(p => ProgrammeDocument.BridgeName(p.Name)));
            lines.Add(remote.Count > 0
                ? $"- Tại {ProgrammeDocument.Count(plan.BridgePoints.Count)} điểm cầu trực tuyến ({names}): {ProgrammeDocument.Count(remote.Count(Came))}/{ProgrammeDocument.Count(remote.Count)} đại biểu được mời có mặt, cùng cán bộ, công chức, viên chức, người lao động theo thông báo của các đơn vị;"
                : $"- Tại {ProgrammeDocument.Count(plan.BridgePoints.Count)} điểm cầu trực tuyến ({names}): cán bộ, công chức, viên chức, người lao động theo thông báo của các đơn vị;");
        }

        var standIns = register.With(RecordedPresence.Represented).Where(e => !e.Delegate.IsPresidium || e.Delegate.FullName.Length == 0).OrderBy(e => e.Delegate.Number).ToList();
        if (standIns.Count > 0)
        {
            lines.Add($"- Đại biểu dự thay ({ProgrammeDocument.Count(standIns.Count)}):");
            lines.AddRange(standIns.Select(e => $"+ {Standing(e.Substitute)} dự thay {e.Delegate.Addressee};"));
        }

        var absent = register.With(RecordedPresence.Absent).OrderBy(e => e.Delegate.Number).ToList();
        if (absent.Count > 0)
        {
            lines.Add($"- Vắng mặt ({ProgrammeDocument.Count(absent.Count)}):");
            lines.AddRange(absent.Select(e => $"+ {e.Delegate.Addressee};"));
        }

        if (register.NotRecorded.Count > 0)
        {
            lines.Add($"- Chưa có thông tin điểm danh: {ProgrammeDocument.Count(register.NotRecorded.Count)} đại biểu;");
        }

        lines[^1] = lines[^1].TrimEnd(';') + ".";
        return lines;
    }

    /// <summary>"48/50 đại biểu được mời (theo sổ điểm danh), trong đó 03 đại biểu dự thay."</summary>
    internal static string PresentSentence(ConferencePlan plan, AttendanceRecord register)
    {
        var came = register.Entries.Count(e => e.Status != RecordedPresence.Absent);
        var standIns = register.With(RecordedPresence.Represented).Count();
        return $"{ProgrammeDocument.Count(came)}/{ProgrammeDocument.Count(plan.Delegates.Count)} đại biểu được mời (theo bảng điểm danh)"
            + (standIns > 0 ? $", trong đó {ProgrammeDocument.Count(standIns)} đại biểu dự thay." : ".");
    }

    /// <summary>The stand-in as written ("Ông Lê Văn B, Phó Giám đốc"), with "Đồng chí" when no honorific is given.</summary>
    private static string Standing(string substitute)
    {
        var text = substitute.Trim().TrimEnd(';', '.');
        return DelegateWorkbook.Honorifics.Any(h => text.StartsWith(h + " ", StringComparison.OrdinalIgnoreCase)) ? text : "Đồng chí " + text;
    }

    /// <summary>"Giám đốc Sở Nội vụ" already names "Sở Nội vụ"; "Bí thư Tỉnh ủy" already names "Tỉnh ủy Yên Bái".</summary>
    internal static bool Repeats(string position, string organization)
    {
        var words = VietnameseText.Fold(organization).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && VietnameseText.Fold(position).Contains(string.Join(' ', words.Take(2)), StringComparison.Ordinal);
    }

    /// <summary>"Thường trực Tỉnh ủy; Chủ tịch Ủy ban nhân dân tỉnh" → "Đồng chủ trì: Thường trực Tỉnh ủy và Chủ tịch Ủy ban nhân dân tỉnh."</summary>
    internal static string ChairSentence(ConferencePlan plan)
    {
        var parts = plan.Conference.Chair.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length > 1
            ? $"đồng chủ trì: {string.Join(", ", parts[..^1])} và {parts[^1].TrimEnd('.')}."
            : parts[0].TrimEnd('.') + ".";
    }

    private static Table Signatures(ConferencePlan plan, string secretary)
    {
        const int leftWidth = 4253;
        var rightWidth = Nd30.TextWidth - leftWidth;
        var sign = new TextStyle(Nd30.SignatureSize.Written, Bold: true);
        OpenXmlElement[] Column(string role, OpenXmlElement name)
        {
            var list = new List<OpenXmlElement> { new Paragraph(WordBuilder.ParaProps(JustificationValues.Center, before: 240), WordBuilder.TextRun(role, sign)) };
            for (var i = 0; i < 4; i++)
            {
                list.Add(new Paragraph(WordBuilder.ParaProps(JustificationValues.Center)));
            }

            list.Add(new Paragraph(WordBuilder.ParaProps(JustificationValues.Center, before: 240), name));
            return [.. list];
        }

        var left = Column("THƯ KÝ", secretary.Length > 0 ? WordBuilder.TextRun(secretary, sign) : Inline("ThuKyKy", "Họ và tên", sign));
        var right = Column("CHỦ TỌA", WordBuilder.TextRun(plan.Signer.Name, sign));
        var recipients = new List<OpenXmlElement>
        {
            new Paragraph(WordBuilder.ParaProps(JustificationValues.Left, before: 240), WordBuilder.TextRun("Nơi nhận:", new TextStyle(Nd30.RecipientsLabelSize.Written, Bold: true, Italic: true))),
        };
        recipients.AddRange(WordBuilder.RecipientParagraphs(["Lưu: VT, Hồ sơ."]));

        var table = WordBuilder.BorderlessTable(leftWidth, rightWidth);
        table.Append(new TableRow(WordBuilder.Cell(leftWidth, left), WordBuilder.Cell(rightWidth, right)));
        table.Append(new TableRow(WordBuilder.Cell(leftWidth, [.. recipients]), WordBuilder.Cell(rightWidth)));
        return table;
    }

    private static Paragraph Heading(string text, TextStyle style)
    {
        var p = new Paragraph(WordBuilder.ParaProps(JustificationValues.Both, before: 60, after: Nd30.ParagraphSpacing.Written, firstLine: Nd30.FirstLineIndent.Written, keepNext: true));
        p.Append(WordBuilder.TextRun(text, style));
        return p;
    }

    /// <summary>A block control with a one-paragraph prompt the clerk replaces with what was said.</summary>
    internal static SdtBlock Block(string tag, string prompt)
    {
        var content = new SdtContentBlock(WordBuilder.BodyPara(WordBuilder.TextRun(prompt, new TextStyle(Nd30.BodyPoints, Italic: true))));
        return new SdtBlock(new SdtProperties(new SdtAlias { Val = "Diễn biến" }, new Tag { Val = TagPrefix + tag }), content);
    }

    private static SdtRun Inline(string tag, string prompt, TextStyle style) =>
        new(new SdtProperties(new SdtAlias { Val = prompt.Length > 40 ? tag : prompt }, new Tag { Val = TagPrefix + tag }),
            new SdtContentRun(WordBuilder.TextRun(prompt, style)));

    /// <summary>Question ids come from a workbook: keep tags to letters, digits, '-' and '.'.</summary>
    internal static string SafeTag(string id)
    {
        var chars = VietnameseText.AsciiSlug(id, 40);
        return chars.Length > 0 ? chars : "x";
    }
}
