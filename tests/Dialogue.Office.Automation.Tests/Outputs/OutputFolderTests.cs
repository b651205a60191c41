using Dialogue.Office.Automation.Outputs;
using Dialogue.Office.Automation.Packets;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Tests.Plans;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Outputs;

public sealed class OutputFolderTests
{
    [Fact]
    public void Build_AfterADelegateIsRemoved_LeavesExactlyTheCurrentLetters()
    {
        using var b = new PlanFolderBuilder();
        b.Delegates(
            With("YB23-0001", "Nguyễn Văn An"), With("YB23-0002", "Trần Thị Bình"), With("YB23-0003", "Lê Văn Cường"),
            With("YB23-0004", "Phạm Thị Dung"));
        using var output = new TempDir();
        var first = ConferencePacket.Build(new PacketRequest(b.Load().Require(), output.Path));
        Assert.False(first.HasErrors, string.Join("; ", first.Problems.Where(p => p.IsError)));
        Assert.Equal(4, Letters(output.Path).Count);

        // Lê Văn Cường is removed; Phạm Thị Dung moves up a row and keeps her code, so her file keeps its name.
        b.Delegates(With("YB23-0001", "Nguyễn Văn An"), With("YB23-0002", "Trần Thị Bình"), With("YB23-0004", "Phạm Thị Dung"));
        var second = ConferencePacket.Build(new PacketRequest(b.Load().Require(), output.Path));
        Assert.False(second.HasErrors);
        Assert.Equal(["YB23-0001-Nguyen-Van-An.docx", "YB23-0002-Tran-Thi-Binh.docx", "YB23-0004-Pham-Thi-Dung.docx"], Letters(output.Path));
        Assert.Empty(Directory.EnumerateFiles(output.Path, AtomicFile.TempPrefix + "*", SearchOption.AllDirectories));
        var manifest = OutputFolder.Manifest(output.Path);
        Assert.DoesNotContain(manifest, e => e.Path.Contains("0003", StringComparison.Ordinal));
        Assert.Contains(manifest, e => e.Path == "thu-ky/giay-moi/YB23-0004-Pham-Thi-Dung.docx" && e.Step == "invitations");
    }

    [Fact]
    public void Commit_StaleFileEditedSinceOrNotWritten_IsKept()
    {
        using var dir = new TempDir();
        var folder = OutputFolder.Open(dir.Path, null);
        File.WriteAllText(dir.File("a.docx"), "a");
        File.WriteAllText(dir.File("b.docx"), "b");
        folder.Record("invitations", "a.docx", "b.docx");
        folder.Commit(["invitations"]);
        File.WriteAllText(dir.File("b.docx"), "b, edited by the clerk");
        File.WriteAllText(dir.File("ghi-chu.txt"), "the clerk's own file");

        var again = OutputFolder.Open(dir.Path, null);
        var commit = again.Commit(["invitations"]);
        Assert.Equal(["a.docx"], commit.Removed);
        Assert.Equal("OUTPUT_STALE_EDITED", Assert.Single(commit.Problems).Code);
        Assert.True(File.Exists(dir.File("b.docx")));
        Assert.True(File.Exists(dir.File("ghi-chu.txt")));
    }

    [Fact]
    public void Commit_StepThatDidNotComplete_KeepsItsEarlierFiles()
    {
        using var dir = new TempDir();
        var folder = OutputFolder.Open(dir.Path, null);
        File.WriteAllText(dir.File("chuong-trinh.docx"), "p");
        folder.Record("programme", "chuong-trinh.docx");
        folder.Commit(["programme"]);
        Assert.Empty(OutputFolder.Open(dir.Path, null).Commit([]).Removed);
        Assert.True(File.Exists(dir.File("chuong-trinh.docx")));
    }

    [Fact]
    public void Check_FilePlanFolderOrForeignFolder_Refused()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("tep.txt"), "x");
        Directory.CreateDirectory(dir.File("la/ke-hoach"));
        Directory.CreateDirectory(dir.File("cua-nguoi-khac"));
        File.WriteAllText(dir.File("cua-nguoi-khac/bao-cao.docx"), "x");
        Assert.Equal("OUTPUT_IS_FILE", OutputFolder.Check(dir.File("tep.txt"), dir.File("la/ke-hoach"))?.Code);
        Assert.Equal("OUTPUT_IS_PLAN_FOLDER", OutputFolder.Check(dir.File("la/ke-hoach"), dir.File("la/ke-hoach"))?.Code);
        Assert.Equal("OUTPUT_IS_PLAN_FOLDER", OutputFolder.Check(dir.File("la"), dir.File("la/ke-hoach"))?.Code);
        Assert.Equal("OUTPUT_FOREIGN_FOLDER", OutputFolder.Check(dir.File("cua-nguoi-khac"), dir.File("la/ke-hoach"))?.Code);
        Assert.Null(OutputFolder.Check(dir.File("moi"), dir.File("la/ke-hoach")));
        Assert.Null(OutputFolder.Check(dir.File("la/ke-hoach/out"), dir.File("la/ke-hoach")));
    }

    [Fact]
    public void Open_LeftoverTemporaryFileOfAKilledRun_Removed()
    {
        using var dir = new TempDir();
        OutputFolder.Open(dir.Path, null).Commit([]);
        Directory.CreateDirectory(dir.File("giay-moi"));
        File.WriteAllText(dir.File("giay-moi/" + AtomicFile.TempPrefix + "abc.tmp"), "half a letter");
        OutputFolder.Open(dir.Path, null);
        Assert.Empty(Directory.EnumerateFiles(dir.Path, "*.tmp", SearchOption.AllDirectories));
    }

    private static Dictionary<string, string> With(string code, string name)
    {
        var row = PlanFolderBuilder.ValidRow(name, "Chuyên viên", "Sở Nội vụ");
        row["code"] = code;
        return row;
    }

    private static List<string> Letters(string output) =>
        [.. Directory.EnumerateFiles(Path.Combine(output, "thu-ky", "giay-moi")).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];
}
