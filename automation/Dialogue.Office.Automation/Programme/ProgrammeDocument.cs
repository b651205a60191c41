using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.WordLayout;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Programme;

/// <summary>Lays out the programme with the shared ND30 builders.</summary>
internal static class ProgrammeDocument
{
    private static readonly int[] Widths = [2050, 4505, Nd30.TextWidth - 2050 - 4505];

    public static byte[] Build(ConferencePlan plan, ConferenceSchedule schedule, DocumentSettings settings)
    {
        using var stream = new MemoryStream();
        using (var doc = WordBuilder.Create(stream, out var body))
        {
            body.Append(WordBuilder.Header(WordBuilder.PlainField, plan.Issuer, settings.Number, WordBuilder.DateLine(plan.Issuer, settings.Date)));

            var title = new TextStyle(Nd30.TitleSize.Written, Bold: true);
            body.Append(WordBuilder.Para("CHƯƠNG TRÌNH", title, JustificationValues.Center, before: 360));
            body.Append(WordBuilder.Para(settings.Subject, title, JustificationValues.Center));
            body.Append(WordBuilder.Rule(Nd30.TextWidth, 2200));
            body.Append(new Paragraph(WordBuilder.ParaProps(JustificationValues.Center, after: 120)));

            var b = TextStyle.Body;
            var bold = new TextStyle(13, Bold: true);
            body.Append(WordBuilder.BodyPara(WordBuilder.TextRun("Thời gian: ", bold),
                WordBuilder.TextRun(VietnameseText.UpperFirst(schedule.Sentence(plan.Conference.Date)) + ".", b)));
            body.Append(WordBuilder.BodyPara(WordBuilder.TextRun("Địa điểm: ", bold), WordBuilder.TextRun(Place(plan) + ".", b)));
            if (plan.Conference.Chair.Length > 0)
            {
                body.Append(WordBuilder.BodyPara(WordBuilder.TextRun("Chủ trì: ", bold), WordBuilder.TextRun(plan.Conference.Chair.TrimEnd('.') + ".", b)));
            }

            // "Tham gia đồng chủ trì: …" as the seed plan writes it (mục III.3.1), from the delegates' roles.
            var joining = ProtocolOrder.Sort(plan.Delegates.Where(d => d.Role == DelegateRole.JoinsCoChair))
                .Select(d => d.Kind == AddresseeKind.Person ? $"đồng chí {d.FullName}, {d.Position}" : d.Addressee).ToList();
            if (joining.Count > 0)
            {
                body.Append(WordBuilder.BodyPara(WordBuilder.TextRun("Tham gia đồng chủ trì: ", bold), WordBuilder.TextRun(VietnameseText.UpperFirst(string.Join("; ", joining)) + ".", b)));
            }

            body.Append(WordBuilder.BodyPara(WordBuilder.TextRun("Nội dung chương trình:", bold)));
            body.Append(Table(plan, schedule));

            body.Append(new Paragraph(WordBuilder.ParaProps(JustificationValues.Both, before: 120, after: Nd30.ParagraphSpacing.Written, firstLine: Nd30.FirstLineIndent.Written),
                WordBuilder.TextRun("Thời gian của từng nội dung có thể được điều chỉnh cho phù hợp với diễn biến thực tế của Hội nghị./.", b)));

            body.Append(WordBuilder.Closing(WordBuilder.PlainField, (_, lines) => WordBuilder.RecipientParagraphs(lines), Recipients(plan), plan.Signer));
            body.Append(WordBuilder.Section(doc.MainDocumentPart!, numberPages: true));
            doc.MainDocumentPart!.Document.Save();
        }

        return stream.ToArray();
    }

    private static Table Table(ConferencePlan plan, ConferenceSchedule schedule)
    {
        var table = GridTable.Create(Widths);
        table.Append(GridTable.HeaderRow(Widths, ["Thời gian", "Nội dung", "Thực hiện"]));
        var size = 13;
        var plain = new TextStyle(size);
        var strong = new TextStyle(size, Bold: true);
        var number = 0;
        foreach (var slot in schedule.Slots)
        {
            number++;
            var isDialogue = ReferenceEquals(slot, schedule.Dialogue) && plan.Topics.Count > 0;
            table.Append(new TableRow(
                new TableRowProperties(new CantSplit()),
                GridTable.Cell(Widths[0], [GridTable.Para(slot.Range, strong, JustificationValues.Center)]),
                GridTable.Cell(Widths[1], [GridTable.Para($"{number}. {slot.Item.Title.TrimEnd('.')}", strong, JustificationValues.Both)]),
                GridTable.Cell(Widths[2], [GridTable.Para(slot.Item.Lead, plain, JustificationValues.Left)])));
            if (!isDialogue)
            {
                continue;
            }

            // Each topic with its own time and the bridge points whose turn it is to ask; the giải lao where it falls.
            foreach (var part in schedule.DialogueParts)
            {
                var italic = new TextStyle(size, Italic: true);
                if (part.Topic is not { } topic)
                {
                    table.Append(new TableRow(
                        new TableRowProperties(new CantSplit()),
                        GridTable.Cell(Widths[0], [GridTable.Para(part.Range, plain, JustificationValues.Center)]),
                        GridTable.Cell(Widths[1], [GridTable.Para(part.Open ? "Ý kiến khác của đại biểu tại điểm cầu chính và các điểm cầu trực tuyến" : "Giải lao", new TextStyle(size, Bold: !part.Open, Italic: true), JustificationValues.Both)]),
                        GridTable.Cell(Widths[2], [GridTable.Para(part.Open ? "Đồng chủ trì Hội nghị điều hành" : "", plain, JustificationValues.Left)])));
                    continue;
                }

                var content = new List<Paragraph>
                {
                    GridTable.Para(JustificationValues.Both, 40,
                        WordBuilder.TextRun($"Nhóm vấn đề {topic.Number}: ", new TextStyle(size, Bold: true, Italic: true)),
                        WordBuilder.TextRun(topic.Title.TrimEnd('.'), plain)),
                };
                if (plan.BridgePoints.Count > 0)
                {
                    var turn = part.BridgeTurn.Count > 0
                        ? $"Câu hỏi tại điểm cầu chính; lượt điểm cầu trực tuyến: {string.Join(", ", part.BridgeTurn.Select(p => BridgeName(p.Name)))}"
                        : "Câu hỏi tại điểm cầu chính";
                    content.Add(GridTable.Para(turn, italic, JustificationValues.Both));
                }

                table.Append(new TableRow(
                    new TableRowProperties(new CantSplit()),
                    GridTable.Cell(Widths[0], [GridTable.Para(part.Range, plain, JustificationValues.Center)]),
                    GridTable.Cell(Widths[1], content),
                    GridTable.Cell(Widths[2], [GridTable.Para(Answerers(topic), plain, JustificationValues.Left)])));
            }
        }

        table.Append(new TableRow(
            new TableRowProperties(new CantSplit()),
            GridTable.Cell(Widths[0], [GridTable.Para(VietnameseText.CompactTime(schedule.End), strong, JustificationValues.Center)]),
            GridTable.Cell(Widths[1], [GridTable.Para("Bế mạc Hội nghị", strong, JustificationValues.Both)]),
            GridTable.Cell(Widths[2], [GridTable.Para("Ban Tổ chức", plain, JustificationValues.Left)])));
        return table;
    }

    /// <summary>"Sở Nội vụ (chủ trì); Sở Giáo dục và Đào tạo; Sở Tài chính" — the first department leads the answer.</summary>
    internal static string Answerers(Topic topic) => topic.Departments.Count switch
    {
        0 => "Đồng chủ trì Hội nghị",
        1 => topic.Departments[0],
        _ => $"{topic.Departments[0]} (chủ trì); {string.Join("; ", topic.Departments.Skip(1))}",
    };

    /// <summary>"Trung tâm Hội nghị tỉnh (…), kết nối trực tuyến tới 08 điểm cầu: …".</summary>
    internal static string Place(ConferencePlan plan)
    {
        var hall = plan.MainHall.Address.Length > 0 ? $"{plan.MainHall.Name} ({plan.MainHall.Address})" : plan.MainHall.Name;
        if (plan.BridgePoints.Count == 0)
        {
            return hall;
        }

        var names = string.Join(", ", plan.BridgePoints.Select(p => BridgeName(p.Name)));
        return $"{hall}, kết nối trực tuyến tới {Count(plan.BridgePoints.Count)} điểm cầu: {names}";
    }

    /// <summary>"Điểm cầu huyện Lục Yên" → "huyện Lục Yên" inside a list that already says "điểm cầu".</summary>
    internal static string BridgeName(string name) =>
        name.StartsWith("Điểm cầu ", StringComparison.OrdinalIgnoreCase) ? name["Điểm cầu ".Length..] : name;

    /// <summary>Counts below 10 with a leading zero, as administrative texts write them ("08 điểm cầu").</summary>
    internal static string Count(int n) => n < 10 ? $"0{n}" : n.ToString(CultureInfo.InvariantCulture);

    private static IReadOnlyList<string> Recipients(ConferencePlan plan) =>
        plan.Recipients.Count > 0 ? plan.Recipients : ["Như thành phần mời;", "Lưu: VT."];

}
