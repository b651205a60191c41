using Dialogue.Office.Automation.Inputs;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Spreadsheets;
using Dialogue.Office.Automation.Tests.Inputs;
using Dialogue.Office.Automation.Tests.Plans;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Spreadsheets;

/// <summary>
/// The delegate list is read by the guarded raw reader (no Open XML SDK, issue 17). It must give what the SDK-based
/// <see cref="XlsxReader"/> gave on the same checked package: cell texts, formula and error notes, hidden sheets,
/// merged ranges, numbers as stored.
/// </summary>
public class DelegateListRawReaderTests
{
    public static TheoryData<string> Workbooks => new()
    {
        "sample",
        "scaffold",
        "formulas",
        "numbers",
    };

    [Theory]
    [MemberData(nameof(Workbooks))]
    public void ReadValues_SameWorkbook_GivesWhatTheSdkReaderGave(string which)
    {
        var package = GuardedPackage.FromBytes(Make(which), "dai-bieu.xlsx", PackageKind.Workbook, InputLimits.DelegateList);

        var raw = GuardedWorkbookReader.ReadValues(package);
        var sdk = XlsxReader.Read(package);

        Assert.Equal(Describe(sdk), Describe(raw));
        Assert.NotEmpty(raw.SelectMany(s => s.Rows));
    }

    [Fact]
    public void ReadValues_FormulaAndErrorCells_KeepTheirNotes()
    {
        var bytes = HostileFiles.DelegateWorkbook(
            "<row r=\"2\">" + HostileFiles.Text("A2", "1") + HostileFiles.Formula("C2", "CONCATENATE(\"A\",\"B\")", null)
            + HostileFiles.Formula("D2", "1+1", "2") + HostileFiles.Error("E2", "#REF!") + HostileFiles.Formula("F2", "\"tinh\"", "tinh", "str") + "</row>");
        var package = GuardedPackage.FromBytes(bytes, "dai-bieu.xlsx", PackageKind.Workbook, InputLimits.DelegateList);

        var row = GuardedWorkbookReader.ReadValues(package).Single().Rows.Single(r => r.Number == 2);

        Assert.Equal("=CONCATENATE(\"A\",\"B\")", row[2]);
        Assert.Equal(new CellNote(CellKind.FormulaNoValue, "CONCATENATE(\"A\",\"B\")"), row.NoteAt(2));
        Assert.Equal(new CellNote(CellKind.FormulaOther, "1+1"), row.NoteAt(3));
        Assert.Equal(CellKind.Error, row.NoteAt(4)?.Kind);
        Assert.Equal("#REF!", row[4]);
        Assert.Equal(new CellNote(CellKind.FormulaText, "\"tinh\""), row.NoteAt(5));
        Assert.Null(row.NoteAt(0));
    }

    private static byte[] Make(string which) => which switch
    {
        "sample" => File.ReadAllBytes(Path.Combine(RepoPaths.SamplePlan, "dai-bieu.xlsx")),
        "scaffold" => Scaffold(),
        "formulas" => HostileFiles.DelegateWorkbook(
            "<row r=\"2\">" + HostileFiles.Text("A2", "1") + HostileFiles.Formula("C2", "CONCATENATE(\"A\",\"B\")", null) + HostileFiles.Formula("D2", "1+1", "2")
            + HostileFiles.Error("E2", "#N/A") + HostileFiles.Formula("F2", "HYPERLINK(\"http://x.vn\",\"Bấm\")", "Bấm", "str") + "</row>",
            "<row r=\"4\"><c r=\"C4\" t=\"b\"><v>1</v></c><c r=\"D4\" t=\"s\"><v>99</v></c><c r=\"E4\"><f t=\"shared\" si=\"0\"/><v>3</v></c>"
            + HostileFiles.Text("F4", "A &amp; B <c> \u1EC7") + "</row>"),
        _ => HostileFiles.Workbook("Đại biểu", HostileFiles.DelegateHeader
            + "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>45036</v></c><c r=\"C2\"><v>0912345678</v></c><c r=\"D2\" t=\"d\"><v>2023-04-20</v></c></row>"
            + "<row r=\"3\"><c r=\"E3\" t=\"inlineStr\"><is><r><t>Sở </t></r><r><t>Nội vụ</t></r><rPh><t>x</t></rPh></is></c></row>"),
    };

    private static byte[] Scaffold()
    {
        using var dir = new TempDir();
        var path = dir.File("dai-bieu.xlsx");
        DelegateWorkbook.Write(path, ["tinh", "luc-yen"], [PlanFolderBuilder.ValidRow("Nguyễn Văn An", "Giám đốc Sở Nội vụ", "Sở Nội vụ")]);
        return File.ReadAllBytes(path);
    }

    private static List<string> Describe(IReadOnlyList<SheetValues> sheets)
    {
        var lines = new List<string>();
        foreach (var sheet in sheets)
        {
            lines.Add($"sheet {sheet.Name} hidden={sheet.IsHidden} merges={string.Join(";", sheet.Merges)}");
            foreach (var row in sheet.Rows)
            {
                var cells = Enumerable.Range(0, row.Cells.Count).Select(i => row[i] ?? "").ToList();
                while (cells.Count > 0 && cells[^1].Length == 0)
                {
                    cells.RemoveAt(cells.Count - 1);
                }

                var notes = row.Notes is null ? "" : string.Join(";", row.Notes.OrderBy(n => n.Key).Select(n => $"{n.Key}:{n.Value}"));
                lines.Add($"{row.Number}|{string.Join("|", cells)}|{notes}");
            }
        }

        return lines;
    }
}
