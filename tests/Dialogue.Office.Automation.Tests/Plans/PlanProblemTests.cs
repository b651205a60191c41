using System.Text.RegularExpressions;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Plans;

/// <summary>
/// One scenario per problem code of the plan catalog: break one thing in an otherwise valid plan folder and check the
/// code, the place a clerk is sent to, and that the Vietnamese message is complete.
/// </summary>
public sealed partial class PlanProblemTests
{
    private const string Sheet = "dai-bieu.xlsx › Đại biểu";

    private delegate (IReadOnlyList<Problem> Problems, string Location) Scenario(PlanFolderBuilder b);

    private static readonly Dictionary<string, Scenario> Scenarios = new()
    {
        ["PLAN_FOLDER_MISSING"] = b =>
        {
            var missing = Path.Combine(b.Folder, "khong-co");
            return (PlanLoader.Load(missing).Problems, missing);
        },
        ["PLAN_FILE_MISSING"] = b =>
        {
            var empty = Directory.CreateDirectory(b.File("trong")).FullName;
            return (PlanLoader.Load(empty).Problems, Path.Combine(empty, "plan.yaml"));
        },
        ["PLAN_YAML_SYNTAX"] = b =>
        {
            var line = b.Replace("  start: \"07:30\"", "  start: [07:30");
            return (b.Load().Problems, $"plan.yaml:{line}");
        },
        ["PLAN_MISSING_FIELD"] = b => PlanLine(b, "  chair: \"Thường trực Tỉnh ủy; Chủ tịch Ủy ban nhân dân tỉnh\"", "  chair: \"\""),
        ["PLAN_BAD_VALUE"] = b => PlanLine(b, "  form: hybrid", "  form: hop-kin"),
        ["PLAN_BAD_DATE"] = b => PlanLine(b, "  date: 2023-04-25", "  date: 2023-02-30"),
        ["PLAN_BAD_TIME"] = b => PlanLine(b, "  start: \"07:30\"", "  start: \"25:70\""),
        ["PLAN_BAD_NUMBER"] = b => PlanLine(b, "    rows: 18", "    rows: 99"),
        ["PLAN_BAD_CODE"] = b => PlanLine(b, "  code: YB23", "  code: \"YB-2023!\""),
        ["PLAN_UNKNOWN_KEY"] = b =>
        {
            var line = b.InsertAfter("  start: \"07:30\"", "  strat: \"08:00\"");
            return (b.Load().Problems, $"plan.yaml:{line}");
        },
        ["PLAN_DUPLICATE_ID"] = b => PlanLine(b, "  - id: luc-yen", "  - id: nghia-lo"),
        ["PLAN_UNKNOWN_VENUE"] = b => PlanLine(b, "venue: luc-yen, email: \"ubnd.lucyen", "venue: khong-co, email: \"ubnd.lucyen"),
        ["PLAN_UNKNOWN_DEADLINE"] = b => PlanLine(b, "\"ubnd.lucyen@yenbai.gov.vn\", deadline: don-vi", "\"ubnd.lucyen@yenbai.gov.vn\", deadline: khong-co"),
        ["PLAN_DATE_ORDER"] = b => PlanLine(b, "    date: 2023-04-15", "    date: 2023-05-15"),
        ["PLAN_BAD_DOC_NUMBER"] = b => PlanLine(b, "  number: \"125/GM-UBND\"", "  number: \"GM 125\""),
        ["PLAN_DOC_NUMBER_ZERO"] = b => PlanLine(b, "  number: \"125/GM-UBND\"", "  number: \"5/GM-UBND\""),
        ["PLAN_DOC_TYPE"] = b => PlanLine(b, "  number: \"125/GM-UBND\"", "  number: \"125/CV-UBND\""),
        ["PLAN_BAD_URL"] = b => PlanLine(b, "  packet_url: \"https://hoinghi.yenbai.gov.vn/doi-thoai-gddt-2023\"", "  packet_url: \"ftp://hoinghi.yenbai.gov.vn/tai-lieu\""),
        ["PLAN_LAYOUT_MISMATCH"] = b => PlanLine(b, "    blocks: [5, 8, 5]", "    blocks: [5, 8, 4]"),
        ["PLAN_SIGNER_AUTHORITY"] = b => PlanLine(b, "  authority: \"TM. ỦY BAN NHÂN DÂN\"", "  authority: \"THAY MẶT ỦY BAN NHÂN DÂN\""),
        ["PLAN_AUDIENCE_UNKNOWN_KIND"] = b => PlanLine(b, "  kinds: {}", "  kinds: { giay_moi_rieng: leaders }"),
        ["PLAN_AUDIENCE_PERSONAL_DATA"] = b => PlanLine(b, "  kinds: {}", "  kinds: { link_list: delegates }"),
        ["PLAN_AUDIENCE_BAD_EMAIL"] = b => PlanLine(b, "  secretariat: [\"vanphong.sgddt@yenbai.gov.vn\"]", "  secretariat: [\"Văn phòng Sở\"]"),
        ["PLAN_SIGNER_FORM"] = b => PlanLine(b, "  position: \"CHỦ TỊCH\"", "  position: \"PHÓ CHỦ TỊCH\""),
        ["PLAN_CONG_VAN_NUMBER"] = b => PlanLine(b, "  number: \"127/UBND-VX\"", "  number: \"127/CV-UBND\""),
        ["PLAN_ISSUER_UNUSED"] = b =>
        {
            b.Replace("    invites:\n      groups: [\"Ngành\"]\n      venues: [tinh]\n", "");
            return (b.Load().Problems, $"plan.yaml:{b.LineOf("- id: so-gddt\n    parent:")}");
        },
        ["PLAN_DIALOGUE_TIME"] = b => PlanLine(b, "    minutes: 20\n    short_name: \"Đội ngũ\"", "    minutes: 40\n    short_name: \"Đội ngũ\""),
        ["PLAN_NO_DIALOGUE_ITEM"] = b =>
        {
            b.Replace("    dialogue: true\n", "");
            var line = b.LineOf("  - title: \"Văn nghệ chào mừng (3 tiết mục)\"");
            return (b.Load().Problems, $"plan.yaml:{line}");
        },
        ["PLAN_SCAFFOLD_EXISTS"] = b =>
        {
            b.Load();
            return (PlanScaffold.Create(b.Folder).Problems, Path.Combine(b.Folder, "plan.yaml"));
        },
        ["DELEGATES_FILE_MISSING"] = b => PlanLine(b, "delegates: dai-bieu.xlsx", "delegates: danh-sach-khac.xlsx"),
        ["DELEGATES_FILE_TYPE"] = b =>
        {
            b.WriteFile("dai-bieu.txt", "Họ và tên\tCơ quan, đơn vị\n");
            var line = b.Replace("delegates: dai-bieu.xlsx", "delegates: dai-bieu.txt");
            return (b.Load().Problems, $"plan.yaml:{line}");
        },
        ["DELEGATES_FILE_UNREADABLE"] = b =>
        {
            // A package the guarded opener accepts whose workbook points at a sheet it does not have.
            File.WriteAllBytes(b.File("dai-bieu.xlsx"), Inputs.HostileFiles.Workbook("Đại biểu", "", "<a/>").Select(x => x).ToArray());
            using (var zip = new System.IO.Compression.ZipArchive(File.Open(b.File("dai-bieu.xlsx"), FileMode.Open), System.IO.Compression.ZipArchiveMode.Update))
            {
                zip.GetEntry("xl/_rels/workbook.xml.rels")!.Delete();
            }

            return (b.Load().Problems, "dai-bieu.xlsx");
        },
        ["PLAN_YAML_TAB"] = b =>
        {
            var line = b.Replace("  start: \"07:30\"", "\tstart: \"07:30\"");
            return (b.Load().Problems, $"plan.yaml:{line}");
        },
        ["PLAN_YAML_DUPLICATE_KEY"] = b =>
        {
            var line = b.InsertAfter("  start: \"07:30\"", "  start: \"08:00\"");
            return (b.Load().Problems, $"plan.yaml:{line}");
        },
        ["PLAN_YAML_ALIAS"] = b =>
        {
            b.Replace("  code: YB23", "  code: &ma YB23");
            return PlanLine(b, "  chair: \"Thường trực Tỉnh ủy; Chủ tịch Ủy ban nhân dân tỉnh\"", "  chair: *ma");
        },
        ["PLAN_LIST_TOO_LONG"] = b =>
        {
            b.Replace("\nrecipients:\n", "\nrecipients:\n" + string.Concat(Enumerable.Repeat("  - \"Lưu: VT.\"\n", 2_001)));
            return (b.Load().Problems, $"plan.yaml:{b.LineOf("\nrecipients:") + 2}");
        },
        ["PLAN_BAD_CHARACTER"] = b => PlanLine(b, "  chair: \"Thường trực Tỉnh ủy; Chủ tịch Ủy ban nhân dân tỉnh\"", "  chair: \"Chủ tịch \u202eỦy ban nhân dân tỉnh\""),
        ["DELEGATE_CELL_ERROR"] = b => Cells(b, "Cơ quan, đơn vị", Inputs.HostileFiles.Error("E2", "#REF!")),
        ["DELEGATE_FORMULA_NO_VALUE"] = b => Cells(b, "Họ và tên", Inputs.HostileFiles.Formula("C2", "CONCATENATE(\"A\",\"B\")", null)),
        ["DELEGATE_FORMULA_LINK"] = b => Cells(b, "Họ và tên", Inputs.HostileFiles.Formula("C2", "HYPERLINK(\"http://x.vn\",\"Bấm vào đây\")", "Bấm vào đây", "str")),
        ["DELEGATE_FORMULA_NOT_TEXT"] = b => Cells(b, "Chức vụ", Inputs.HostileFiles.Formula("D2", "1+1", "2")),
        ["DELEGATE_FORMULA"] = b => Cells(b, "Chức vụ", Inputs.HostileFiles.Formula("D2", "\"Chuyên \"&\"viên\"", "Chuyên viên", "str")),
        ["DELEGATE_BAD_CHARACTER"] = b => Cells(b, "Họ và tên", Inputs.HostileFiles.Text("C2", "Lê \u202eVăn Bốn")),
        ["DELEGATE_TOO_LONG"] = b => Cells(b, "Họ và tên", Inputs.HostileFiles.Text("C2", "Nguyễn " + new string('A', 5000))),
        ["DELEGATES_TOTALS_ROW_IGNORED"] = b =>
        {
            b.WriteFile("dai-bieu.csv", "Họ và tên,Cơ quan, đơn vị\nNguyễn Văn An,Sở Nội vụ\nTổng cộng: 1 đại biểu,\n".Replace("Cơ quan, đơn vị", "\"Cơ quan, đơn vị\"", StringComparison.Ordinal));
            b.Replace("delegates: dai-bieu.xlsx", "delegates: dai-bieu.csv");
            return (b.Load().Problems, "dai-bieu.csv › dòng 3");
        },
        ["DELEGATES_LIST_STALE"] = b =>
        {
            DelegateWorkbook.Write(b.File("dai-bieu.xlsx"), ["tinh", "huyen-cu"], [PlanFolderBuilder.ValidRow("Nguyễn Văn An", "Giám đốc Sở Nội vụ", "Sở Nội vụ")]);
            return (b.Load().Problems, "dai-bieu.xlsx › Danh mục");
        },
        ["DELEGATES_NO_HEADER"] = b =>
        {
            b.WriteFile("dai-bieu.csv", "Nguyễn Văn An,Sở Nội vụ\nTrần Thị Bình,Sở Tài chính\n");
            b.Replace("delegates: dai-bieu.xlsx", "delegates: dai-bieu.csv");
            return (b.Load().Problems, "dai-bieu.csv");
        },
        ["DELEGATES_MISSING_COLUMN"] = b =>
        {
            b.WriteFile("dai-bieu.csv", "Họ và tên,Chức vụ\nNguyễn Văn An,Giám đốc Sở Nội vụ\n");
            b.Replace("delegates: dai-bieu.xlsx", "delegates: dai-bieu.csv");
            return (b.Load().Problems, "dai-bieu.csv › dòng 1");
        },
        ["DELEGATES_EMPTY"] = b =>
        {
            b.Delegates();
            return (b.Load().Problems, Sheet);
        },
        ["DELEGATE_NO_ADDRESSEE"] = b => Row(b, 3, null, new() { ["email"] = "a@yenbai.gov.vn" }),
        ["DELEGATE_BAD_CODE"] = b => Row(b, 3, "Mã đại biểu", With("code", "YB 23/1")),
        ["DELEGATE_DUPLICATE_CODE"] = b =>
        {
            b.Delegates(With("code", "YB23-0001"), With("code", "YB23-0001", "Trần Thị Bình"));
            return (b.Load().Problems, $"{Sheet} › dòng 3 › Mã đại biểu");
        },
        ["DELEGATE_UNKNOWN_VENUE"] = b => Row(b, 3, "Điểm cầu", With("venue", "huyen-khong-co")),
        ["DELEGATE_UNKNOWN_ROLE"] = b => Row(b, 3, "Vai trò", With("role", "Cố vấn")),
        ["DELEGATE_ROLE_CONTRADICTS_TITLE"] = b => Row(b, 3, "Vai trò", With("role", "Đồng chủ trì")),
        ["DELEGATE_UNKNOWN_ISSUER"] = b => Row(b, 3, "Cơ quan mời", With("issuer", "so-khong-co")),
        ["DELEGATE_BAD_EMAIL"] = b => Row(b, 3, "Email", With("email", "nguyenvanan@yenbai")),
        ["DELEGATE_UNKNOWN_GROUP"] = b => Row(b, 3, "Nhóm", With("group", "Khách mời danh dự")),
        ["DELEGATE_BAD_RANK"] = b => Row(b, 3, "Thứ bậc", With("rank", "hai")),
        ["DELEGATE_TITLE_UNKNOWN"] = b => Row(b, 3, "Chức vụ", With("position", "Cố vấn cao cấp")),
        ["DELEGATE_GROUP_CONTRADICTS_TITLE"] = b => Row(b, 3, "Nhóm", With("group", "Thường trực cấp ủy")),
        ["DELEGATE_HONORIFIC_IN_NAME"] = b => Row(b, 3, "Họ và tên", With("name", "Ông Hà Văn Cường")),
        ["DELEGATE_HONORIFIC_MAPPED"] = b => Row(b, 3, "Danh xưng", With("honorific", "Thầy")),
        ["DELEGATE_BAD_HONORIFIC"] = b => Row(b, 3, "Danh xưng", With("honorific", "Ngài")),
        ["DELEGATE_LEADERSHIP_IN_BODY"] = b =>
        {
            b.Delegates(PlanFolderBuilder.ValidRow("Nguyễn Văn An", "Giám đốc Sở Nội vụ", "Sở Nội vụ"), PlanFolderBuilder.ValidRow("", "", "Lãnh đạo Sở Tài chính"));
            return (b.Load().Problems, $"{Sheet} › dòng 3 › Cơ quan, đơn vị");
        },
        ["DELEGATE_BODY_ALSO_NAMED"] = b =>
        {
            b.Delegates(PlanFolderBuilder.ValidRow("Nguyễn Văn An", "Giám đốc Sở Nội vụ", "Sở Nội vụ"), PlanFolderBuilder.ValidRow("", "", "Sở Nội vụ"));
            return (b.Load().Problems, $"{Sheet} › dòng 3 › Cơ quan, đơn vị");
        },
        ["DELEGATE_DUPLICATE"] = b =>
        {
            b.Delegates(PlanFolderBuilder.ValidRow("Nguyễn Văn An", "Giám đốc Sở Nội vụ", "Sở Nội vụ"),
                PlanFolderBuilder.ValidRow("Nguyễn Văn  An", "Giám đốc Sở Nội vụ", "Sở Nội vụ"));
            return (b.Load().Problems, $"{Sheet} › dòng 3");
        },
    };

    public static TheoryData<string> Codes() => [.. PlanMessages.Vietnamese.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Codes))]
    public void Load_FolderBrokenInOnePlace_ReportsTheCodeWhereTheClerkMustLook(string code)
    {
        Assert.True(Scenarios.ContainsKey(code), $"No scenario for {code}: add one.");
        using var b = new PlanFolderBuilder();
        var (problems, location) = Scenarios[code](b);

        var found = problems.Where(p => p.Code == code).ToList();
        Assert.True(found.Count > 0, $"{code} not reported; got: {string.Join("; ", problems)}");
        Assert.Contains(location, found.Select(p => p.Location));
        foreach (var problem in found)
        {
            Assert.DoesNotContain("{", problem.Message, StringComparison.Ordinal); // every {n} filled
            Assert.False(problem.Message.StartsWith("Lỗi ", StringComparison.Ordinal), $"{code} has no Vietnamese text");
            Assert.Equal(problem.Message.Normalize(System.Text.NormalizationForm.FormC), problem.Message);
        }
    }

    [Fact]
    public void Load_UnbrokenBuilderFolder_HasNoProblems()
    {
        using var b = new PlanFolderBuilder();
        var result = b.Load();
        Assert.Empty(result.Problems);
        Assert.Equal(2, result.Plan!.Delegates.Count);
    }

    [Fact]
    public void Load_UnclosedQuote_ReportsSyntaxInVietnameseWithoutParserJargon()
    {
        using var b = new PlanFolderBuilder();
        var line = b.Replace("  place: \"Yên Bái\"", "  place: \"Yên Bái");

        var result = b.Load();

        var problem = Assert.Single(result.Problems);
        Assert.Equal("PLAN_YAML_SYNTAX", problem.Code);
        Assert.StartsWith("plan.yaml:", problem.Location, StringComparison.Ordinal);
        Assert.InRange(int.Parse(problem.Location["plan.yaml:".Length..], System.Globalization.CultureInfo.InvariantCulture), line, line + 2);
        Assert.StartsWith("Tệp kế hoạch viết sai cú pháp YAML: kiểm tra", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("While", problem.Message, StringComparison.Ordinal);
        Assert.Null(result.Plan);
    }

    [Fact]
    public void Load_ThreeDifferentErrors_ReportsAllThree()
    {
        using var b = new PlanFolderBuilder();
        var dateLine = b.Replace("  date: 2023-04-25", "  date: 2023-13-01");
        var numberLine = b.Replace("  number: \"125/GM-UBND\"", "  number: \"5/GM-UBND\"");
        b.Delegates(PlanFolderBuilder.ValidRow("Nguyễn Văn An", "Giám đốc Sở Nội vụ", "Sở Nội vụ"), With("email", "an@@yenbai.gov.vn"));

        var result = b.Load();

        Assert.True(result.HasErrors);
        var errors = result.Problems.Where(p => p.IsError).Select(p => (p.Code, p.Location)).ToList();
        Assert.Contains(("PLAN_BAD_DATE", $"plan.yaml:{dateLine}"), errors);
        Assert.Contains(("PLAN_DOC_NUMBER_ZERO", $"plan.yaml:{numberLine}"), errors);
        Assert.Contains(("DELEGATE_BAD_EMAIL", $"{Sheet} › dòng 3 › Email"), errors);
        Assert.Throws<ProblemException>(() => result.Require());
    }

    [Fact]
    public void Catalog_EveryCodeRaisedInPlans_HasAVietnameseMessage()
    {
        var folder = Path.Combine(RepoPaths.Root, "automation", "Dialogue.Office.Automation", "Plans");
        var used = Directory.GetFiles(folder, "*.cs")
            .SelectMany(f => RaisedCode().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(used.Count >= 30, $"Scan found only {used.Count} codes: has the way problems are raised changed?");
        AssertNone("raised but without a Vietnamese message", used.Where(c => !PlanMessages.Vietnamese.ContainsKey(c)));
        AssertNone("with a message but never raised", PlanMessages.Vietnamese.Keys.Where(c => !used.Contains(c)));
        AssertNone("without a scenario test", PlanMessages.Vietnamese.Keys.Where(c => !Scenarios.ContainsKey(c)));
    }

    private static void AssertNone(string what, IEnumerable<string> codes)
    {
        var list = codes.ToList();
        Assert.True(list.Count == 0, $"Codes {what}: {string.Join(", ", list)}");
    }

    /// <summary>A delegate list whose row 2 holds the given cell in place of a plain one, so the cell's column is named.</summary>
    private static (IReadOnlyList<Problem>, string) Cells(PlanFolderBuilder b, string column, string cell)
    {
        var reference = cell[(cell.IndexOf("r=\"", StringComparison.Ordinal) + 3)..][..2];
        var row = Inputs.HostileFiles.DelegateRow(2, "YB23-0001", "Nguyễn Văn An", "Chuyên viên", "Sở Nội vụ", "tinh");
        var start = row.IndexOf($"<c r=\"{reference}\"", StringComparison.Ordinal);
        var end = row.IndexOf("</c>", start, StringComparison.Ordinal) + 4;
        File.WriteAllBytes(b.File("dai-bieu.xlsx"), Inputs.HostileFiles.DelegateWorkbook(row[..start] + cell + row[end..],
            Inputs.HostileFiles.DelegateRow(3, "YB23-0002", "Trần Thị Bình", "Chuyên viên", "Sở Tài chính", "tinh")));
        return (b.Load().Problems, $"{Sheet} › dòng 2 › {column}");
    }

    private static (IReadOnlyList<Problem>, string) PlanLine(PlanFolderBuilder b, string text, string replacement)
    {
        var line = b.Replace(text, replacement);
        return (b.Load().Problems, $"plan.yaml:{line}");
    }

    /// <summary>A valid first row, then the row under test (sheet row 3).</summary>
    private static (IReadOnlyList<Problem>, string) Row(PlanFolderBuilder b, int row, string? column, Dictionary<string, string> bad)
    {
        b.Delegates(PlanFolderBuilder.ValidRow("Nguyễn Văn An", "Giám đốc Sở Nội vụ", "Sở Nội vụ"), bad);
        return (b.Load().Problems, column is null ? $"{Sheet} › dòng {row}" : $"{Sheet} › dòng {row} › {column}");
    }

    private static Dictionary<string, string> With(string key, string value, string name = "Lê Thị Cúc")
    {
        var row = PlanFolderBuilder.ValidRow(name, "Trưởng phòng Tổ chức cán bộ", "Sở Giáo dục và Đào tạo");
        row[key] = value;
        return row;
    }

    [GeneratedRegex("""\b(?:Error|Warning)\(\s*"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)"\s*,""")]
    private static partial Regex RaisedCode();
}
