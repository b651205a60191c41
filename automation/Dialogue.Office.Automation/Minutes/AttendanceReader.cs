using System.Globalization;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Spreadsheets;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Minutes;

/// <summary>How a delegate was recorded at the door: attended, sent someone in their place, or absent.</summary>
internal enum RecordedPresence
{
    Present,
    Represented,
    Absent,
}

/// <summary>One delegate of the plan as the attendance register recorded them.</summary>
internal sealed record AttendanceEntry(ConferenceDelegate Delegate, RecordedPresence Status, string Substitute = "");

/// <summary>The register read against the plan: an entry per recorded delegate, and the delegates it does not record.</summary>
internal sealed record AttendanceRecord(IReadOnlyList<AttendanceEntry> Entries, IReadOnlyList<ConferenceDelegate> NotRecorded, string FileName)
{
    public IEnumerable<AttendanceEntry> With(RecordedPresence status) => Entries.Where(e => e.Status == status);
}

/// <summary>
/// Reads an attendance register: the register's own export (issue 15) or a sheet a clerk keeps, by header names —
/// "Mã đại biểu" (the code of the delegate list), "Trạng thái" (Tham dự | Dự thay | Vắng) and, for Dự thay, "Người dự
/// thay" ("Họ tên, chức vụ"). Sheet "Điểm danh" if there is one, else the first visible sheet; the header row is looked
/// for in the first 10 rows, other columns are ignored. Every problem names the file, sheet, row and column; a row
/// with an error is left out and reported, and the minutes are not written while errors remain.
/// </summary>
internal static class AttendanceReader
{
    public const string SheetName = "Điểm danh";

    /// <summary>The status words the register may use (folded), each with its status.</summary>
    private static readonly Dictionary<string, RecordedPresence> Statuses = new(StringComparer.Ordinal)
    {
        ["tham du"] = RecordedPresence.Present,
        ["co mat"] = RecordedPresence.Present,
        ["du thay"] = RecordedPresence.Represented,
        ["cu nguoi du thay"] = RecordedPresence.Represented,
        ["vang"] = RecordedPresence.Absent,
        ["vang mat"] = RecordedPresence.Absent,
    };

    /// <summary>What the register's export writes for a delegate who neither answered nor checked in.</summary>
    private static readonly HashSet<string> Unknown = new(StringComparer.Ordinal) { "chua ro", "chua xac nhan" };

    public static AttendanceRecord? Read(string path, ConferencePlan plan, ProblemList problems)
    {
        var file = Path.GetFileName(path);
        if (XlsxReader.TryRead(path, problems, "ATTENDANCE_UNREADABLE", "The attendance register cannot be read.") is not { } sheets)
        {
            return null;
        }

        // Sheet "Điểm danh" first, then the visible sheets in order: the register's own export opens on "Tổng hợp" (counts
        // per venue) and has its rows on "Danh sách".
        var candidates = sheets.Where(s => VietnameseText.Fold(s.Name) == VietnameseText.Fold(SheetName))
            .Concat(sheets.Where(s => !s.IsHidden && VietnameseText.Fold(s.Name) != VietnameseText.Fold(SheetName))).ToList();
        if (candidates.Count == 0)
        {
            problems.Error("ATTENDANCE_UNREADABLE", file, "The attendance register has no sheet.", file);
            return null;
        }

        foreach (var sheet in candidates)
        {
            foreach (var header in sheet.Rows.Take(10))
            {
                var columns = header.Cells.Select(c => VietnameseText.Fold(c)).ToList();

                // Names in order of preference: "Trạng thái" wins over "Điểm danh lúc" (the export's check-in time).
                int Find(params string[] names) => names
                    .Select(n => columns.FindIndex(c => c == n || c.StartsWith(n + " ", StringComparison.Ordinal)))
                    .FirstOrDefault(i => i >= 0, -1);
                var code = Find("ma dai bieu", "ma db");
                var status = Find("trang thai", "tinh trang", "diem danh");
                if (code < 0 || status < 0)
                {
                    continue;
                }

                var substitute = Find("nguoi du thay", "nguoi duoc cu du thay");
                return ReadRows(file, sheet, header, code, status, substitute, plan, problems);
            }
        }

        problems.Error("ATTENDANCE_COLUMNS", Locations.Join(file, candidates[0].Name), "No header row with 'Mã đại biểu' and 'Trạng thái' in the first 10 rows.", file);
        return null;
    }

    private static AttendanceRecord ReadRows(string file, SheetValues sheet, SheetRow header, int code, int status, int substitute, ConferencePlan plan, ProblemList problems)
    {
        var byCode = plan.Delegates.ToDictionary(d => d.Code, StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var entries = new List<AttendanceEntry>();
        var unknown = new List<ConferenceDelegate>();
        string Name(int column) => header[column] ?? "";
        foreach (var row in sheet.Rows.Where(r => r.Number > header.Number && !r.IsEmpty))
        {
            string At(int column) => column >= 0 ? VietnameseText.Clean(row[column]) : "";
            string Where(int column) => Locations.Row(file, sheet.Name, row.Number, Name(column));
            var id = At(code);
            if (id.Length == 0)
            {
                problems.Error("ATTENDANCE_NO_CODE", Where(code), "A row has no delegate code.");
                continue;
            }

            if (!byCode.TryGetValue(id, out var person))
            {
                problems.Error("ATTENDANCE_UNKNOWN_DELEGATE", Where(code), "The code is not in the plan's delegate list.", id);
                continue;
            }

            if (seen.TryGetValue(person.Code, out var first))
            {
                problems.Error("ATTENDANCE_DUPLICATE", Where(code), "The delegate is recorded twice.", id, first.ToString(CultureInfo.InvariantCulture));
                continue;
            }

            var word = At(status);
            if (Unknown.Contains(VietnameseText.Fold(word).Trim('.', ' ')))
            {
                seen[person.Code] = row.Number;
                unknown.Add(person); // neither answered nor checked in: counted with the delegates the register does not record
                continue;
            }

            if (!Statuses.TryGetValue(VietnameseText.Fold(word).Trim('.', ' '), out var state))
            {
                problems.Error(word.Length == 0 ? "ATTENDANCE_NO_STATUS" : "ATTENDANCE_BAD_STATUS", Where(status), "The status is not Tham dự, Dự thay or Vắng.", word, id);
                continue;
            }

            var stand = At(substitute);
            if (state == RecordedPresence.Represented && stand.Length == 0)
            {
                problems.Error("ATTENDANCE_NO_SUBSTITUTE", substitute >= 0 ? Where(substitute) : Where(status), "Dự thay without the person who stood in.", id);
                continue;
            }

            seen[person.Code] = row.Number;
            entries.Add(new AttendanceEntry(person, state, state == RecordedPresence.Represented ? stand : ""));
        }

        var missing = plan.Delegates.Where(d => !seen.ContainsKey(d.Code) || unknown.Contains(d)).ToList();
        if (missing.Count > 0)
        {
            problems.Warning("ATTENDANCE_NOT_RECORDED", Locations.Join(file, sheet.Name), "Delegates of the plan are not in the register.",
                missing.Count.ToString(CultureInfo.InvariantCulture), string.Join(", ", missing.Take(5).Select(d => d.Code)) + (missing.Count > 5 ? ", …" : ""));
        }

        return new AttendanceRecord(entries, missing, file);
    }
}
