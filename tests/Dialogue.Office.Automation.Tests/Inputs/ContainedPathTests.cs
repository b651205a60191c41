using Dialogue.Office.Automation.Inputs;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Inputs;

public sealed class ContainedPathTests
{
    [Fact]
    public void Resolve_SiblingFolderSharingThePrefix_IsOutside()
    {
        using var dir = new TempDir();
        var plan = Directory.CreateDirectory(dir.File("dpath")).FullName;
        Directory.CreateDirectory(dir.File("dpath-evil"));
        File.WriteAllText(dir.File("dpath-evil/secret.xlsx"), "x");
        var ex = Assert.Throws<InputFileException>(() => ContainedPath.Resolve(plan, "../dpath-evil/secret.xlsx"));
        Assert.Equal(InputRejection.OutsideFolder, ex.Reason);
        Assert.Equal(Path.GetFullPath(dir.File("dpath-evil/secret.xlsx")), ex.FullPath);
    }

    [Theory]
    [InlineData("../../../../etc/passwd")]
    [InlineData("/etc/shadow")]
    [InlineData("a/../../x.docx")]
    public void Resolve_PathLeavingTheFolder_IsOutside(string value)
    {
        using var dir = new TempDir();
        Assert.Equal(InputRejection.OutsideFolder, Assert.Throws<InputFileException>(() => ContainedPath.Resolve(dir.Path, value)).Reason);
    }

    [Fact]
    public void Resolve_SymbolicLinkPointingOutside_IsOutside()
    {
        using var dir = new TempDir();
        var plan = Directory.CreateDirectory(dir.File("plan")).FullName;
        File.WriteAllText(dir.File("secret.docx"), "x");
        File.CreateSymbolicLink(Path.Combine(plan, "mau.docx"), dir.File("secret.docx"));
        Directory.CreateSymbolicLink(Path.Combine(plan, "thu-muc"), dir.Path);
        Assert.Equal(InputRejection.OutsideFolder, Assert.Throws<InputFileException>(() => ContainedPath.Resolve(plan, "mau.docx")).Reason);
        Assert.Equal(InputRejection.OutsideFolder, Assert.Throws<InputFileException>(() => ContainedPath.Resolve(plan, "thu-muc/secret.docx")).Reason);
    }

    [Fact]
    public void Resolve_FileInsideAndLinkStayingInside_Accepted()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("mau"));
        File.WriteAllText(dir.File("mau/giay-moi.docx"), "x");
        File.CreateSymbolicLink(dir.File("link.docx"), dir.File("mau/giay-moi.docx"));
        Assert.Equal(ContainedPath.RealPath(dir.File("mau/giay-moi.docx")), ContainedPath.Resolve(dir.Path, "./mau/../mau/giay-moi.docx"));
        Assert.Equal(ContainedPath.RealPath(dir.File("mau/giay-moi.docx")), ContainedPath.Resolve(dir.Path, "link.docx"));
    }

    [Fact]
    public void ReadAllBytes_FolderDeviceEmptyFileOrPipe_RefusedWithoutBlocking()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("rong.docx"), []);
        Assert.Equal(InputRejection.NotRegularFile, Assert.Throws<InputFileException>(() => InputFile.ReadAllBytes(dir.Path, 1000)).Reason);
        Assert.Equal(InputRejection.NotRegularFile, Assert.Throws<InputFileException>(() => InputFile.ReadAllBytes(dir.File("rong.docx"), 1000)).Reason);
        Assert.Equal(InputRejection.Missing, Assert.Throws<InputFileException>(() => InputFile.ReadAllBytes(dir.File("khong-co.docx"), 1000)).Reason);
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(InputRejection.NotRegularFile, Assert.Throws<InputFileException>(() => InputFile.ReadAllBytes("/dev/zero", 1000)).Reason);
            var fifo = dir.File("ong-dan.docx");
            using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
            {
                mkfifo.WaitForExit();
            }

            // A reader that opened the pipe would block forever: the test would hang instead of failing.
            Assert.Equal(InputRejection.NotRegularFile, Assert.Throws<InputFileException>(() => InputFile.ReadAllBytes(fifo, 1000)).Reason);
        }
    }

    [Fact]
    public void ReadAllBytes_BiggerThanTheCap_TooLarge()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("lon.yaml"), new byte[5000]);
        Assert.Equal(InputRejection.TooLarge, Assert.Throws<InputFileException>(() => InputFile.ReadAllBytes(dir.File("lon.yaml"), 4096)).Reason);
    }

    [Fact]
    public void ReadAllText_NotUtf8_ReportsTheLine()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("plan.yaml"), [.. "a: 1\nb: 2\nc: "u8, 0xC0, 0x41, (byte)'\n']);
        var ex = Assert.Throws<InputFileException>(() => InputFile.ReadAllText(dir.File("plan.yaml"), 4096));
        Assert.Equal(InputRejection.NotUtf8, ex.Reason);
        Assert.Equal(3, ex.Measure);
    }
}
