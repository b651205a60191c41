using Dialogue.Office.Automation.Inputs;
using Dialogue.Office.Automation.Invitations;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Inputs;

public sealed class GuardedPackageTests
{
    private static byte[] Letter => File.ReadAllBytes(Path.Combine(RepoPaths.Templates, "giay-moi.docx"));

    private static InputRejection Refusal(Func<GuardedPackage> open) => Assert.Throws<InputFileException>(() => open()).Reason;

    [Fact]
    public void Open_SampleFiles_AcceptedWithTheirMeasures()
    {
        var list = GuardedPackage.Open(Path.Combine(RepoPaths.SamplePlan, "dai-bieu.xlsx"), PackageKind.Workbook, InputLimits.DelegateList);
        Assert.Equal(501, list.Rows); // header + 500 formatted input rows of the scaffold (300 filled)
        var template = GuardedPackage.FromBytes(Letter, "giay-moi.docx", PackageKind.WordDocument, InputLimits.Template);
        Assert.InRange(template.Paragraphs, 10, 200);
        Assert.Equal("word/document.xml", template.MainPart);
    }

    [Fact]
    public void Open_DelegateListThatIsAZipBomb_RefusedBeforeInflating()
    {
        var bomb = HostileFiles.Bomb(HostileFiles.DelegateWorkbook(), "xl/worksheets/sheet1.xml", 300);
        Assert.True(bomb.Length < 2 << 20, $"bomb is {bomb.Length} bytes");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<InputFileException>(() => GuardedPackage.FromBytes(bomb, "dai-bieu.xlsx", PackageKind.Workbook, InputLimits.DelegateList));
        Assert.Equal(InputRejection.ZipBomb, ex.Reason);
        Assert.Equal("FILE_ZIP_BOMB", ex.ToProblem().Code);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 20L << 20, "the bomb was inflated");
        Assert.Contains("dai-bieu.xlsx", ex.ToProblem().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_TemplateThatIsAZipBomb_Refused() =>
        Assert.Equal(InputRejection.ZipBomb, Refusal(() => GuardedPackage.FromBytes(HostileFiles.Bomb(Letter, "word/document.xml", 300), "mau.docx", PackageKind.WordDocument, InputLimits.Template)));

    [Fact]
    public void Open_PartBiggerThanTheLimitAtAnOrdinaryRatio_TooLarge()
    {
        var rows = string.Concat(Enumerable.Range(2, 3000).Select(r => HostileFiles.DelegateRow(r, $"X-{r}", $"Người {r} {Guid.NewGuid()}", "Chuyên viên", "Sở Nội vụ", "tinh")));
        var limits = InputLimits.DelegateList with { MaxXmlPartBytes = 200_000 };
        Assert.Equal(InputRejection.TooLarge, Refusal(() => GuardedPackage.FromBytes(HostileFiles.DelegateWorkbook(rows), "d.xlsx", PackageKind.Workbook, limits)));
    }

    [Fact]
    public void Open_MoreRowsThanTheLimit_TooManyRows()
    {
        var rows = Enumerable.Range(2, 30).Select(r => HostileFiles.DelegateRow(r, $"X-{r}", "A", "B", "C", "tinh")).ToArray();
        var ex = Assert.Throws<InputFileException>(() => GuardedPackage.FromBytes(HostileFiles.DelegateWorkbook(rows), "d.xlsx", PackageKind.Workbook, InputLimits.DelegateList with { MaxRows = 20 }));
        Assert.Equal(InputRejection.TooManyRows, ex.Reason);
        Assert.Contains("31", ex.ToProblem().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MoreParagraphsThanTheLimit_TooManyParagraphs() =>
        Assert.Equal(InputRejection.TooManyParagraphs, Refusal(() => GuardedPackage.FromBytes(Letter, "g.docx", PackageKind.WordDocument, InputLimits.Template with { MaxParagraphs = 5 })));

    [Fact]
    public void Open_ThousandsOfParts_TooManyParts() =>
        Assert.Equal(InputRejection.TooManyParts, Refusal(() => GuardedPackage.FromBytes(HostileFiles.WithExtraParts(Letter, 400), "g.docx", PackageKind.WordDocument, InputLimits.Template)));

    [Fact]
    public void Open_PartWithADtd_Refused() =>
        Assert.Equal(InputRejection.Dtd, Refusal(() => GuardedPackage.FromBytes(HostileFiles.WithExtraParts(Letter, 1, "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x \"y\">]>"), "g.docx", PackageKind.WordDocument, InputLimits.Template)));

    [Theory]
    [InlineData(true, InputRejection.Encrypted)]
    [InlineData(false, InputRejection.LegacyFormat)]
    public void Open_OleFile_EncryptedOrLegacy(bool encrypted, InputRejection expected) =>
        Assert.Equal(expected, Refusal(() => GuardedPackage.FromBytes(HostileFiles.Ole(encrypted), "a.xlsx", PackageKind.Workbook, InputLimits.Workbook)));

    [Fact]
    public void Open_WordWhereAWorkbookIsExpected_WrongKind() =>
        Assert.Equal(InputRejection.WrongKind, Refusal(() => GuardedPackage.FromBytes(Letter, "dai-bieu.xlsx", PackageKind.Workbook, InputLimits.DelegateList)));

    [Theory]
    [InlineData("đây là chữ, không phải tệp nén", InputRejection.NotPackage)]
    [InlineData("PK\u0003\u0004 hỏng", InputRejection.Corrupt)]
    public void Open_NotAPackage_Refused(string text, InputRejection expected) =>
        Assert.Equal(expected, Refusal(() => GuardedPackage.FromBytes(System.Text.Encoding.UTF8.GetBytes(text), "x.docx", PackageKind.WordDocument, InputLimits.WordDocument)));

    [Fact]
    public void Open_TruncatedPackage_Corrupt() =>
        Assert.Equal(InputRejection.Corrupt, Refusal(() => GuardedPackage.FromBytes(Letter[..(Letter.Length / 2)], "x.docx", PackageKind.WordDocument, InputLimits.WordDocument)));

    [Fact]
    public void Limits_SizedFromRealDocuments_TheSamplePrintFileFitsWithHeadroom()
    {
        // The 300-letter print file of the sample, as the main job writes it.
        using var dir = new TempDir();
        var plan = Automation.Plans.PlanLoader.Load(RepoPaths.SamplePlan).Require();
        var result = InvitationGenerator.Generate(new InvitationRequest(plan, dir.Path));
        var print = GuardedPackage.Open(result.PrintFile!, PackageKind.WordDocument, InputLimits.WordDocument);
        Assert.True(print.Paragraphs * 3 < InputLimits.WordDocument.MaxParagraphs, $"{print.Paragraphs} paragraphs");
        Assert.True(print.InflatedBytes * 2 < InputLimits.WordDocument.MaxXmlPartBytes, $"{print.InflatedBytes} bytes");
        Assert.True(print.Parts * 5 < InputLimits.WordDocument.MaxParts, $"{print.Parts} parts");
    }
}
