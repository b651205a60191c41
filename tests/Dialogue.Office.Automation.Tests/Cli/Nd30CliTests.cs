using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Tests.Compliance;
using Dialogue.Office.Automation.Tests.Support;
using Dialogue.Office.Cli;
using Spectre.Console.Cli;

namespace Dialogue.Office.Automation.Tests.Cli;

public sealed class Nd30CliTests
{
    private static int Run(params string[] args) => CommandRegistry.Run(args);

    [Fact]
    public void Check_CleanFiles_ExitZero_BrokenFile_ExitOne()
    {
        using var dir = new TempDir();
        var clean = new Nd30Sample().Save(dir.File("sach.docx"));
        var broken = new Nd30Sample { MarginLeft = 1134 }.Save(dir.File("loi.docx"));

        Assert.Equal(0, Run("check", clean));
        Assert.Equal(1, Run("check", clean, broken));
    }

    [Fact]
    public void Check_MissingFile_IsAUsageError()
    {
        using var dir = new TempDir();

        Assert.Equal(2, Run("check", dir.File("khong-co.docx")));
    }

    [Fact]
    public void Fix_WritesBesideTheInput_AndTheResultChecksClean()
    {
        using var dir = new TempDir();
        var broken = new Nd30Sample { MarginLeft = 1134, Font = "Arial", DateLine = "Yên Bái, ngày 5 tháng 4 năm 2023" }.Save(dir.File("loi.docx"));

        Assert.Equal(0, Run("fix", broken));

        var output = dir.File("loi.nd30.docx");
        Assert.True(File.Exists(output));
        Assert.True(Nd30Checker.Check(output).Passed);
        Assert.Equal(1, Run("check", broken));
        Assert.Equal(0, Run("check", output));
    }

    [Fact]
    public void Fix_OutOntoTheInput_IsRefused()
    {
        using var dir = new TempDir();
        var broken = new Nd30Sample { MarginLeft = 1134 }.Save(dir.File("loi.docx"));
        var bytes = File.ReadAllBytes(broken);

        Assert.Equal(2, Run("fix", broken, "--out", broken));
        Assert.Equal(bytes, File.ReadAllBytes(broken));
    }

    [Fact]
    public void Fix_ErrorsLeftForAPerson_ExitOne()
    {
        using var dir = new TempDir();
        var broken = new Nd30Sample { SignerName = "TS. Nguyễn Văn An" }.Save(dir.File("ky.docx"));

        Assert.Equal(1, Run("fix", broken, "--out", dir.File("ky-sua.docx")));
        Assert.True(File.Exists(dir.File("ky-sua.docx")));
    }
}
