using Dialogue.Office.Automation.Diagnostics;

namespace Dialogue.Office.Automation.Tests.Diagnostics;

public sealed class ProblemOrderTests
{
    [Fact]
    public void Sort_FilesInFirstSeenOrder_ThenLinesAndRowsAsNumbers_SamePlaceKeepsItsOrder()
    {
        Problem[] problems =
        [
            Problem.Error("B", "plan.yaml:17", ""),
            Problem.Warning("D", "dai-bieu.xlsx › Đại biểu › dòng 40 › Thứ bậc", ""),
            Problem.Warning("A", "plan.yaml:9", ""),
            Problem.Error("E", "dai-bieu.xlsx › Đại biểu › dòng 12 › Email", ""),
            Problem.Error("C", "plan.yaml:17", ""),
            Problem.Warning("F", "dai-bieu.xlsx › Đại biểu › dòng 12 › Thứ bậc", ""),
            Problem.Error("G", "plan.yaml", ""),
        ];

        var sorted = ProblemOrder.Sort(problems).Select(p => p.Code);

        Assert.Equal(["G", "A", "B", "C", "E", "F", "D"], sorted);
    }

    [Theory]
    [InlineData("plan.yaml:12", "plan.yaml", 12, null, null, null)]
    [InlineData("plan.yaml", "plan.yaml", null, null, null, null)]
    [InlineData("dai-bieu.xlsx › Đại biểu › dòng 17 › Email", "dai-bieu.xlsx", null, "Đại biểu", 17, "Email")]
    [InlineData("bao-cao-cau-hoi (1).xlsx", "bao-cao-cau-hoi (1).xlsx", null, null, null, null)]
    [InlineData("luc-yen.xlsx › Câu hỏi › dòng 10", "luc-yen.xlsx", null, "Câu hỏi", 10, null)]
    [InlineData("ngay-nhan.csv:3", "ngay-nhan.csv", 3, null, null, null)]
    [InlineData("Ủy ban nhân dân huyện Trạm Tấu", null, null, null, null, null)]
    [InlineData("giay-moi.docx › đoạn 12 «Kính gửi…»", "giay-moi.docx", null, null, null, null)]
    public void Parse_HouseLocations_GiveBackTheirParts(string location, string? file, int? line, string? sheet, int? row, string? field)
    {
        Assert.Equal(new LocationParts(file, line, sheet, row, field), LocationParts.Parse(location));
    }

    [Theory]
    [InlineData("dòng 9", "dòng 17", -1)]
    [InlineData("dòng 017", "dòng 17", 0)]
    [InlineData("Câu hỏi › dòng 10", "Câu hỏi › dòng 9", 1)]
    [InlineData("a", "b", -1)]
    [InlineData("dòng 2", "dòng 2 › Email", -1)]
    public void NaturalComparer_ComparesDigitRunsAsNumbers(string x, string y, int sign)
    {
        Assert.Equal(sign, Math.Sign(NaturalComparer.Instance.Compare(x, y)));
    }
}
