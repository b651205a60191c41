using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Minutes;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Spreadsheets;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Minutes;

/// <summary>The attendance register as an input to the minutes: who came, who stood in for whom, who was absent.</summary>
public sealed class AttendanceTests
{
    private static ConferencePlan Plan => TestPlans.Sample;

    internal static string SampleRegister => Path.Combine(RepoPaths.SamplePlan, "sau-hoi-nghi", "diem-danh.xlsx");

    private static readonly (string Header, double Width)[] Columns = [("Mã đại biểu", 14), ("Trạng thái", 12), ("Người dự thay", 40)];

    [Fact]
    public void Read_SampleRegister_EveryDelegateRecordedWithTheStandInsAndAbsences()
    {
        var problems = new ProblemList();

        var register = AttendanceReader.Read(SampleRegister, Plan, problems)!;

        Assert.Empty(problems.Items);
        Assert.Equal(Plan.Delegates.Count, register.Entries.Count);
        Assert.Empty(register.NotRecorded);
        Assert.Equal(["YB23-0021", "YB23-0043", "YB23-0070"], register.With(RecordedPresence.Represented).Select(e => e.Delegate.Code));
        Assert.Equal(["YB23-0030", "YB23-0120", "YB23-0201"], register.With(RecordedPresence.Absent).Select(e => e.Delegate.Code));
        Assert.Equal("Bà Nguyễn Thị Minh, Phó Giám đốc Sở Tài chính", register.Entries.Single(e => e.Delegate.Code == "YB23-0021").Substitute);
    }

    [Fact]
    public void Generate_WithTheRegister_ThanhPhanSaysWhoCameWhoStoodInForWhomAndWhoWasAbsent()
    {
        using var dir = new TempDir("after-attendance-");
        var result = MinutesGenerator.Generate(new MinutesRequest(Plan, dir.Path)
        {
            AttendancePath = SampleRegister,
            QuestionsPath = MinutesGeneratorTests.SampleQuestions,
            Secretary = new MinutesSecretary("Nguyễn Thị Thu Hà", "Chuyên viên Văn phòng Ủy ban nhân dân tỉnh"),
        });

        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        var text = DocxText.Paragraphs(result.Path!);
        var from = text.IndexOf("Thành phần tham dự:");
        var to = text.FindIndex(t => t.StartsWith("Số đại biểu có mặt: ", StringComparison.Ordinal));
        var part = text[from..to];

        // The presidium member who sent a deputy is named through the deputy; the others by name.
        Assert.Contains("- Bà Nguyễn Thị Minh, Phó Giám đốc Sở Tài chính (dự thay Đồng chí Lại Thị Thủy, Giám đốc Sở Tài chính);", part);
        Assert.Contains(part, t => t.StartsWith("- Đồng chí Trần Huy Tuấn, ", StringComparison.Ordinal));
        Assert.DoesNotContain(part, t => t.StartsWith("- Đồng chí Lại Thị Thủy", StringComparison.Ordinal));

        // Counts per venue equal plain arithmetic on the register.
        bool AtMain(ConferenceDelegate d) => string.Equals(d.VenueId, Plan.MainHall.Id, StringComparison.OrdinalIgnoreCase);
        string[] absent = ["YB23-0030", "YB23-0120", "YB23-0201"];
        var main = Plan.Delegates.Where(d => AtMain(d) && !d.IsPresidium).ToList();
        var remote = Plan.Delegates.Where(d => !AtMain(d)).ToList();
        Assert.Contains(part, t => t.StartsWith($"- Tại điểm cầu {Plan.MainHall.Name}: {main.Count(d => !absent.Contains(d.Code))}/{main.Count} đại biểu có mặt (được mời theo Giấy mời số", StringComparison.Ordinal));
        Assert.Contains(part, t => t.Contains($": {remote.Count(d => !absent.Contains(d.Code))}/{remote.Count} đại biểu được mời có mặt", StringComparison.Ordinal));

        // Each other stand-in with whom they replaced, each absence by name.
        var standIns = part.IndexOf("- Đại biểu dự thay (02):");
        Assert.True(standIns > 0, string.Join("\n", part));
        Assert.Equal("+ Ông Nguyễn Mạnh Hà, Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thành phố Yên Bái dự thay Đồng chí Trần Văn Tùng, Chủ tịch Ủy ban nhân dân thành phố Yên Bái;", part[standIns + 1]);
        Assert.StartsWith("+ Ông Hờ A Tủa, Phó Chủ tịch Ủy ban nhân dân huyện Mù Cang Chải dự thay Đồng chí Giàng A Chứ", part[standIns + 2], StringComparison.Ordinal);
        var away = part.IndexOf("- Vắng mặt (03):");
        Assert.Equal("+ Đồng chí Đào Mạnh Sơn, Phó Giám đốc Công an tỉnh;", part[away + 1]);
        Assert.EndsWith(".", part[^1], StringComparison.Ordinal);
        Assert.Equal(3, part.Count(t => t.StartsWith("+ ", StringComparison.Ordinal) && part.IndexOf(t) > away));

        Assert.Equal($"Số đại biểu có mặt: {Plan.Delegates.Count - 3}/{Plan.Delegates.Count} đại biểu được mời (theo bảng điểm danh), trong đó 03 đại biểu dự thay.", text[to]);
        // No control left for the number present: the register gave it.
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(result.Path!, false))
        {
            var tags = doc.MainDocumentPart!.Document.Descendants<DocumentFormat.OpenXml.Wordprocessing.Tag>().Select(t => t.Val?.Value).ToList();
            Assert.DoesNotContain("BienBan.CoMat", tags);
        }

        Assert.Empty(DocxText.ValidationErrors(result.Path!));
        Assert.False(Nd30Checker.Check(result.Path!).Errors.Any());
        var pdf = ExternalTools.ConvertWithLibreOffice(result.Path!, Path.Combine(dir.Path, "pdf"));
        Assert.True(new FileInfo(pdf).Length > 10_000);
    }

    [Fact]
    public void Read_SimpleSheetWithBadRows_EachReportedInVietnameseWithRowAndColumnAndNoMinutes()
    {
        using var dir = new TempDir("after-attendance-");
        var path = Path.Combine(dir.Path, "diem-danh.xlsx");
        SimpleXlsxWriter.Write(path, new SimpleSheet("Sheet1", Columns,
        [
            ["YB23-0001", "Tham dự", ""],
            ["YB23-9999", "Tham dự", ""],
            ["YB23-0002", "đến muộn", ""],
            ["YB23-0003", "Dự thay", ""],
            ["YB23-0001", "Vắng", ""],
            ["", "Tham dự", ""],
            ["YB23-0004", "", ""],
            ["yb23-0005", "vắng mặt", ""],
        ]));

        var result = MinutesGenerator.Generate(new MinutesRequest(Plan, Path.Combine(dir.Path, "out")) { AttendancePath = path });

        Assert.Null(result.Path);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "out")));
        var errors = result.Problems.Where(p => p.IsError).ToList();
        Assert.Equal(
            ["ATTENDANCE_UNKNOWN_DELEGATE", "ATTENDANCE_BAD_STATUS", "ATTENDANCE_NO_SUBSTITUTE", "ATTENDANCE_DUPLICATE", "ATTENDANCE_NO_CODE", "ATTENDANCE_NO_STATUS"],
            errors.Select(e => e.Code));
        Assert.Equal("diem-danh.xlsx › Sheet1 › dòng 3 › Mã đại biểu", errors[0].Location);
        Assert.Equal("diem-danh.xlsx › Sheet1 › dòng 4 › Trạng thái", errors[1].Location);
        Assert.Equal("diem-danh.xlsx › Sheet1 › dòng 5 › Người dự thay", errors[2].Location);
        Assert.Equal("Mã đại biểu \"YB23-9999\" không có trong danh sách đại biểu của hội nghị.", ProblemMessages.Vietnamese(errors[0]));
        Assert.Equal("Trạng thái \"đến muộn\" của đại biểu YB23-0002 không hợp lệ: ghi Tham dự, Dự thay hoặc Vắng.", ProblemMessages.Vietnamese(errors[1]));
        Assert.Equal("Đại biểu YB23-0001 đã được điểm danh ở dòng 2; mỗi đại biểu chỉ ghi một dòng.", ProblemMessages.Vietnamese(errors[3]));
        Assert.All(errors, e => Assert.DoesNotContain("{", ProblemMessages.Vietnamese(e), StringComparison.Ordinal));
        // The rows without errors were read (a lower-case code, "vắng mặt"); the rest of the plan is not recorded.
        var notRecorded = Assert.Single(result.Problems, p => p.Code == "ATTENDANCE_NOT_RECORDED");
        Assert.False(notRecorded.IsError);
        Assert.StartsWith($"Bảng điểm danh chưa có {Plan.Delegates.Count - 2} đại biểu", ProblemMessages.Vietnamese(notRecorded), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PartialRegister_WarnsAndTheMinutesSayHowManyAreUnrecorded()
    {
        using var dir = new TempDir("after-attendance-");
        var path = Path.Combine(dir.Path, "diem-danh.xlsx");
        SimpleXlsxWriter.Write(path, new SimpleSheet("Điểm danh", Columns,
            Plan.Delegates.Take(200).Select(d => (IReadOnlyList<string?>)[d.Code, "Tham dự", ""]).ToList()));

        var result = MinutesGenerator.Generate(new MinutesRequest(Plan, dir.Path) { AttendancePath = path, Secretary = new MinutesSecretary("Nguyễn Thị Thu Hà") });

        Assert.Equal("ATTENDANCE_NOT_RECORDED", Assert.Single(result.Problems).Code);
        var text = DocxText.Paragraphs(result.Path!);
        Assert.Contains($"- Chưa có thông tin điểm danh: {Plan.Delegates.Count - 200} đại biểu.", text);
        Assert.Contains($"Số đại biểu có mặt: 200/{Plan.Delegates.Count} đại biểu được mời (theo bảng điểm danh).", text);
    }

    [Fact]
    public void Read_SheetWithoutTheColumns_NamesThemAndTheFile()
    {
        using var dir = new TempDir("after-attendance-");
        var path = Path.Combine(dir.Path, "so-diem-danh.xlsx");
        SimpleXlsxWriter.Write(path, new SimpleSheet("Sổ", [("Họ và tên", 20), ("Có mặt", 10)], [["Đỗ Quang Hùng", "x"]]));
        var problems = new ProblemList();

        Assert.Null(AttendanceReader.Read(path, Plan, problems));

        var error = Assert.Single(problems.Items);
        Assert.Equal("ATTENDANCE_COLUMNS", error.Code);
        Assert.Equal("so-diem-danh.xlsx › Sổ", error.Location);
        Assert.Contains("\"Mã đại biểu\"", ProblemMessages.Vietnamese(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotAWorkbook_UnreadableNamingTheFile()
    {
        using var dir = new TempDir("after-attendance-");
        var path = Path.Combine(dir.Path, "diem-danh.xlsx");
        File.WriteAllText(path, "không phải tệp Excel");
        var problems = new ProblemList();

        Assert.Null(AttendanceReader.Read(path, Plan, problems));

        var error = Assert.Single(problems.Items);
        Assert.True(error.IsError);
        Assert.Contains("diem-danh.xlsx", error.Location, StringComparison.Ordinal);
    }
}
