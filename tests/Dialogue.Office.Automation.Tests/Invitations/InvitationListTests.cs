using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Dialogue.Office.Automation.Invitations;
using Dialogue.Office.Automation.Spreadsheets;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Invitations;

/// <summary>The list of invitations and their links (written as streamed markup since issue 17, without the Open XML SDK).</summary>
public sealed class InvitationListTests
{
    [Fact]
    public void WriteList_ValuesStartingLikeFormulas_StayTextAndTheWorkbookValidates()
    {
        var plan = TestPlans.Sample;
        string[] hostile = ["=1+1", "+SUM(A1:A2)", "-2+3", "@cmd|' /C calc'!A0"];
        var invited = plan.Delegates[0] with { AddresseeOverride = hostile[0], Email = hostile[3] };
        var skipped = plan.Delegates[1];
        using var tmp = new TempDir();
        var path = tmp.File(InvitationGenerator.ListFileName);

        InvitationGenerator.WriteList(plan, [new GeneratedInvitation(invited, hostile[1], hostile[2])], [skipped],
            new Dictionary<string, string> { [invited.Code] = "Hàng A – Ghế 05" }, path);

        var errors = DocxInspector.ValidateSpreadsheet(path);
        Assert.True(errors.Count == 0, DocxInspector.Describe(errors));
        var sheet = XlsxReader.Read(path).Single();
        Assert.Equal("Giấy mời", sheet.Name);
        Assert.Equal<string?>(["STT", "Mã đại biểu", "Kính gửi", "Nhóm", "Điểm cầu", "Chỗ ngồi", "Email", "Tệp giấy mời", "Đường dẫn trong mã QR", "Ghi chú", "Cơ quan mời"],
            sheet.Rows[0].Cells);
        var row = sheet.Rows[1];
        Assert.Null(row.Notes);
        Assert.Equal<string?>(["1", invited.Code, hostile[0]], row.Cells.Take(3));
        Assert.Equal<string?>(["Hàng A – Ghế 05", hostile[3], hostile[1], hostile[2]], row.Cells.Skip(5).Take(4));
        Assert.Equal("Người ký giấy mời: không lập giấy mời", sheet.Rows[2][9]);

        // No formula anywhere, every filled cell an inline string; header frozen and filtered over the whole list.
        using var doc = SpreadsheetDocument.Open(path, false);
        var worksheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
        Assert.Empty(worksheet.Descendants<CellFormula>());
        Assert.All(worksheet.Descendants<Cell>().Where(c => c.InlineString is not null), c => Assert.Equal(CellValues.InlineString, c.DataType!.Value));
        Assert.Equal(4, worksheet.Descendants<Cell>().Count(c => c.InlineString?.InnerText is { } t && hostile.Contains(t)));
        Assert.Equal("A1:K3", worksheet.Descendants<AutoFilter>().Single().Reference!.Value);
        Assert.Equal(PaneStateValues.Frozen, worksheet.Descendants<Pane>().Single().State!.Value);
    }
}
