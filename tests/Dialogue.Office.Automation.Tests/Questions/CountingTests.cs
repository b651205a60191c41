using System.Text;
using ClosedXML.Excel;
using Dialogue.Office.Automation.Questions;
using Dialogue.Office.Automation.Tests.Support;
using static Dialogue.Office.Automation.Tests.Questions.QuestionTestKit;

namespace Dialogue.Office.Automation.Tests.Questions;

/// <summary>Issue 12, point 1 (counting): each sender once, each file once, readable names, nothing lost.</summary>
public class CountingTests
{
    [Fact]
    public void IdenticalFileUnderTwoNames_TakenOnce_Reported_FilesReconcile()
    {
        using var dir = new TempDir("questions-count-");
        var returns = Directory.CreateDirectory(dir.File("phieu")).FullName;
        File.Copy(Path.Combine(SampleReturns, "luc-yen.xlsx"), Path.Combine(returns, "luc-yen.xlsx"));
        File.Copy(Path.Combine(SampleReturns, "luc-yen.xlsx"), Path.Combine(returns, "luc-yen-gui-lai.xlsx"));
        using var once = new TempDir("questions-count-");
        var single = Merge(once, [Path.Combine(SampleReturns, "luc-yen.xlsx")], SamplePlan);

        var result = Merge(dir, [returns], SamplePlan);

        Assert.Equal(single.Questions, result.Questions);
        Assert.Equal((2, 1, 1, 0), (result.FilesFound, result.FilesRead, result.FilesIdentical, result.FilesRejected));
        Assert.Equal(result.FilesFound, result.FilesRead + result.FilesRejected + result.FilesIdentical);
        var problem = Assert.Single(result.Problems, p => p.Code == "QUESTIONS_FILE_IDENTICAL");
        Assert.Equal("luc-yen.xlsx", problem.Location); // the later name in reading order is the copy
        Assert.Contains("giống hệt tệp \"luc-yen-gui-lai.xlsx\"", problem.Message, StringComparison.Ordinal);
        Assert.Single(Rows(result.OutputPath, "Lỗi và bỏ qua"), r => r[5] == "QUESTIONS_FILE_IDENTICAL");
        var lucYen = Assert.Single(Rows(result.OutputPath, "Thống kê"), r => r[0] == "Ủy ban nhân dân huyện Lục Yên");
        Assert.Equal(single.Questions.ToString(System.Globalization.CultureInfo.InvariantCulture), lucYen[^1]);
        Assert.Equal("luc-yen-gui-lai.xlsx", Assert.Single(result.Tracking, t => t.UnitId == "luc-yen").Files.Single());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void CsvOfNoPlanUnit_OneLineInThongKe_WithItsQuestions(bool withPlan)
    {
        using var dir = new TempDir("questions-count-");
        var csv = dir.File("cau-hoi-gui-so.csv");
        File.Copy(Path.Combine(SampleReturns, "mu-cang-chai.csv"), csv);

        var result = Merge(dir, [csv], withPlan ? SamplePlan : null);

        var stats = Rows(result.OutputPath, "Thống kê");
        var lines = stats.Where(r => (r[0] ?? "").StartsWith("cau-hoi-gui-so", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(lines);
        Assert.Equal("cau-hoi-gui-so", line[0]);
        Assert.Equal(result.Questions.ToString(System.Globalization.CultureInfo.InvariantCulture), line[^1]);
        Assert.Equal(result.Questions, Assert.Single(result.Tracking, t => t.UnitId.Length == 0).Questions);
    }

    [Fact]
    public void FiftyEmptySheets_OneLinePerFile_NoQuestionLost()
    {
        using var dir = new TempDir("questions-count-");
        var path = dir.File("yen-binh.xlsx");
        File.Copy(Path.Combine(SampleReturns, "yen-binh.xlsx"), path);
        using (var workbook = new XLWorkbook(path))
        {
            for (var i = 2; i <= 51; i++)
            {
                workbook.AddWorksheet($"Sheet{i}");
            }

            workbook.Worksheets.Add("Ghi chép").Cell(1, 1).Value = "Danh sách giáo viên dự họp"; // not empty: listed on its own
            workbook.Save();
        }

        using var plain = new TempDir("questions-count-");
        var expected = Merge(plain, [Path.Combine(SampleReturns, "yen-binh.xlsx")], SamplePlan);
        var result = Merge(dir, [path], SamplePlan);

        Assert.Equal(expected.Questions, result.Questions);
        var empty = Assert.Single(result.Problems, p => p.Code == "QUESTIONS_SHEETS_EMPTY");
        Assert.Equal("yen-binh.xlsx", empty.Location);
        Assert.Equal("50 trang trống (không có dữ liệu) nên không lấy: \"Sheet2\", \"Sheet3\", \"Sheet4\", \"Sheet5\", \"Sheet6\" và 45 trang khác.", empty.Message);
        Assert.Single(result.Problems, p => p.Code == "QUESTIONS_SHEET_SKIPPED" && p.Location.EndsWith("Ghi chép", StringComparison.Ordinal));
        var issues = Rows(result.OutputPath, "Lỗi và bỏ qua");
        Assert.Single(issues, r => r[5] == "QUESTIONS_SHEETS_EMPTY");
        Assert.DoesNotContain(issues, r => (r[2] ?? "").Contains("Sheet7", StringComparison.Ordinal));
    }

    [Fact]
    public void DecomposedFileName_WrittenComposed_AndMatchesTheRegister()
    {
        using var dir = new TempDir("questions-count-");
        var returns = Directory.CreateDirectory(dir.File("phieu")).FullName;
        var decomposed = "Lục Yên – câu hỏi.xlsx".Normalize(NormalizationForm.FormD);
        var composed = decomposed.Normalize(NormalizationForm.FormC);
        Assert.NotEqual(composed, decomposed);
        File.Copy(Path.Combine(SampleReturns, "luc-yen.xlsx"), Path.Combine(returns, decomposed));
        File.WriteAllText(Path.Combine(returns, "ngay-nhan.csv"), composed + ";09/04/2023\n", new UTF8Encoding(false));

        var result = Merge(dir, [returns], SamplePlan);

        var source = Rows(result.OutputPath, ConsolidatedWorkbookWriter.MasterSheet).Select(r => r[Column("Nguồn (tệp › trang › dòng)")] ?? "").ToList();
        Assert.NotEmpty(source);
        Assert.All(source, s => Assert.StartsWith(composed, s, StringComparison.Ordinal));
        var unit = Assert.Single(result.Tracking, t => t.UnitId == "luc-yen");
        Assert.Equal(composed, unit.Files.Single());
        Assert.Equal(new DateOnly(2023, 4, 9), unit.Received); // the văn thư's register, typed composed, matches
        Assert.Equal("Sổ nhận phiếu", unit.DateSource);
    }

    [Theory]
    [InlineData("4. Công bằng, chính sách học sinh", "4. Công bằng, chính sách học")]
    [InlineData("8. Khó khăn, vướng mắc", "8. Khó khăn, vướng mắc")]
    [InlineData("9. Đề xuất, kiến nghị khác của cơ sở giáo dục", "9. Đề xuất, kiến nghị khác của")]
    [InlineData("1. Chuyểnđổisốtronggiáodụcvàđàotạo", "1. Chuyểnđổisốtronggiáodụcvàđào")]
    public void SheetTabName_CutAtAWordBoundary(string wanted, string expected)
    {
        var name = ConsolidatedWorkbookWriter.SheetName(wanted, []);

        Assert.Equal(expected, name);
        Assert.True(name.Length <= 31);
        Assert.Equal(expected, ConsolidatedWorkbookWriter.SheetName(wanted, []));
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { expected };
        var second = ConsolidatedWorkbookWriter.SheetName(wanted, used);
        Assert.EndsWith(" (2)", second, StringComparison.Ordinal);
        Assert.True(second.Length <= 31);
    }

    [Fact]
    public void SampleWorkbook_TopicTabsEndOnWholeWords()
    {
        using var dir = new TempDir("questions-count-");
        var result = Merge(dir, [SampleReturns], SamplePlan);

        var names = Dialogue.Office.Automation.Spreadsheets.XlsxReader.SheetNames(result.OutputPath);
        Assert.Contains("4. Công bằng, chính sách học", names);
        Assert.DoesNotContain(names, n => n.EndsWith(" si", StringComparison.Ordinal));
    }
}

/// <summary>Issue 12: a row with no topic reads as Vietnamese ("chưa ghi nhóm vấn đề"), never as <c>Nhóm vấn đề "" trống</c>.</summary>
public class EmptyTopicMessageTests
{
    [Fact]
    public void EmptyTopic_SaysNoTopicWasWritten_NamingFileSheetAndRow_WrongTopicQuotesWhatWasWritten()
    {
        using var dir = new TempDir("questions-topic-");
        var path = dir.File("van-chan.xlsx");
        ReturnedSheetBuilder.Save(path, Simple(
            [1, "Hà Văn Tú", "Giáo viên", "Trường Tiểu học Nghĩa Tâm", "Tiểu học", null, "Đề nghị bổ sung biên chế giáo viên tiểu học cho các điểm trường lẻ.", null, null],
            [2, "Lò Thị Sen", "Giáo viên", "Trường Mầm non Sơn Lương", "Mầm non", null, "Xin hỏi lịch nghỉ hè năm nay thế nào?", null, null],
            [3, "Vì Văn Nhất", "Giáo viên", "Trường THCS Tú Lệ", "THCS", "Nhóm 12", "Xin hỏi lịch nghỉ hè năm nay thế nào ạ, có thay đổi không?", null, null]));

        var result = Merge(dir, [path], SamplePlan);

        var topics = result.Problems.Where(p => p.Code.StartsWith("QUESTIONS_TOPIC_", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, topics.Count);
        Assert.All(topics, p => Assert.DoesNotContain("\"\"", p.Message, StringComparison.Ordinal));
        var suggested = Assert.Single(topics, p => p.Code == "QUESTIONS_TOPIC_EMPTY_SUGGESTED");
        Assert.StartsWith("Câu hỏi chưa ghi nhóm vấn đề; máy gợi ý nhóm 1 theo từ khóa", suggested.Message, StringComparison.Ordinal);
        Assert.StartsWith("van-chan.xlsx › Sheet1 › dòng 7", suggested.Location, StringComparison.Ordinal);
        var unknown = Assert.Single(topics, p => p.Code == "QUESTIONS_TOPIC_EMPTY_UNKNOWN");
        Assert.Equal("Câu hỏi chưa ghi nhóm vấn đề và không gợi ý được; xếp vào \"Chưa phân nhóm\", cần phân loại.", unknown.Message);
        Assert.StartsWith("van-chan.xlsx › Sheet1 › dòng 8", unknown.Location, StringComparison.Ordinal);
        var wrong = Assert.Single(topics, p => p.Code == "QUESTIONS_TOPIC_UNKNOWN");
        Assert.StartsWith("Nhóm vấn đề ghi \"Nhóm 12\" không khớp nhóm nào của kế hoạch", wrong.Message, StringComparison.Ordinal);
    }
}
