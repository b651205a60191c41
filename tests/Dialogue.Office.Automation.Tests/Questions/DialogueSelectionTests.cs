using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Questions;
using Dialogue.Office.Automation.Script;
using Dialogue.Office.Automation.Tests.Support;
using static Dialogue.Office.Automation.Tests.Questions.QuestionTestKit;

namespace Dialogue.Office.Automation.Tests.Questions;

/// <summary>Issue 12, "one selection": the workbook carries it, the script reads it — once, cleaned, one answering body.</summary>
public class DialogueSelectionTests
{
    [Theory]
    [InlineData("+ đề nghị tăng phụ cấp", "Đề nghị tăng phụ cấp.")]
    [InlineData("- Đề nghị sửa trường;", "Đề nghị sửa trường.")]
    [InlineData("=> Kiến nghị hỗ trợ kinh phí", "Kiến nghị hỗ trợ kinh phí.")]
    [InlineData("ĐỀ NGHỊ UBND TỈNH BỔ SUNG BIÊN CHẾ GIÁO VIÊN THCS?", "Đề nghị UBND tỉnh bổ sung biên chế giáo viên THCS?")]
    [InlineData("2. Khi nào có nhà công vụ?", "Khi nào có nhà công vụ?")]
    [InlineData("1.5 triệu đồng một tháng là quá thấp", "1.5 triệu đồng một tháng là quá thấp.")]
    [InlineData("  hướng dẫn thu, chi ngoài học phí  ", "Hướng dẫn thu, chi ngoài học phí.")]
    public void Clean_ForReadingAloud(string raw, string spoken) => Assert.Equal(spoken, DialogueSelection.Clean(raw));

    [Fact]
    public void Askers_OneWordNameIsNotReadAsAPerson_AndSimilarOnesAreCounted()
    {
        var a = new QuestionRecord { FileName = "a", Sheet = "s", Row = 1, Asker = "Nguyễn Văn An", Workplace = "Trường THCS Mồ Dề" };
        var b = new QuestionRecord { FileName = "b", Sheet = "s", Row = 1, Asker = "Bé", Workplace = "Trường Mầm non Hoa Sen" };

        Assert.Equal("đồng chí Nguyễn Văn An (Trường THCS Mồ Dề) và 3 ý kiến tương tự", DialogueSelection.Askers(a, [b, b, b]));
        Assert.Equal("ý kiến của Trường Mầm non Hoa Sen", DialogueSelection.Askers(b, []));
    }

    [Fact]
    public void Sample_ScriptReadsEachSelectedQuestionOnce_Cleaned_WithTheWorkbooksAnsweringBody()
    {
        using var dir = new TempDir("questions-selection-");
        var result = Merge(dir, [SampleReturns], SamplePlan);
        var master = Rows(result.OutputPath, ConsolidatedWorkbookWriter.MasterSheet);
        var chosen = master.Where(r => r[Column("Chọn")] == "x").ToList();
        var groups = master.Where(r => (r[Column("Nhóm trùng")] ?? "").Length > 0).GroupBy(r => r[Column("Nhóm trùng")]).ToList();
        Assert.NotEmpty(groups);
        Assert.All(groups, g => Assert.Single(g, r => r[Column("Chọn")] == "x")); // one per duplicate group
        Assert.Equal(master.Count - groups.Sum(g => g.Count() - 1), chosen.Count);

        var problems = new ProblemList();
        var read = SelectedQuestionReader.Read(result.OutputPath, SamplePlan, problems)!;

        Assert.Empty(problems.Items);
        Assert.Equal(chosen.Count, read.Count);
        Assert.Equal(read.Count, read.Select(q => q.Text).Distinct().Count());
        Assert.All(read, q =>
        {
            Assert.Matches(@"^\p{Lu}", q.Text);
            Assert.Matches(@"[.?!…)]$", q.Text);
            Assert.DoesNotMatch(@"^[-+=>•]", q.Text);
            Assert.NotEqual(q.Text.ToUpperInvariant(), q.Text);
            Assert.DoesNotContain(", Bé", q.Asker, StringComparison.Ordinal);
        });
        for (var i = 0; i < chosen.Count; i++)
        {
            Assert.Equal(chosen[i][Column("Cơ quan chủ trì trả lời")], read[i].Department); // one answering body, the workbook's
            Assert.Equal(chosen[i][Column("Câu hỏi đưa ra đối thoại")], read[i].Text);
        }

        var repeated = read.Single(q => q.Asker.Contains("ý kiến tương tự", StringComparison.Ordinal) && q.Asker.Contains(" 3 ", StringComparison.Ordinal));
        Assert.StartsWith("đồng chí", repeated.Asker, StringComparison.Ordinal);
    }

    [Fact]
    public void ClerkUnselectsARow_TheScriptNoLongerReadsIt()
    {
        using var dir = new TempDir("questions-selection-");
        var result = Merge(dir, [SampleReturns], SamplePlan);
        var before = SelectedQuestionReader.Read(result.OutputPath, SamplePlan, new ProblemList())!;
        using (var workbook = new ClosedXML.Excel.XLWorkbook(result.OutputPath))
        {
            var sheet = workbook.Worksheet(ConsolidatedWorkbookWriter.MasterSheet);
            var row = sheet.RowsUsed().First(r => r.Cell(Column("Chọn") + 1).GetString() == "x" && r.RowNumber() > ConsolidatedWorkbookWriter.HeaderRow);
            row.Cell(Column("Chọn") + 1).Value = "";
            row.Cell(Column("Câu hỏi đưa ra đối thoại") + 1).Value = "ignored";
            workbook.Save();
        }

        var after = SelectedQuestionReader.Read(result.OutputPath, SamplePlan, new ProblemList())!;

        Assert.Equal(before.Count - 1, after.Count);
        Assert.DoesNotContain(after, q => q.Text == before[0].Text);
    }
}
