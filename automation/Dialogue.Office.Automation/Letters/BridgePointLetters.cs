using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Invitations;
using Dialogue.Office.Automation.Outputs;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Programme;
using Dialogue.Office.Automation.Vietnamese;
using Dialogue.Office.Automation.WordLayout;

namespace Dialogue.Office.Automation.Letters;

/// <summary>What to write the bridge-point letters for, and where.</summary>
internal sealed record BridgePointLetterRequest(ConferencePlan Plan, string OutputFolder);

/// <summary>One written công văn: the bridge point it organises and the file (relative to the output folder).</summary>
internal sealed record BridgePointLetter(Venue Venue, string RelativePath);

/// <summary>The letters written and the problems found.</summary>
internal sealed record BridgePointLetterResult(IReadOnlyList<BridgePointLetter> Letters, IReadOnlyList<Problem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.IsError);
}

/// <summary>
/// The công văn (ND30 Phụ lục III, Mẫu 1.5) to the body that runs each bridge point: Kế hoạch 90/KH-UBND leaves the
/// district's own delegates to "Ủy ban nhân dân các huyện, thị xã mời dự tại điểm cầu của địa phương" (mục III.3.2) and
/// charges the districts with their point's conditions (mục IV.7). One letter per bridge point with a host: the time,
/// the point and its connection to the main hall, whom to invite there (the plan's <c>bridge_point_letter.attendees</c>),
/// the delegates the province already invited there by letter, the technical preparation (connection-test time, the
/// point's and the main hall's technical contacts), the questions' deadline of the point's units, and when to send the
/// list of delegates. The layout follows practice for online-meeting letters, e.g. Công văn 268/HCTNXPVN (2021: "có mặt
/// tại điểm cầu … trước … để kiểm tra đường truyền") and Đà Nẵng's 2705/UBND-TH (2021: thành phần tại từng điểm cầu).
/// </summary>
internal static class BridgePointLetters
{
    public const string Folder = "cong-van-diem-cau";

    public static BridgePointLetterResult Generate(BridgePointLetterRequest request)
    {
        var plan = request.Plan;
        var problems = new ProblemList();
        if (plan.BridgePointLetter is not { } settings)
        {
            problems.Error("LETTER_NO_SETTINGS", plan.LocationOf("bridge_point_letter"), "The plan has no bridge_point_letter section.");
            return new BridgePointLetterResult([], problems.Items);
        }

        var written = new List<BridgePointLetter>();
        var dir = Path.Combine(request.OutputFolder, Folder);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var venue in plan.BridgePoints)
        {
            if (venue.Host.Length == 0)
            {
                problems.Warning("LETTER_NO_HOST", plan.LocationOf("bridge_points"), $"Bridge point '{venue.Id}' has no host.", venue.Name);
                continue;
            }

            Directory.CreateDirectory(dir);
            var name = SafeFileName.From(venue.Id, "docx", 60);
            for (var n = 2; !used.Add(name); n++)
            {
                name = SafeFileName.From($"{venue.Id} {n}", "docx", 60);
            }

            AtomicFile.WriteAllBytes(Path.Combine(dir, name), Build(plan, settings, venue));
            written.Add(new BridgePointLetter(venue, $"{Folder}/{name}"));
        }

        return new BridgePointLetterResult(written, problems.Items);
    }

    /// <summary>The issuer that sends the letters and its signer (the section's own signer wins).</summary>
    internal static (InvitingIssuer Issuer, Signer Signer) Sender(ConferencePlan plan, BridgePointLetterSettings settings)
    {
        var issuer = (settings.IssuerId.Length > 0 ? plan.FindIssuer(settings.IssuerId) : null) ?? plan.MainIssuer;
        return (issuer, settings.Signer ?? issuer.Signer);
    }

    /// <summary>The "V/v …" line: the subject with the prefix a công văn's trích yếu takes.</summary>
    internal static string Subject(BridgePointLetterSettings settings) =>
        settings.Subject.StartsWith("V/v", StringComparison.OrdinalIgnoreCase) ? settings.Subject : $"V/v {VietnameseText.LowerFirst(settings.Subject)}";

    /// <summary>Nơi nhận of a công văn: "Như trên;" first (ND30 Phụ lục I), then the plan's lines, "Lưu" last.</summary>
    internal static IReadOnlyList<string> Recipients(BridgePointLetterSettings settings)
    {
        var lines = settings.Recipients.Where(l => !VietnameseText.Fold(l).TrimStart('-', ' ').StartsWith("nhu tren", StringComparison.Ordinal)).ToList();
        if (!lines.Any(l => VietnameseText.Fold(l).TrimStart('-', ' ').StartsWith("luu", StringComparison.Ordinal)))
        {
            lines.Add("Lưu: VT.");
        }

        return [.. lines.Where(l => !IsStorage(l)).Prepend("Như trên;"), .. lines.Where(IsStorage)];

        static bool IsStorage(string l) => VietnameseText.Fold(l).TrimStart('-', ' ').StartsWith("luu", StringComparison.Ordinal);
    }

    internal static byte[] Build(ConferencePlan plan, BridgePointLetterSettings settings, Venue venue)
    {
        var (sender, signer) = Sender(plan, settings);
        var c = plan.Conference;
        var common = InvitationGenerator.CommonValues(plan);
        var who = sender.Issuer.NameInText;
        var host = venue.Host;
        using var stream = new MemoryStream();
        using (var doc = WordBuilder.Create(stream, out var body))
        {
            var header = WordBuilder.Header(WordBuilder.PlainField, sender.Issuer, settings.Number, VietnameseText.DateLine(sender.Issuer.Place, settings.Date));
            // Mẫu 1.5: the trích yếu "V/v …" sits under the number, 12–13 pt upright, 6 pt below it.
            header.Elements<TableRow>().First().Elements<TableCell>().First().Append(
                WordBuilder.Para(Subject(settings), new TextStyle(Nd30.NumberSize.Written - 1), JustificationValues.Center, before: 120));
            body.Append(header);

            var big = new TextStyle(14);
            body.Append(WordBuilder.Para($"Kính gửi: {host}.", big, JustificationValues.Center, before: 360, after: 240));

            var b = TextStyle.Body;
            var bold = new TextStyle(Nd30.BodyPoints, Bold: true);
            var form = c.Form switch
            {
                ConferenceForm.Hybrid => "theo hình thức trực tiếp kết hợp trực tuyến",
                ConferenceForm.Online => "theo hình thức trực tuyến",
                _ => "",
            };
            var basis = settings.Basis.Length > 0 ? $"Thực hiện {settings.Basis.TrimEnd('.', ';')} về việc tổ chức {VietnameseText.LowerFirst(c.Title)}, " : "";
            var points = plan.BridgePoints.Count > 0
                ? $": điểm cầu chính tại {plan.MainHall.Name}, kết nối trực tuyến tới {ProgrammeDocument.Count(plan.BridgePoints.Count)} điểm cầu tại các địa phương"
                : "";
            body.Append(WordBuilder.BodyPara(WordBuilder.TextRun(
                $"{basis}{(basis.Length > 0 ? who : VietnameseText.UpperFirst(who))} tổ chức {(basis.Length > 0 ? "Hội nghị" : c.Title)} {form}{points}. "
                + $"{VietnameseText.UpperFirst(who)} đề nghị {host} chuẩn bị và tổ chức {VietnameseText.LowerFirst(venue.Name)} như sau:", b)));

            body.Append(WordBuilder.BodyPara(WordBuilder.TextRun("1. Thời gian: ", bold), WordBuilder.TextRun(common["ThoiGian"] + ".", b)));
            var address = venue.Address.Length > 0 ? $" ({venue.Address})" : "";
            body.Append(WordBuilder.BodyPara(WordBuilder.TextRun("2. Địa điểm: ", bold),
                WordBuilder.TextRun($"{venue.Name}{address}, kết nối trực tuyến với điểm cầu {plan.MainHall.Name}.", b)));

            body.Append(WordBuilder.BodyPara(WordBuilder.TextRun("3. Thành phần dự tại điểm cầu ", bold), WordBuilder.TextRun($"(do {host} mời):", b)));
            for (var i = 0; i < settings.Attendees.Count; i++)
            {
                var line = settings.Attendees[i].TrimEnd('.', ';', ' ');
                body.Append(WordBuilder.BodyPara(WordBuilder.TextRun($"- {line}{(i == settings.Attendees.Count - 1 ? "." : ";")}", b)));
            }

            // The delegates of the list at this point are invited by letter from the province (or another issuer): named
            // here so the host seats them and does not invite them twice.
            var invited = ProtocolOrder.Sort(plan.Delegates.Where(d => string.Equals(d.VenueId, venue.Id, StringComparison.OrdinalIgnoreCase)))
                .GroupBy(d => plan.InviterFor(d).Id, StringComparer.OrdinalIgnoreCase);
            foreach (var group in invited)
            {
                var inviter = plan.FindIssuer(group.Key) ?? plan.MainIssuer;
                body.Append(WordBuilder.BodyPara(WordBuilder.TextRun(
                    $"Các đại biểu do {inviter.Issuer.NameInText} mời trực tiếp (Giấy mời số {inviter.Number}): {string.Join("; ", group.Select(Named))}. "
                    + $"Đề nghị {host} bố trí chỗ ngồi, không mời trùng.", b)));
            }

            body.Append(WordBuilder.BodyPara(WordBuilder.TextRun("4. Chuẩn bị kỹ thuật: ", bold), WordBuilder.TextRun(Technical(plan, venue), b)));

            var number = 5;
            var deadline = Deadline(plan, venue);
            if (deadline is not null)
            {
                var to = deadline.To.Length > 0 ? $" gửi {deadline.To}" : "";
                body.Append(WordBuilder.BodyPara(WordBuilder.TextRun($"{number++}. Câu hỏi, ý kiến, kiến nghị: ", bold),
                    WordBuilder.TextRun($"chỉ đạo các đơn vị trên địa bàn tổng hợp câu hỏi, ý kiến, kiến nghị của cán bộ, công chức, viên chức và người lao động{to} trước ngày {VietnameseText.ShortDate(deadline.Date)}.", b)));
            }

            if ((settings.ReportBy ?? c.ConfirmBy) is { } reportBy)
            {
                var contact = c.Contact is { } k ? $" ({k.Name}{(k.Phone.Length > 0 ? $", điện thoại {k.Phone}" : "")}{(k.Email.Length > 0 ? $", thư điện tử {k.Email}" : "")})" : "";
                body.Append(WordBuilder.BodyPara(WordBuilder.TextRun($"{number}. Danh sách đại biểu: ", bold),
                    WordBuilder.TextRun($"gửi danh sách đại biểu dự tại điểm cầu về Ban Tổ chức{contact} trước ngày {VietnameseText.ShortDate(reportBy)}.", b)));
            }

            body.Append(WordBuilder.BodyPara(WordBuilder.TextRun($"{VietnameseText.UpperFirst(who)} đề nghị {host} quan tâm, phối hợp thực hiện./.", b)));
            body.Append(WordBuilder.Closing(WordBuilder.PlainField, (_, lines) => WordBuilder.RecipientParagraphs(lines), Recipients(settings), signer));
            body.Append(WordBuilder.Section(doc.MainDocumentPart!, numberPages: true));
            doc.MainDocumentPart!.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>"đồng chí Lò Văn Thành, Chủ tịch UBND thị xã Nghĩa Lộ" or "Thường trực Thị ủy Nghĩa Lộ".</summary>
    private static string Named(ConferenceDelegate d)
    {
        if (d.Kind == AddresseeKind.Body)
        {
            return d.Addressee;
        }

        var what = d.Position.Length > 0 ? d.Position : d.Organization;
        return $"{InvitationGenerator.FormOfAddress(d)} {d.FullName}{(what.Length > 0 ? $", {what}" : "")}";
    }

    /// <summary>The technical paragraph: the room and link, the connection test, who to call at the point and at the main hall.</summary>
    private static string Technical(ConferencePlan plan, Venue venue)
    {
        var text = "bố trí phòng họp, màn hình, âm thanh, đường truyền và nguồn điện dự phòng tại điểm cầu";
        if (venue.ConnectionTest is { } test)
        {
            text += $"; kiểm tra kết nối với điểm cầu {plan.MainHall.Name} lúc {VietnameseText.Time(test)}, {VietnameseText.DayOfWeek(plan.Conference.Date)}, ngày {VietnameseText.ShortDate(plan.Conference.Date)}";
        }

        if (venue.TechnicalContact is { } own)
        {
            text += $"; cán bộ kỹ thuật tại điểm cầu: {ContactText(own)}";
        }

        if (plan.MainHall.TechnicalContact is { } main)
        {
            text += $"; hỗ trợ kỹ thuật tại điểm cầu chính: {ContactText(main)}";
        }

        return text + ".";
    }

    private static string ContactText(Contact k) =>
        $"{k.Name}{(k.Phone.Length > 0 ? $", điện thoại {k.Phone}" : "")}";

    /// <summary>The deadline of the point's unit (its questions), the first deadline when the unit names none.</summary>
    private static Deadline? Deadline(ConferencePlan plan, Venue venue)
    {
        var unit = plan.Units.FirstOrDefault(u => string.Equals(u.VenueId, venue.Id, StringComparison.OrdinalIgnoreCase));
        if (unit is null)
        {
            return null;
        }

        return unit.DeadlineId.Length > 0 ? plan.FindDeadline(unit.DeadlineId) : (plan.Deadlines.Count > 0 ? plan.Deadlines[0] : null);
    }

    /// <summary>Vietnamese messages of the codes raised here.</summary>
    [ProblemCatalog]
    internal static class Messages
    {
        public static readonly IReadOnlyDictionary<string, string> Vietnamese = new Dictionary<string, string>
        {
            ["LETTER_NO_SETTINGS"] = "Kế hoạch chưa có mục bridge_point_letter (số, ngày, trích yếu, thành phần mời tại điểm cầu) nên chưa lập được công văn gửi các điểm cầu.",
            ["LETTER_NO_HOST"] = "{0} chưa ghi cơ quan chủ trì điểm cầu (host) nên không lập công văn gửi điểm cầu này.",
        };
    }
}
