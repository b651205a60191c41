using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Inputs;
using Dialogue.Office.Automation.Spreadsheets;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Plans;

/// <summary>
/// Reads the delegate list (.xlsx or .csv) the plan names. Every non-empty row becomes a delegate or a problem
/// naming its row and column; nothing is dropped silently.
/// </summary>
internal static partial class DelegateListReader
{
    private const int HeaderSearchRows = 15;

    public static IReadOnlyList<ConferenceDelegate> Read(ConferencePlan plan, ProblemList problems)
    {
        if (plan.DelegateFile.Length == 0)
        {
            return [];
        }

        // The file name comes from the plan: its real path (links followed) must stay inside the plan folder, and the
        // file is read only after the guarded opener has checked it (sizes, ratio, rows; regular files only).
        var where = plan.LocationOf("delegates");
        var fileName = Path.GetFileName(plan.DelegateFile);
        SheetValues sheet;
        try
        {
            var path = ContainedPath.Resolve(plan.Folder, plan.DelegateFile);
            fileName = Path.GetFileName(path);
            var ext = Path.GetExtension(path).ToLowerInvariant();
            if (ext == ".csv")
            {
                sheet = CsvReader.Read(path, "", InputLimits.CsvFileBytes, InputLimits.DelegateRows);
            }
            else if (ext is ".xlsx" or ".xlsm")
            {
                // The guarded opener checks the file; the guarded raw reader then reads it without the Open XML SDK,
                // whose first use in a process costs more than reading the list (issue 17).
                var sheets = GuardedWorkbookReader.ReadValues(GuardedPackage.Open(path, PackageKind.Workbook, InputLimits.DelegateList, plan.DelegateFile));
                if (DelegateWorkbook.ListedVenues(sheets) is { } listed && !listed.SequenceEqual(plan.Venues.Select(v => v.Id)))
                {
                    // The scaffold's drop-down would refuse the plan's real ids (Excel enforces it): say how to refresh it.
                    problems.Warning("DELEGATES_LIST_STALE", Locations.Join(fileName, DelegateWorkbook.ListSheetName), "Venue drop-down differs from the plan",
                        string.Join(", ", listed), string.Join(", ", plan.Venues.Select(v => v.Id)));
                }

                sheet = sheets.FirstOrDefault(s => VietnameseText.Fold(s.Name) == VietnameseText.Fold(DelegateColumns.SheetName))
                    ?? sheets.FirstOrDefault(s => !s.IsHidden)
                    ?? throw new InvalidDataException("no sheets");
            }
            else
            {
                problems.Error("DELEGATES_FILE_TYPE", where, $"Delegate file must be .xlsx or .csv: '{fileName}'.", fileName);
                return [];
            }
        }
        catch (InputFileException ex) when (ex.Reason == InputRejection.Missing)
        {
            problems.Error("DELEGATES_FILE_MISSING", where, $"Delegate file '{plan.DelegateFile}' not found.", plan.DelegateFile, ex.FullPath ?? "");
            return [];
        }
        catch (InputFileException ex)
        {
            problems.Add(ex.ToProblem(ex.Reason is InputRejection.OutsideFolder or InputRejection.NotRegularFile ? where : null));
            return [];
        }
        catch (Exception ex) when (ex is FileReadException || GuardedPackage.IsPackageFault(ex))
        {
            problems.Error("DELEGATES_FILE_UNREADABLE", fileName, $"Cannot read '{fileName}': {ex.Message}", fileName);
            return [];
        }

        return ReadRows(plan, fileName, sheet, problems);
    }

    internal static IReadOnlyList<ConferenceDelegate> ReadRows(ConferencePlan plan, string fileName, SheetValues sheet, ProblemList problems)
    {
        // Errors found before this file (in plan.yaml) must not hide that the list itself is empty.
        var errorsBefore = problems.Errors.Count();

        // The header is the first row (within the first rows) that names at least two known columns.
        SheetRow? header = null;
        Dictionary<string, int> columns = [];
        foreach (var row in sheet.Rows.Take(HeaderSearchRows))
        {
            var found = new Dictionary<string, int>();
            for (var i = 0; i < row.Cells.Count; i++)
            {
                if (DelegateColumns.Match(row[i]) is { } key && !found.ContainsKey(key))
                {
                    found[key] = i;
                }
            }

            if (found.Count >= 2)
            {
                header = row;
                columns = found;
                break;
            }
        }

        var sheetLabel = sheet.Name.Length > 0 ? sheet.Name : null;
        if (header is null)
        {
            problems.Error("DELEGATES_NO_HEADER", Locations.Join(fileName, sheetLabel),
                "No header row (Họ và tên, Cơ quan, đơn vị …) in the first rows.", fileName);
            return [];
        }

        foreach (var column in DelegateColumns.All.Where(c => c.Required && !columns.ContainsKey(c.Key)))
        {
            problems.Error("DELEGATES_MISSING_COLUMN", Locations.Row(fileName, sheet.Name, header.Number), $"Column '{column.Header}' is missing.", column.Header);
        }

        if (!columns.ContainsKey("name") && !columns.ContainsKey("org"))
        {
            return [];
        }

        string Cell(SheetRow row, string key) => columns.TryGetValue(key, out var i) ? VietnameseText.Clean(row[i]) : "";
        string Where(SheetRow row, string key) =>
            Locations.Row(fileName, sheet.Name, row.Number, DelegateColumns.All.First(c => c.Key == key).Header);

        var result = new List<ConferenceDelegate>();
        var byCode = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var byIdentity = new Dictionary<string, int>(StringComparer.Ordinal);
        var mainId = plan.MainHall.Id;
        var conferenceLevel = ProtocolTitles.ConferenceLevel(plan.Issuer.NameInText);
        var ordinal = 0;
        foreach (var row in sheet.Rows.Where(r => r.Number > header.Number && !r.IsEmpty))
        {
            if (DelegateCells.IsTotalsRow(row, columns))
            {
                problems.Warning("DELEGATES_TOTALS_ROW_IGNORED", Locations.Row(fileName, sheet.Name, row.Number), "Totals row ignored",
                    string.Join(" ", row.Cells.Where(c => !string.IsNullOrWhiteSpace(c))));
                continue;
            }

            ordinal++;
            if (!DelegateCells.Check(row, columns, key => Where(row, key), problems))
            {
                continue;
            }

            var name = Cell(row, "name");
            var org = Cell(row, "org");
            var addressee = Cell(row, "addressee");
            var position = Cell(row, "position");
            var rowOk = true;

            if (name.Length == 0 && org.Length == 0 && addressee.Length == 0)
            {
                // A row with data but nobody to address: never produce a blank "Kính gửi".
                problems.Error("DELEGATE_NO_ADDRESSEE", Locations.Row(fileName, sheet.Name, row.Number),
                    "Row has neither a name, a body nor an addressee line.", row.Number.ToString(CultureInfo.InvariantCulture));
                continue;
            }

            var stt = int.TryParse(Cell(row, "stt"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : ordinal;
            var code = Cell(row, "code");
            if (code.Length == 0)
            {
                code = string.Create(CultureInfo.InvariantCulture, $"{plan.Conference.Code}-{stt:0000}");
            }
            else if (!CodePattern().IsMatch(code))
            {
                problems.Error("DELEGATE_BAD_CODE", Where(row, "code"), $"Delegate code '{code}' may hold only ASCII letters, digits and '-'.", code);
                rowOk = false;
            }

            if (byCode.TryGetValue(code, out var firstRow))
            {
                problems.Error("DELEGATE_DUPLICATE_CODE", Where(row, "code"), $"Code '{code}' already used on row {firstRow}.", code,
                    firstRow.ToString(CultureInfo.InvariantCulture));
                rowOk = false;
            }
            else
            {
                byCode[code] = row.Number;
            }

            var venue = Cell(row, "venue");
            if (venue.Length == 0)
            {
                venue = mainId;
            }
            else if (plan.FindVenue(venue) is { } v)
            {
                venue = v.Id;
            }
            else if (plan.Venues.FirstOrDefault(x => VietnameseText.Fold(x.Name) == VietnameseText.Fold(venue)) is { } byName)
            {
                venue = byName.Id;
            }
            else
            {
                var guess = Suggestions.Closest(venue, plan.Venues.Select(x => (x.Id, x.Name)));
                problems.Error("DELEGATE_UNKNOWN_VENUE", Where(row, "venue"), $"Bridge point '{venue}' is not in the plan.", venue,
                    string.Join(", ", plan.Venues.Select(x => x.Id)), Suggestions.Sentence(guess, plan.FindVenue(guess ?? "")?.Name));
                rowOk = false;
            }

            var issuerId = Cell(row, "issuer");
            if (issuerId.Length > 0)
            {
                if (plan.FindIssuer(issuerId) is { } inviter)
                {
                    issuerId = inviter.Id;
                }
                else if (plan.AllIssuers.FirstOrDefault(i => VietnameseText.Fold(i.Issuer.NameInText) == VietnameseText.Fold(issuerId)) is { } byName)
                {
                    issuerId = byName.Id;
                }
                else
                {
                    var guess = Suggestions.Closest(issuerId, plan.AllIssuers.Select(i => (i.Id, i.Issuer.NameInText)));
                    problems.Error("DELEGATE_UNKNOWN_ISSUER", Where(row, "issuer"), $"Issuer '{issuerId}' is not in the plan.", issuerId,
                        string.Join(", ", plan.AllIssuers.Select(i => i.Id)), Suggestions.Sentence(guess, plan.FindIssuer(guess ?? "")?.Issuer.NameInText));
                    rowOk = false;
                }
            }

            var roleText = Cell(row, "role");
            var role = DelegateRoles.Parse(roleText);
            if (role is null && roleText.Length > 0)
            {
                problems.Warning("DELEGATE_UNKNOWN_ROLE", Where(row, "role"), $"Role '{roleText}' is unknown.", roleText, DelegateRoles.AllLabels);
            }

            var email = Cell(row, "email");
            if (email.Length > 0 && !IsEmail(email))
            {
                problems.Error("DELEGATE_BAD_EMAIL", Where(row, "email"), $"'{email}' is not an e-mail address.", email);
                rowOk = false;
            }

            var groupText = Cell(row, "group");
            var group = DelegateColumns.ParseGroup(groupText);
            if (group is null && groupText.Length > 0)
            {
                problems.Warning("DELEGATE_UNKNOWN_GROUP", Where(row, "group"), $"Group '{groupText}' is unknown; the group is taken from the titles.", groupText);
            }

            var rankText = Cell(row, "rank");
            int? clerkRank = null;
            if (rankText.Length > 0)
            {
                if (int.TryParse(rankText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r))
                {
                    clerkRank = r;
                }
                else
                {
                    problems.Warning("DELEGATE_BAD_RANK", Where(row, "rank"), $"Rank '{rankText}' is not a number; the row is ranked by its titles only.", rankText);
                }
            }

            // Honorifics: typed in the name cell, moved to their own (so "Đồng chí Ông …" never happens); only the
            // listed forms are accepted; "Thầy"/"Cô" become "Ông"/"Bà".
            var honorific = Cell(row, "honorific");
            if (name.Length > 0 && SplitHonorific(name) is { } typed)
            {
                var canonicalTyped = CanonicalHonorific(typed.Honorific) ?? "Đồng chí";
                problems.Warning("DELEGATE_HONORIFIC_IN_NAME", Where(row, "name"), $"Honorific '{typed.Honorific}' typed in the name; moved to the honorific.",
                    name, typed.Honorific, typed.Name);
                name = typed.Name;
                if (honorific.Length == 0)
                {
                    honorific = canonicalTyped;
                }
            }

            if (honorific.Length > 0)
            {
                var folded = VietnameseText.Fold(honorific);
                if (CanonicalHonorific(honorific) is { } canonical)
                {
                    if (folded is "thay" or "co")
                    {
                        problems.Warning("DELEGATE_HONORIFIC_MAPPED", Where(row, "honorific"), $"Honorific '{honorific}' written as '{canonical}'.", honorific, canonical);
                    }

                    honorific = canonical;
                }
                else
                {
                    problems.Error("DELEGATE_BAD_HONORIFIC", Where(row, "honorific"), $"Honorific '{honorific}' is not one of Đồng chí, Ông, Bà.", honorific);
                    rowOk = false;
                }
            }
            else if (name.Length > 0)
            {
                honorific = "Đồng chí";
            }

            // "Lãnh đạo Sở Tài chính" typed as the body: the letter adds "Lãnh đạo" itself.
            if (name.Length == 0 && LeadershipPrefix().Match(org) is { Success: true } lead && org.Length > lead.Length)
            {
                problems.Warning("DELEGATE_LEADERSHIP_IN_BODY", Where(row, "org"), $"'{lead.Value.Trim()}' typed before the body; the letter adds it.", org, lead.Value.Trim());
                org = VietnameseText.UpperFirst(org[lead.Length..].Trim());
            }

            var kind = name.Length > 0 ? AddresseeKind.Person : AddresseeKind.Body;
            var standing = ProtocolTitles.Classify(position, org, addressee, kind, conferenceLevel, plan.Protocol.Sector, plan.Protocol.Titles);
            if (group is null && !standing.Recognised)
            {
                problems.Warning("DELEGATE_TITLE_UNKNOWN", Where(row, kind == AddresseeKind.Person ? "position" : "org"),
                    $"No known title in '{position}'; ranked after the known titles of group {standing.Group}.",
                    kind == AddresseeKind.Person ? position : org, DelegateColumns.GroupLabel(standing.Group));
            }
            else if (group is { } g && standing.Recognised && ProtocolTitles.TierOrder(g) != ProtocolTitles.TierOrder(standing.Group))
            {
                problems.Warning("DELEGATE_GROUP_CONTRADICTS_TITLE", Where(row, "group"), $"Group '{groupText}' differs from the titles' group {standing.Group}; the column is used.",
                    groupText, DelegateColumns.GroupLabel(standing.Group), kind == AddresseeKind.Person ? position : org);
            }

            var identity = kind == AddresseeKind.Person
                ? $"p|{VietnameseText.Fold(name)}|{VietnameseText.Fold(position)}|{VietnameseText.Fold(org)}"
                : $"b|{VietnameseText.Fold(addressee.Length > 0 ? addressee : org)}|{VietnameseText.Fold(venue)}";
            if (byIdentity.TryGetValue(identity, out var sameRow))
            {
                problems.Error("DELEGATE_DUPLICATE", Locations.Row(fileName, sheet.Name, row.Number),
                    $"Same delegate as row {sameRow}.", sameRow.ToString(CultureInfo.InvariantCulture));
                rowOk = false;
            }
            else
            {
                byIdentity[identity] = row.Number;
            }

            if (!rowOk)
            {
                continue;
            }

            result.Add(new ConferenceDelegate
            {
                Row = row.Number,
                Number = stt,
                Code = code,
                Honorific = kind == AddresseeKind.Person ? honorific : "",
                FullName = name,
                Position = position,
                Organization = org,
                AddresseeOverride = addressee,
                Kind = kind,
                Group = group ?? standing.Group,
                Rank = standing.Rank,
                ClerkRank = clerkRank,
                Level = standing.Level,
                BodyOrder = standing.BodyOrder,
                VenueId = venue,
                IssuerId = issuerId,
                Role = role ?? DelegateRole.Delegate,
                IsPresidium = Cell(row, "presidium").Length > 0 && VietnameseText.Fold(Cell(row, "presidium")) is not ("khong" or "0" or "false"),
                Email = email,
                Phone = Cell(row, "phone"),
                Note = Cell(row, "note"),
                Cells = RowCells(header, row),
            });
        }

        WarnBodiesAlsoNamed(result, fileName, sheet.Name, problems);
        if (result.Count == 0 && problems.Errors.Count() == errorsBefore)
        {
            problems.Error("DELEGATES_EMPTY", Locations.Join(fileName, sheetLabel), "The delegate list has no delegates.", fileName);
        }

        return result;
    }

    /// <summary>The row's cells by header text (the first of two equal headers wins; blank headers are skipped).</summary>
    private static Dictionary<string, string> RowCells(SheetRow header, SheetRow row)
    {
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var title = VietnameseText.Clean(header[i]);
            if (title.Length > 0 && !cells.ContainsKey(title))
            {
                cells[title] = VietnameseText.Clean(row[i]);
            }
        }

        return cells;
    }

    /// <summary>A body invited as a body and through its named people gets two letters: said once, at the body's row.</summary>
    private static void WarnBodiesAlsoNamed(List<ConferenceDelegate> delegates, string fileName, string sheetName, ProblemList problems)
    {
        // Keyed by one string (organisation folded, venue): a tuple key makes LINQ and the dictionary generic
        // instantiations that ReadyToRun cannot precompile, JIT-compiled at every start.
        static string Key(ConferenceDelegate d) => VietnameseText.Fold(d.Organization) + "\n" + d.VenueId.ToLowerInvariant();
        var people = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var d in delegates)
        {
            if (d.Kind == AddresseeKind.Person && d.Organization.Length > 0)
            {
                var key = Key(d);
                if (!people.TryGetValue(key, out var list))
                {
                    people[key] = list = [];
                }

                list.Add(d.Row.ToString(CultureInfo.InvariantCulture));
            }
        }

        foreach (var body in delegates)
        {
            if (body.Kind == AddresseeKind.Body && body.AddresseeOverride.Length == 0 && people.TryGetValue(Key(body), out var rows))
            {
                var joined = string.Join(", ", rows);
                problems.Warning("DELEGATE_BODY_ALSO_NAMED", Locations.Row(fileName, sheetName, body.Row, "Cơ quan, đơn vị"),
                    $"{body.Organization} is invited as a body and through rows {joined}.", body.Organization, joined);
            }
        }
    }

    /// <summary>The allowed honorific for a typed one ("đ/c" → "Đồng chí", "Thầy" → "Ông", "Cô" → "Bà"); null when not allowed.</summary>
    internal static string? CanonicalHonorific(string text) => VietnameseText.Fold(text) switch
    {
        "dong chi" or "d c" or "dc" => "Đồng chí",
        "ong" or "thay" => "Ông",
        "ba" or "co" => "Bà",
        _ => null,
    };

    /// <summary>"Đồng chí Lê Văn Bình" → ("Đồng chí", "Lê Văn Bình"); null when the name does not start with an honorific.</summary>
    internal static (string Honorific, string Name)? SplitHonorific(string name)
    {
        var match = HonorificPrefix().Match(name);
        if (!match.Success)
        {
            return null;
        }

        var rest = name[match.Length..].Trim();
        // "Ông" is also a surname: keep it when what follows is too short to be a full name.
        return rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2 ? (match.Groups[1].Value, rest) : null;
    }

    [GeneratedRegex(@"^\s*(Đồng chí|đồng chí|Đ/c|đ/c|Đ/C|Ông|ông|Bà|bà|Thầy|thầy|Cô|cô)\.?\s+", RegexOptions.CultureInvariant)]
    private static partial Regex HonorificPrefix();

    [GeneratedRegex(@"^\s*((Đại diện\s+)?[Ll]ãnh đạo)\s+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LeadershipPrefix();

    internal static bool IsEmail(string text) =>
        EmailPattern().IsMatch(text) && MailAddress.TryCreate(text, out var address) && address.Address == text;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")]
    private static partial Regex EmailPattern();
}
