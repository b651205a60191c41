using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Outputs;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.QrCodes;
using Dialogue.Office.Automation.Spreadsheets;
using Dialogue.Office.Automation.Templating;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Invitations;

/// <summary>What to generate: the plan, where to write, and optional overrides.</summary>
public sealed record InvitationRequest(ConferencePlan Plan, string OutputFolder)
{
    /// <summary>Template to use instead of the plan's (or the built-in one).</summary>
    public string? TemplatePath { get; init; }

    /// <summary>The documents link to put in the QR codes instead of the plan's (e.g. the published SharePoint link).</summary>
    public string? PacketUrl { get; init; }

    /// <summary>
    /// The delegate page (from <see cref="Sharing.PublishTargets.DelegatePage"/>): when set, each QR code opens the
    /// delegate's own page and the letter asks to confirm by scanning it; else the QR opens the documents.
    /// </summary>
    public Attendance.DelegatePage? DelegatePage { get; init; }

    /// <summary>Seats by delegate code ("Hàng A – Ghế 05"), printed on the invitations of seated delegates.</summary>
    public IReadOnlyDictionary<string, string>? Seats { get; init; }

    /// <summary>Also write the print file with every invitation on its own page.</summary>
    public bool PrintFile { get; init; } = true;

    /// <summary>Reports the number of invitations written so far.</summary>
    public IProgress<int>? Progress { get; init; }
}

/// <summary>One written invitation.</summary>
public sealed record GeneratedInvitation(ConferenceDelegate Delegate, string RelativePath, string Link);

/// <summary>What was written.</summary>
public sealed record InvitationResult(
    IReadOnlyList<GeneratedInvitation> Invitations,
    string? PrintFile,
    string? ListFile,
    IReadOnlyList<Problem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.IsError);
}

/// <summary>
/// Writes one Giấy mời per delegate (each with its own QR code to the conference documents carrying the delegate's
/// code), one print file with every invitation on its own page, and the list of invitations with their links.
/// </summary>
public static partial class InvitationGenerator
{
    public const string Folder = "giay-moi";
    public const string PrintFileName = "giay-moi-in-gop.docx";
    public const string ListFileName = "danh-sach-giay-moi.xlsx";

    /// <summary>
    /// Resolves the template: the request's override (a file the operator chose), then the plan's
    /// <c>invitation.template</c> (a file inside the plan folder, its real path checked), then the built-in one.
    /// Problems with the plan's file point at its plan.yaml line.
    /// </summary>
    public static DocxTemplate? LoadTemplate(ConferencePlan plan, string? overridePath, ProblemList problems)
    {
        if (!string.IsNullOrEmpty(overridePath))
        {
            return DocxTemplate.Compile(overridePath, problems, TemplateFields.RequiredForInvitation, columns: ListColumns(plan));
        }

        return TemplateFiles.FromPlan(plan, "invitation.template", plan.Invitation.Template, problems) switch
        {
            { Kind: TemplateFiles.Source.BuiltIn } => DocxTemplate.Compile(TemplateFiles.BuiltIn(InvitationTemplate.FileName), InvitationTemplate.FileName, problems, TemplateFields.RequiredForInvitation, ListColumns(plan)),
            { Kind: TemplateFiles.Source.PlanFile, Path: { } path } => DocxTemplate.Compile(path, problems, TemplateFields.RequiredForInvitation, plan.LocationOf("invitation.template"), plan.Invitation.Template, ListColumns(plan)),
            _ => null,
        };
    }

    /// <summary>The delegate list's headers, as an office's mail-merge template names its fields after them.</summary>
    private static IReadOnlyList<string> ListColumns(ConferencePlan plan) => plan.Delegates.Count > 0 ? plan.Delegates[0].Cells.Keys.ToList() : [];

    public static InvitationResult Generate(InvitationRequest request)
    {
        var plan = request.Plan;
        var problems = new ProblemList();
        DocxTemplate? template;
        using (PhaseTimings.Start("invitations: template compiled"))
        {
            template = LoadTemplate(plan, request.TemplatePath, problems);
        }

        if (template is null || problems.HasErrors)
        {
            return new InvitationResult([], null, null, problems.Items);
        }

        if (plan.Delegates.Count == 0)
        {
            problems.Error("INVITATION_NO_DELEGATES", plan.LocationOf("delegates"), "No delegates.");
            return new InvitationResult([], null, null, problems.Items);
        }

        var packetUrl = request.PacketUrl ?? plan.Conference.PacketUrl;
        var page = request.DelegatePage;
        var common = CommonValues(plan, page is not null);
        var outDir = Path.Combine(request.OutputFolder, Folder);
        Directory.CreateDirectory(outDir);
        var written = new List<GeneratedInvitation>(plan.Delegates.Count);
        var usedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var skipped = new List<ConferenceDelegate>();

        var lettersStarted = PhaseTimings.Timestamp();
        PrintFileWriter? print = request.PrintFile ? new PrintFileWriter(template, Path.Combine(request.OutputFolder, PrintFileName), common) : null;
        try
        {
            // Decide who gets a letter and its file name first (in list order), then render in parallel batches:
            // QR rendering and deflate are the cost, and they are independent per delegate. The print file is appended
            // in list order after each batch, so memory stays flat whatever the number of delegates.
            var jobs = new List<(ConferenceDelegate Delegate, string FileName, string Link)>(plan.Delegates.Count);
            foreach (var d in plan.Delegates)
            {
                if (d.Addressee.Length == 0)
                {
                    problems.Error("INVITATION_MISSING_VALUE", Locations.Row(plan.DelegateFile, DelegateColumns.SheetName, d.Row), "Delegate cannot be addressed.",
                        d.Row.ToString(CultureInfo.InvariantCulture), "KinhGui");
                    continue;
                }

                if (d.Kind == AddresseeKind.Person && VietnameseText.Fold(d.FullName) == VietnameseText.Fold(plan.InviterFor(d).Signer.Name))
                {
                    // The signer does not invite himself; he stays in the list (and is seated) with a note.
                    problems.Warning("INVITATION_SIGNER_SKIPPED", Locations.Row(plan.DelegateFile, DelegateColumns.SheetName, d.Row),
                        "The signer gets no invitation.", d.FullName);
                    skipped.Add(d);
                    continue;
                }

                // Named from the delegate's code (unique, and stable when rows are added, removed or moved), then the
                // name for people looking through the folder.
                var fileName = UniqueName(usedNames, d.Code, d.FullName.Length > 0 ? d.FullName : d.Organization);
                jobs.Add((d, fileName, DelegateQrLink.For(packetUrl, d.Code, page)));
            }

            const int Batch = 64;
            var rendered = new (string Xml, byte[] Qr, Dictionary<string, string> Values)[Batch];
            for (var start = 0; start < jobs.Count; start += Batch)
            {
                var count = Math.Min(Batch, jobs.Count - start);
                Parallel.For(0, count, i =>
                {
                    var (d, fileName, link) = jobs[start + i];
                    var values = new Dictionary<string, string>(common, StringComparer.Ordinal);
                    SetDelegateValues(values, plan, d, link, request.Seats?.GetValueOrDefault(d.Code) ?? "", page is not null);
                    var t = PhaseTimings.Timestamp();
                    var qr = QrCodeRenderer.Png(link);
                    PhaseTimings.Add("invitations: QR code", t);
                    t = PhaseTimings.Timestamp();
                    var xml = template.RenderDocumentXml(values);
                    AtomicFile.Write(Path.Combine(outDir, fileName), file => template.WritePackage(xml, qr, file, values));
                    PhaseTimings.Add("invitations: letter rendered and written", t);

                    rendered[i] = (xml, qr, values);
                });

                for (var i = 0; i < count; i++)
                {
                    var (d, fileName, link) = jobs[start + i];
                    var t = PhaseTimings.Timestamp();
                    print?.Add(rendered[i].Xml, rendered[i].Qr, rendered[i].Values);
                    PhaseTimings.Add("invitations: print file, letter appended", t);
                    written.Add(new GeneratedInvitation(d, $"{Folder}/{fileName}", link));
                    rendered[i] = default;
                }

                request.Progress?.Report(written.Count);
            }

            using (PhaseTimings.Start("invitations: print file completed"))
            {
                print?.Complete();
            }
        }
        finally
        {
            print?.Dispose();
        }

        PhaseTimings.Since("invitations: letters and print file (wall)", lettersStarted);
        var listPath = Path.Combine(request.OutputFolder, ListFileName);
        using (PhaseTimings.Start("invitations: list of links written"))
        {
            WriteList(plan, written, skipped, request.Seats, listPath);
        }

        return new InvitationResult(written, print is null ? null : Path.Combine(request.OutputFolder, PrintFileName), listPath, problems.Items);
    }

    /// <summary>Field values that are the same on every invitation of the plan.</summary>
    public static Dictionary<string, string> CommonValues(ConferencePlan plan, bool pageConfirms = false)
    {
        var c = plan.Conference;
        var end = c.Start.AddMinutes(plan.Programme.Sum(p => p.Minutes));
        var day = $"{VietnameseText.DayOfWeek(c.Date)}, ngày {VietnameseText.ShortDate(c.Date)}";
        var time = plan.Programme.Count > 0
            ? $"{(end - c.Start <= TimeSpan.FromHours(5) ? "01 buổi, " : "")}từ {VietnameseText.Time(c.Start)} đến {VietnameseText.Time(end)}, {day}"
            : $"{VietnameseText.Time(c.Start)}, {day}";
        var notes = Notes(plan, plan.MainHall, pageConfirms: pageConfirms);

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["CoQuanChuQuan"] = plan.Issuer.Parent,
            ["CoQuanBanHanh"] = plan.Issuer.Name,
            ["CoQuanTrongCau"] = plan.Issuer.NameInText,
            ["SoKyHieu"] = plan.Invitation.Number,
            ["DiaDanhNgayThang"] = VietnameseText.DateLine(plan.Issuer.Place, plan.Invitation.Date),
            ["TrichYeu"] = plan.Invitation.Subject,
            ["TenHoiNghi"] = c.Title,
            ["ChuTri"] = c.Chair,
            ["ThoiGian"] = time,
            ["NgayHoiNghi"] = day,
            ["GioBatDau"] = VietnameseText.Time(c.Start),
            ["HanXacNhan"] = c.ConfirmBy is { } d ? VietnameseText.ShortDate(d) : "",
            ["LienHe"] = c.Contact is { } ct ? $"{ct.Name}, điện thoại {ct.Phone}" : "",
            ["GhiChu"] = string.Join('\n', notes),
            ["LoiMoi"] = DelegateRoles.InvitationVerb(DelegateRole.Delegate),
            ["NoiNhan"] = string.Join('\n', plan.Recipients.Select(WordLayout.WordBuilder.RecipientLine)),
            ["ThamQuyenKy"] = plan.Signer.Authority,
            ["ChucVuKy"] = plan.Signer.Position,
            ["NguoiKy"] = plan.Signer.Name,
            [MergeKeys.LetterDate] = plan.Invitation.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Sets the per-delegate fields (<see cref="TemplateField.PerDelegate"/>) of one invitation.</summary>
    internal static void SetDelegateValues(Dictionary<string, string> values, ConferencePlan plan, ConferenceDelegate d, string link, string seat, bool pageConfirms = false)
    {
        var venue = plan.FindVenue(d.VenueId) ?? plan.MainHall;
        SetIssuerValues(values, plan.InviterFor(d));
        values["KinhGui"] = d.Addressee;
        values["XungHo"] = FormOfAddress(d);
        values["LoiMoi"] = DelegateRoles.InvitationVerb(d.Role);
        values["HoTen"] = d.FullName;
        values["ChucVu"] = d.Position;
        values["DonVi"] = d.Organization;
        values["MaDaiBieu"] = d.Code;
        values["DiaDiem"] = Place(plan, venue);
        values["DiemCau"] = venue.Name;
        values["ChoNgoi"] = seat.Length > 0 && venue.IsMain ? $"**Chỗ ngồi:** {seat}." : "";
        values["GhiChu"] = string.Join('\n', Notes(plan, venue, d, pageConfirms));
        values["DuongDan"] = link;
        values[MergeKeys.RecordNumber] = d.Number.ToString(CultureInfo.InvariantCulture);
        foreach (var (header, cell) in d.Cells)
        {
            values[MergeKeys.Column(header)] = cell;
        }
    }

    /// <summary>
    /// The fields that belong to the body sending the letter (<see cref="ConferencePlan.InviterFor"/>): header, number,
    /// date line, the body's name in the opening sentence, Nơi nhận and the signature block.
    /// </summary>
    internal static void SetIssuerValues(Dictionary<string, string> values, InvitingIssuer inviter)
    {
        values["CoQuanChuQuan"] = inviter.Issuer.Parent;
        values["CoQuanBanHanh"] = inviter.Issuer.Name;
        values["CoQuanTrongCau"] = inviter.Issuer.NameInText;
        values["SoKyHieu"] = inviter.Number;
        values["DiaDanhNgayThang"] = VietnameseText.DateLine(inviter.Issuer.Place, inviter.Date);
        values["NoiNhan"] = string.Join('\n', inviter.Recipients.Select(WordLayout.WordBuilder.RecipientLine));
        values["ThamQuyenKy"] = inviter.Signer.Authority;
        values["ChucVuKy"] = inviter.Signer.Position;
        values["NguoiKy"] = inviter.Signer.Name;
        values[MergeKeys.LetterDate] = inviter.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The notes of a letter to a delegate at <paramref name="venue"/>: the venue's own, then the invitation's notes, then
    /// the confirmation request. A bridge-point letter never sends its delegate to the main hall: an invitation note that
    /// names the main hall is left out of it, and without notes of its own the bridge point gets one built from the plan
    /// (arrive at the bridge point, the connection-test time, the technical contact).
    /// </summary>
    public static List<string> Notes(ConferencePlan plan, Venue venue, ConferenceDelegate? invitee = null, bool pageConfirms = false)
    {
        // Who chairs, and the Party's standing committee, are not asked to arrive early or to confirm by QR: the
        // secretariat confirms with their offices (issue 11; practice of provincial protocol).
        var leader = invitee is not null && (DelegateRoles.IsChairing(invitee.Role) || invitee.Group is ProtocolGroup.Central or ProtocolGroup.PartyStanding);
        var notes = new List<string>(leader ? venue.Notes.Where(n => !VietnameseText.Fold(n).Contains("co mat truoc", StringComparison.Ordinal)) : venue.Notes);
        if (!venue.IsMain && venue.Notes.Count == 0 && !leader)
        {
            notes.Add($"Đại biểu dự tại {venue.Name} có mặt trước 15 phút để ổn định chỗ ngồi.");
        }

        if (!venue.IsMain && (venue.ConnectionTest is not null || venue.TechnicalContact is not null))
        {
            // One short line: the venue is named in "Địa điểm" and the note above, and a longer line pushed letters of
            // bridge points with long addresses onto a second page (PrintFile_Sample_OnePagePerLetter).
            var test = venue.ConnectionTest is { } t ? $"Kiểm tra kết nối lúc {VietnameseText.Time(t)}" : "";
            var tech = venue.TechnicalContact is { } k
                ? (test.Length > 0 ? "; hỗ trợ kỹ thuật: " : "Hỗ trợ kỹ thuật: ") + k.Name + (k.Phone.Length > 0 ? $", điện thoại {k.Phone}" : "")
                : "";
            notes.Add(test + tech + ".");
        }

        var mainHall = VietnameseText.Fold(plan.MainHall.Name);
        notes.AddRange(plan.Invitation.Notes
            .Where(n => venue.IsMain || mainHall.Length == 0 || !VietnameseText.Fold(n).Contains(mainHall, StringComparison.Ordinal)));

        if (plan.Conference.ConfirmBy is { } confirm && !leader)
        {
            var contact = plan.Conference.Contact is { } k ? $" Liên hệ: {ContactText(k)}." : "";
            // Only a letter whose QR opens the delegate page promises confirmation by scanning it.
            var how = pageConfirms ? "quét mã QR dưới đây để xác nhận trên điện thoại, hoặc báo trực tiếp cho Ban Tổ chức" : "báo trực tiếp cho Ban Tổ chức";
            notes.Add($"Đề nghị đại biểu xác nhận tham dự trước ngày {VietnameseText.ShortDate(confirm)} ({how}).{contact}");
        }

        return notes;
    }

    private static string ContactText(Contact k) =>
        $"{k.Name}{(k.Phone.Length > 0 ? $", điện thoại {k.Phone}" : "")}{(k.Email.Length > 0 ? $", thư điện tử {k.Email}" : "")}";

    /// <summary>"đồng chí", "ông", "bà", or "lãnh đạo Sở Tài chính" inside a sentence.</summary>
    public static string FormOfAddress(ConferenceDelegate d)
    {
        var form = d.FormOfAddress;
        return d.Kind == AddresseeKind.Body && (form.StartsWith("Lãnh đạo ", StringComparison.Ordinal) || form.StartsWith("Đại diện ", StringComparison.Ordinal))
            ? VietnameseText.LowerFirst(form)
            : form;
    }

    private static string Place(ConferencePlan plan, Venue venue)
    {
        var address = venue.Address.Length > 0 ? $" ({venue.Address})" : "";
        return venue.IsMain
            ? $"{venue.Name}{address}"
            : $"{venue.Name}{address}, kết nối trực tuyến với điểm cầu {plan.MainHall.Name}";
    }

    /// <summary>"YB23-0007-Nguyen-Van-A.docx": the code as written (ASCII by the list's rule), then the name as a slug.</summary>
    private static string UniqueName(HashSet<string> used, string code, string who)
    {
        var name = $"{code}-{SafeFileName.From(who, "docx", 60)}";
        var n = 2;
        while (!used.Add(name))
        {
            name = $"{code}-{SafeFileName.From($"{who} {n++}", "docx", 60)}";
        }

        return name;
    }

    /// <summary>The list's columns and their widths (characters).</summary>
    private static readonly string[] ListSheetHeaders =
    [
        "STT", "Mã đại biểu", "Kính gửi", "Nhóm", "Điểm cầu", "Chỗ ngồi", "Email", "Tệp giấy mời", "Đường dẫn trong mã QR", "Ghi chú", "Cơ quan mời",
    ];

    private static readonly double[] ListSheetWidths = [6, 13, 48, 16, 28, 16, 28, 34, 60, 30, 40];

    /// <summary>A line of the list (a class, not a tuple: LINQ and collections over tuples are JIT-compiled at every start).</summary>
    private sealed record ListEntry(int Order, ConferenceDelegate Delegate, string RelativePath, string Link, string Note);

    /// <summary>
    /// The list of invitations and their links, as streamed markup (<see cref="StreamingWorkbook"/>): built with the
    /// Open XML SDK it was the only use of the SDK on the invitation path, and loading it cost 0.35–0.9 s a run
    /// (issue 17). Every value is a text cell, so an e-mail or a name starting with = + - @ never becomes a formula.
    /// </summary>
    internal static void WriteList(ConferencePlan plan, IReadOnlyList<GeneratedInvitation> written, IReadOnlyList<ConferenceDelegate> skipped,
        IReadOnlyDictionary<string, string>? seats, string path)
    {
        var entries = new List<ListEntry>(written.Count + skipped.Count);
        foreach (var w in written)
        {
            entries.Add(new ListEntry(entries.Count, w.Delegate, w.RelativePath, w.Link, ""));
        }

        foreach (var d in skipped)
        {
            entries.Add(new ListEntry(entries.Count, d, "", "", "Người ký giấy mời: không lập giấy mời"));
        }

        // In list order, stable (equal rows keep their order) like the OrderBy it replaces.
        entries.Sort((x, y) => x.Delegate.Row != y.Delegate.Row ? x.Delegate.Row.CompareTo(y.Delegate.Row) : x.Order.CompareTo(y.Order));
        var book = new StreamingWorkbook(path);
        try
        {
            using (var sheet = book.AddSheet("Giấy mời", new SheetLayout(ListSheetWidths, FreezeRows: 1)))
            {
                var header = new XCell[ListSheetHeaders.Length];
                for (var i = 0; i < header.Length; i++)
                {
                    header[i] = XCell.Of(ListSheetHeaders[i], XStyle.Header);
                }

                sheet.Row(header);
                var number = 0;
                foreach (var e in entries)
                {
                    sheet.Row(
                    [
                        (++number).ToString(CultureInfo.InvariantCulture),
                        e.Delegate.Code,
                        e.Delegate.Addressee,
                        DelegateColumns.GroupLabel(e.Delegate.Group),
                        (plan.FindVenue(e.Delegate.VenueId) ?? plan.MainHall).Name,
                        seats?.GetValueOrDefault(e.Delegate.Code) ?? "",
                        e.Delegate.Email,
                        e.RelativePath,
                        e.Link,
                        e.Note,
                        plan.InviterFor(e.Delegate) is { } inviter ? $"{inviter.Issuer.NameInText} ({inviter.Number})" : "",
                    ]);
                }

                sheet.Filter(1, ListSheetHeaders.Length - 1, sheet.RowNumber);
            }
        }
        catch
        {
            book.Discard(); // nothing half-written: the previous list, if any, stays as it was
            throw;
        }

        book.Dispose();
    }

    /// <summary>
    /// Streams the combined print file: each invitation's body becomes one section (so each starts a new page and keeps
    /// the template's page setup), its QR image gets its own relationship, and drawing ids stay unique.
    /// </summary>
    private sealed partial class PrintFileWriter : IDisposable
    {
        private readonly DocxTemplate _template;
        private readonly IReadOnlyDictionary<string, string> _common;
        private readonly string _path;
        private readonly string _temp;
        private readonly FileStream _file;
        private readonly ZipArchive _zip;
        private readonly Stream _documentStream;
        private readonly StreamWriter _writer;
        private readonly List<byte[]> _images = [];
        private readonly Dictionary<string, byte[]> _firstLetterParts = new(StringComparer.Ordinal);
        private readonly List<LetterPart> _letterParts = [];
        private Dictionary<string, byte[]>? _templateParts;
        private string? _sectionProperties;
        private string? _tail;
        private bool _completed;

        /// <summary>The section-break paragraph's properties up to its sectPr: exactly 1 pt, no spacing, 1 pt mark.</summary>
        internal const string SectionBreakParagraphStart =
            "<w:p><w:pPr><w:keepNext w:val=\"0\" /><w:widowControl w:val=\"0\" /><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"20\" w:lineRule=\"exact\" />"
            + "<w:rPr><w:sz w:val=\"2\" /><w:szCs w:val=\"2\" /></w:rPr>";

        public PrintFileWriter(DocxTemplate template, string path, IReadOnlyDictionary<string, string> common)
        {
            _template = template;
            _common = common;
            _path = path;
            _temp = AtomicFile.TempPathFor(path);
            _file = new FileStream(_temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
            _zip = new ZipArchive(_file, ZipArchiveMode.Create, false);
            var documentEntry = _zip.CreateEntry(template.DocumentPartName, CompressionLevel.Fastest);
            documentEntry.LastWriteTime = DocxTemplate.EntryTime;
            _documentStream = documentEntry.Open();
            _writer = new StreamWriter(_documentStream, new UTF8Encoding(false), 1 << 16);
        }

        public void Add(string documentXml, byte[] qr, IReadOnlyDictionary<string, string> values)
        {
            var bodyStart = documentXml.IndexOf("<w:body>", StringComparison.Ordinal) + "<w:body>".Length;
            var sectStart = documentXml.LastIndexOf("<w:sectPr", StringComparison.Ordinal);
            var bodyEnd = documentXml.LastIndexOf("</w:body>", StringComparison.Ordinal);
            if (_sectionProperties is null)
            {
                _writer.Write(documentXml.AsSpan(0, bodyStart));
                _tail = documentXml[bodyEnd..];
            }
            else
            {
                // Close the previous invitation's section: a section break starting the next on a new page. A letter
                // ends with its signature table, so the break needs a paragraph of its own after the table; at the
                // body's line height it spilled onto a blank page whenever a letter filled its page (301 pages for
                // 299 letters, breaking duplex printing). It is 1 pt high with no spacing, so it fits under any letter
                // that fits its page.
                _writer.Write(SectionBreakParagraphStart);
                _writer.Write(_sectionProperties);
                _writer.Write("</w:pPr></w:p>");
            }

            _sectionProperties = documentXml[sectStart..bodyEnd];
            var letter = _images.Count + 1;
            var ownParts = OwnHeadersAndFooters(letter, values);
            _images.Add(qr);
            var index = _images.Count;
            var inner = documentXml[bodyStart..sectStart]
                .Replace($"r:embed=\"{DocxTemplate.QrRelationshipId}\"", $"r:embed=\"rIdPrintQr{index}\"", StringComparison.Ordinal);
            inner = DocPrId().Replace(inner, m => $"<wp:docPr id=\"{(index * 10) + int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) % 10}\"");
            if (ownParts is not null)
            {
                inner = RelationshipReference().Replace(inner, m => ownParts.TryGetValue(m.Groups["id"].Value, out var id) ? $"{m.Groups["p"].Value}:id=\"{id}\"" : m.Value);
                _sectionProperties = RelationshipReference().Replace(_sectionProperties,
                    m => ownParts.TryGetValue(m.Groups["id"].Value, out var id) ? $"{m.Groups["p"].Value}:id=\"{id}\"" : m.Value);
            }

            _writer.Write(inner);
        }

        /// <summary>
        /// The headers and footers with per-delegate fields, filled for this letter: the first letter fills the
        /// template's own parts, each later one gets copies under new names and relationships. Returns the map from the
        /// template's relationship ids to this letter's (null when the letter uses the template's ids).
        /// </summary>
        private Dictionary<string, string>? OwnHeadersAndFooters(int letter, IReadOnlyDictionary<string, string> values)
        {
            var perDelegate = _template.PerDelegateParts;
            if (perDelegate.Count == 0)
            {
                return null;
            }

            var parts = _templateParts ??= _template.Parts.ToDictionary(p => p.Name, p => p.Bytes, StringComparer.Ordinal);
            if (letter == 1)
            {
                foreach (var part in perDelegate)
                {
                    _firstLetterParts[part.Name] = _template.PartBytes(part.Name, parts[part.Name], values);
                }

                return null;
            }

            var ids = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var k = 0; k < perDelegate.Count; k++)
            {
                var part = perDelegate[k];
                var folder = part.Name.Contains('/') ? part.Name[..(part.Name.LastIndexOf('/') + 1)] : "";
                var fileName = $"print-{letter}-{part.Name[folder.Length..]}";
                var id = $"rIdPrintPart{letter}x{k + 1}";
                ids[part.RelationshipId] = id;
                _letterParts.Add(new LetterPart(folder + fileName, fileName, id, part,
                    Deflate(_template.PartBytes(part.Name, parts[part.Name], values))));
            }

            return ids;
        }

        /// <summary>A letter's own copy of a header or footer, held compressed until the package is written.</summary>
        private sealed record LetterPart(string Name, string Target, string RelationshipId, DocxTemplate.PerDelegatePart Of, byte[] Deflated);

        private static byte[] Deflate(byte[] data)
        {
            using var ms = new MemoryStream();
            using (var z = new DeflateStream(ms, CompressionLevel.Fastest, true))
            {
                z.Write(data);
            }

            return ms.ToArray();
        }

        private static byte[] Inflate(byte[] data)
        {
            using var ms = new MemoryStream();
            using (var z = new DeflateStream(new MemoryStream(data), CompressionMode.Decompress))
            {
                z.CopyTo(ms);
            }

            return ms.ToArray();
        }

        public void Complete()
        {
            if (_sectionProperties is null)
            {
                return;
            }

            _writer.Write(_sectionProperties);
            _writer.Write(_tail);
            _writer.Flush();
            _writer.Dispose();
            foreach (var (name, bytes) in _template.Parts)
            {
                if (name == _template.DocumentPartName)
                {
                    continue;
                }

                // A header or footer with per-delegate fields is the first letter's (later letters have copies);
                // the others are shared by every section and take the common values only.
                var data = _firstLetterParts.TryGetValue(name, out var own) ? own : _template.PartBytes(name, bytes, _common);
                if (name == "word/_rels/document.xml.rels")
                {
                    var rels = Encoding.UTF8.GetString(bytes);
                    var extra = new StringBuilder();
                    for (var i = 1; i <= _images.Count; i++)
                    {
                        extra.Append(CultureInfo.InvariantCulture,
                            $"<Relationship Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/print-qr-{i}.png\" Id=\"rIdPrintQr{i}\" />");
                    }

                    foreach (var part in _letterParts)
                    {
                        extra.Append(CultureInfo.InvariantCulture,
                            $"<Relationship Type=\"{part.Of.RelationshipType}\" Target=\"{part.Target}\" Id=\"{part.RelationshipId}\" />");
                    }

                    data = Encoding.UTF8.GetBytes(rels.Replace("</Relationships>", extra + "</Relationships>", StringComparison.Ordinal));
                }
                else if (name == "[Content_Types].xml" && _letterParts.Count > 0)
                {
                    var extra = new StringBuilder();
                    foreach (var part in _letterParts)
                    {
                        extra.Append(CultureInfo.InvariantCulture, $"<Override PartName=\"/{part.Name}\" ContentType=\"{part.Of.ContentType}\"/>");
                    }

                    data = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("</Types>", extra + "</Types>", StringComparison.Ordinal));
                }

                var entry = _zip.CreateEntry(name, name.EndsWith(".png", StringComparison.Ordinal) ? CompressionLevel.NoCompression : CompressionLevel.Fastest);
                entry.LastWriteTime = DocxTemplate.EntryTime;
                using var s = entry.Open();
                s.Write(data);
            }

            var templateParts = _template.Parts.ToDictionary(p => p.Name, p => p.Bytes, StringComparer.Ordinal);
            foreach (var part in _letterParts)
            {
                var entry = _zip.CreateEntry(part.Name, CompressionLevel.Fastest);
                entry.LastWriteTime = DocxTemplate.EntryTime;
                using (var s = entry.Open())
                {
                    s.Write(Inflate(part.Deflated));
                }

                if (part.Of.RelsName is { } relsName)
                {
                    // The copy links the same pictures as the template's header (a logo): same relationships.
                    var relsEntry = _zip.CreateEntry($"{relsName[..(relsName.LastIndexOf('/') + 1)]}{part.Target}.rels", CompressionLevel.Fastest);
                    relsEntry.LastWriteTime = DocxTemplate.EntryTime;
                    using var rs = relsEntry.Open();
                    rs.Write(templateParts[relsName]);
                }
            }

            for (var i = 0; i < _images.Count; i++)
            {
                var entry = _zip.CreateEntry($"word/media/print-qr-{i + 1}.png", CompressionLevel.NoCompression);
                entry.LastWriteTime = DocxTemplate.EntryTime;
                using var s = entry.Open();
                s.Write(_images[i]);
            }

            _completed = true;
        }

        public void Dispose()
        {
            if (!_completed)
            {
                _writer.Dispose();
            }

            _zip.Dispose();
            _file.Dispose();

            // Renamed into place only when complete: an interrupted run leaves no half-written print file.
            if (_completed)
            {
                AtomicFile.Commit(_temp, _path);
            }

            File.Delete(_temp);
        }

        [GeneratedRegex("<wp:docPr id=\"(\\d+)\"")]
        private static partial Regex DocPrId();

        /// <summary>A relationship reference (a section's w:headerReference / w:footerReference r:id).</summary>
        [GeneratedRegex("(?<p>\\w+):id=\"(?<id>[^\"]+)\"")]
        private static partial Regex RelationshipReference();
    }
}
