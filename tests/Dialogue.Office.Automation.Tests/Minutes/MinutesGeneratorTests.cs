using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Minutes;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Minutes;

public sealed class MinutesGeneratorTests
{
    private static ConferencePlan Plan => TestPlans.Sample;

    internal static string SampleQuestions => Path.Combine(RepoPaths.SamplePlan, "sau-hoi-nghi", "cau-hoi-doi-thoai.xlsx");

    private static MinutesRequest Request(string dir) => new(Plan, dir)
    {
        QuestionsPath = SampleQuestions,
        Secretary = new MinutesSecretary("Nguyễn Thị Thu Hà", "Chuyên viên Văn phòng Ủy ban nhân dân tỉnh"),
    };

    [Fact]
    public void Generate_SampleWithChosenQuestions_FieldsOfMau19InOrder()
    {
        using var dir = new TempDir("after-minutes-");
        var result = MinutesGenerator.Generate(Request(dir.Path));

        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        var text = DocxText.Paragraphs(result.Path!);
        Assert.Contains("Số:       /BB-UBND", text);
        // Mẫu 1.9 has no place/date line.
        Assert.DoesNotContain(text, t => t.StartsWith(Plan.Issuer.Place + ", ngày", StringComparison.Ordinal));
        string[] fields = ["BIÊN BẢN", "Thời gian bắt đầu: ", "Địa điểm: ", "Thành phần tham dự:", "Chủ trì (chủ tọa): ", "Thư ký (người ghi biên bản): ", "Nội dung (theo diễn biến Hội nghị):", "Hội nghị kết thúc vào "];
        var positions = fields.Select(f => text.FindIndex(t => t.StartsWith(f, StringComparison.Ordinal))).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains(text, t => t.StartsWith("Thời gian bắt đầu: 07 giờ 30 phút, thứ Ba, ngày 25 tháng 4 năm 2023", StringComparison.Ordinal));
        Assert.EndsWith("./.", text[positions[^1]], StringComparison.Ordinal);
        Assert.Contains("Thư ký (người ghi biên bản): Nguyễn Thị Thu Hà, Chuyên viên Văn phòng Ủy ban nhân dân tỉnh.", text);
        Assert.Contains("THƯ KÝ", text);
        Assert.Contains("CHỦ TỌA", text);
        Assert.Contains("- Lưu: VT, Hồ sơ.", text);
        // Every presidium member by name.
        Assert.All(Plan.Delegates.Where(d => d.IsPresidium), d => Assert.Contains(text, t => t.Contains(d.FullName, StringComparison.Ordinal)));
    }

    [Fact]
    public void Generate_SampleWithChosenQuestions_EachQuestionHeadedByAskerWithAnswererAndAControl()
    {
        using var dir = new TempDir("after-minutes-");
        var problems = new ProblemList();
        var questions = MinutesQuestionReader.Read(SampleQuestions, Plan, problems)!;
        Assert.Equal(14, questions.Count);
        Assert.Empty(problems.Items);

        var result = MinutesGenerator.Generate(Request(dir.Path));

        var text = DocxText.Paragraphs(result.Path!);
        foreach (var q in questions)
        {
            var heading = text.FindIndex(t => t.Contains($"(mã {q.Id}): {q.Asker}, {q.Unit}", StringComparison.Ordinal));
            Assert.True(heading >= 0, q.Id);
            Assert.Equal("Nội dung: " + q.Text, text[heading + 1]);
            Assert.Equal($"Cơ quan trả lời: {q.Department}.", text[heading + 2]);
        }

        using var doc = WordprocessingDocument.Open(result.Path!, false);
        var tags = doc.MainDocumentPart!.Document.Descendants<SdtBlock>().Select(s => s.SdtProperties!.GetFirstChild<Tag>()!.Val!.Value!).ToList();
        Assert.All(questions, q => Assert.Contains($"BienBan.TraLoi.{MinutesDocument.SafeTag(q.Id)}", tags));
        Assert.Equal(tags.Count, tags.Distinct().Count());
        // Topics without a chosen question keep a control of their own; every other programme item has one.
        var topicsWithout = Plan.Topics.Count(t => questions.All(q => q.TopicNumber != t.Number));
        Assert.Equal(questions.Count + topicsWithout + Plan.Programme.Count - 1, tags.Count);

        // Topic headings follow the plan's order.
        var topicLines = text.Where(t => t.Contains(") Nhóm vấn đề ", StringComparison.Ordinal)).ToList();
        Assert.Equal(Plan.Topics.OrderBy(t => t.Number).Select(t => t.Number), topicLines.Select(t => int.Parse(t.Split("Nhóm vấn đề ")[1].Split(':')[0], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Generate_Sample_Nd30CleanValidAndConvertsWithLibreOffice()
    {
        using var dir = new TempDir("after-minutes-");
        var result = MinutesGenerator.Generate(Request(dir.Path));

        Assert.Empty(DocxText.ValidationErrors(result.Path!));
        var report = Nd30Checker.Check(result.Path!);
        Assert.True(!report.Errors.Any(), string.Join("; ", report.Errors.Select(f => f.Code + " " + f.Location)));
        var pdf = ExternalTools.ConvertWithLibreOffice(result.Path!, Path.Combine(dir.Path, "pdf"));
        Assert.True(new FileInfo(pdf).Length > 10_000);
    }

    [Fact]
    public void Generate_NoSecretaryNoQuestions_WarnsAndLeavesControlsPerTopic()
    {
        using var dir = new TempDir("after-minutes-");
        var result = MinutesGenerator.Generate(new MinutesRequest(Plan, dir.Path));

        Assert.Equal("MINUTES_NO_SECRETARY", Assert.Single(result.Problems).Code);
        using var doc = WordprocessingDocument.Open(result.Path!, false);
        var tags = doc.MainDocumentPart!.Document.Descendants<SdtElement>().Select(s => s.SdtProperties!.GetFirstChild<Tag>()!.Val!.Value!).ToList();
        Assert.Contains("BienBan.ThuKy", tags);
        Assert.Equal(Plan.Topics.Count, tags.Count(t => t.StartsWith("BienBan.DoiThoai.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Generate_QuestionFileNotAWorkbook_VietnameseErrorNamingTheFileAndNoDocument()
    {
        using var dir = new TempDir("after-minutes-");
        var bad = Path.Combine(dir.Path, "cau-hoi.xlsx");
        File.WriteAllText(bad, "không phải tệp Excel");

        var result = MinutesGenerator.Generate(new MinutesRequest(Plan, Path.Combine(dir.Path, "out")) { QuestionsPath = bad });

        Assert.Null(result.Path);
        var error = Assert.Single(result.Problems, p => p.IsError);
        Assert.Contains("cau-hoi.xlsx", error.Location, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "out")));
        Assert.NotEmpty(ProblemMessages.Vietnamese(error));
    }

    [Fact]
    public void Attendance_PositionNamesTheOrganization_NotRepeated()
    {
        Assert.True(MinutesDocument.Repeats("Giám đốc Sở Nội vụ", "Sở Nội vụ"));
        Assert.True(MinutesDocument.Repeats("Bí thư Tỉnh ủy", "Tỉnh ủy Yên Bái"));
        Assert.False(MinutesDocument.Repeats("Chủ tịch", "Công đoàn ngành Giáo dục"));
    }
}
