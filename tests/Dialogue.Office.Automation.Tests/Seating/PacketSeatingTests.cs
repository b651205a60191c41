using Dialogue.Office.Automation.Audiences;
using Dialogue.Office.Automation.Invitations;
using Dialogue.Office.Automation.Packets;
using Dialogue.Office.Automation.Programme;
using Dialogue.Office.Automation.Script;
using Dialogue.Office.Automation.Seating;
using Dialogue.Office.Automation.Spreadsheets;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Seating;

public sealed class PacketSeatingTests
{
    [Fact]
    public void Build_SamplePlan_WritesProgrammeScriptAndChartAndPrintsSeatsOnInvitations()
    {
        using var dir = new TempDir();
        var plan = TestPlans.Sample;

        var result = ConferencePacket.Build(new PacketRequest(plan, dir.Path));

        Assert.False(result.HasErrors, string.Join("; ", result.Problems));
        foreach (var (kind, file) in new[] { (OutputKind.Seating, SeatingGenerator.FileName), (OutputKind.Programme, ProgrammeGenerator.FileName), (OutputKind.Script, ScriptGenerator.FileName) })
        {
            Assert.True(File.Exists(Path.Combine(PacketLayout.FolderOf(plan, dir.Path, kind), file)), file);
        }

        // The invitation list shows the seat of every in-person delegate and none for a bridge point.
        var chart = XlsxReader.Read(Path.Combine(PacketLayout.FolderOf(plan, dir.Path, OutputKind.Seating), SeatingGenerator.FileName)).Single(s => s.Name == "Danh sách");
        var seatByCode = chart.Rows.Skip(1).ToDictionary(r => r[5]!, r => r[4]!);
        var list = XlsxReader.Read(Path.Combine(PacketLayout.FolderOf(plan, dir.Path, OutputKind.LinkList), InvitationGenerator.ListFileName))[0];
        var header = list.Rows[0].Cells.ToList();
        var code = header.IndexOf("Mã đại biểu");
        var seat = header.IndexOf("Chỗ ngồi");
        foreach (var row in list.Rows.Skip(1))
        {
            var d = plan.Delegates.Single(x => x.Code == row[code]);
            if (d.VenueId == plan.MainHall.Id)
            {
                Assert.Equal(seatByCode[d.Code], row[seat]);
            }
            else
            {
                Assert.True(string.IsNullOrEmpty(row[seat]));
            }
        }
    }
}
