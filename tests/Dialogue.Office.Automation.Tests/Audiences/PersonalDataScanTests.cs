using Dialogue.Office.Automation.Audiences;
using Dialogue.Office.Automation.Packets;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Sharing;
using Dialogue.Office.Automation.Tests.Support;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Dialogue.Office.Automation.Tests.Audiences;

/// <summary>The whole sample packet, built once for the scan tests.</summary>
public sealed class SamplePacketFixture : IDisposable
{
    private readonly TempDir _dir = new("dialogue-scan-");

    public SamplePacketFixture()
    {
        Result = ConferencePacket.Build(new PacketRequest(TestPlans.Sample, _dir.Path));
    }

    public string Folder => _dir.Path;

    public PacketResult Result { get; }

    public void Dispose() => _dir.Dispose();
}

/// <summary>
/// Data minimisation (issue 19): every part of every file the delegates and the leaders may open is scanned for
/// e-mail addresses, phone numbers, delegates' codes and per-delegate links; the scanner is shown to find each of them
/// where they hide (document properties, hidden sheets, a number split across Word runs).
/// </summary>
public sealed class PersonalDataScanTests(SamplePacketFixture sample) : IClassFixture<SamplePacketFixture>
{
    private static ConferencePlan Plan => TestPlans.Sample;

    [Fact]
    public void Scan_SampleBuild_DelegatesAndLeadersFoldersHoldNothingPersonal()
    {
        Assert.False(sample.Result.HasErrors, string.Join("; ", sample.Result.Problems.Where(p => p.IsError)));
        Assert.DoesNotContain(sample.Result.Problems, p => p.Code == "PACKET_PERSONAL_DATA");

        // The folders are not empty: the scan looked at real documents.
        var delegates = Path.Combine(sample.Folder, "dai-bieu");
        var leaders = Path.Combine(sample.Folder, "lanh-dao");
        Assert.Equal(["chuong-trinh.docx", "thong-ke-cau-hoi.xlsx"], Names(delegates));
        Assert.Equal(["bao-cao-tong-hop-cau-hoi-phu-luc.xlsx", "bao-cao-tong-hop-cau-hoi.docx", "kich-ban-chi-tiet.docx", "tai-lieu-tra-loi.docx", "tong-hop-cau-hoi.xlsx"], Names(leaders));

        Assert.Empty(PersonalDataScan.Scan(delegates, Plan));
        Assert.Empty(PersonalDataScan.Scan(leaders, Plan));
    }

    [Fact]
    public void Scan_SampleSecretariatFolder_FindsEveryDelegatesEmailCodeAndLink()
    {
        var findings = PersonalDataScan.Scan(Path.Combine(sample.Folder, "thu-ky"), Plan);

        // The list of links holds what the delegates' folder must not: e-mails, codes, the QR links with the codes.
        var list = findings.Where(f => f.File == "danh-sach-giay-moi.xlsx").ToList();
        Assert.Contains(list, f => f.Kind == PersonalDataScan.Email);
        Assert.Contains(list, f => f.Kind == PersonalDataScan.Token && f.Value.StartsWith("?db=", StringComparison.Ordinal));
        var codes = list.Where(f => f.Kind == PersonalDataScan.DelegateCode).Select(f => f.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Superset(Plan.Delegates.Where(d => d.Code != "").Select(d => d.Code).Where(c => !c.Equals(SignerCode, StringComparison.OrdinalIgnoreCase)).ToHashSet(StringComparer.OrdinalIgnoreCase), codes);

        // And every letter carries its own code (content control, QR link text).
        Assert.Contains(findings, f => f.File.StartsWith("giay-moi/", StringComparison.Ordinal) && f.Kind == PersonalDataScan.DelegateCode);
    }

    private static string SignerCode => Plan.Delegates.FirstOrDefault(d => d.FullName.Length > 0 && Plan.Signer.Name.Contains(d.FullName, StringComparison.Ordinal))?.Code ?? "";

    private static List<string> Names(string folder) =>
        [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];
}

/// <summary>The scanner on files planted for it: it must find what hides, and only that.</summary>
public sealed class PersonalDataScannerTests
{
    private static ConferencePlan Plan => TestPlans.Sample;

    [Fact]
    public void Scan_PlantedData_IsFoundInDocumentPropertiesHiddenSheetsAndSplitRuns()
    {
        using var dir = new TempDir("dialogue-scan-");
        var code = Plan.Delegates[5].Code;
        Docx(dir.File("planted.docx"), ["Liên hệ cô giáo: 0912 ", "345 678", " (gọi giờ hành chính)."], creator: "an.nguyen@truong.edu.vn");
        Xlsx(dir.File("planted.xlsx"), visible: "Thống kê: 42 câu hỏi, ngày 25/4/2023, số 125/GM-UBND, 07:30.", hidden: $"{code} https://hoinghi.yenbai.gov.vn/d/{code}?k=Zm9vYmFyYmF6cXV4cXV1eA");
        File.WriteAllText(dir.File("ghi-chu.txt"), "Gọi +84 912 345 679 hoặc vanphong.sgddt@yenbai.gov.vn, 0216 3852 219.");

        var findings = PersonalDataScan.Scan(dir.Path, Plan);

        Assert.Contains(findings, f => f.File == "planted.docx" && f.Part == "word/document.xml" && f.Kind == PersonalDataScan.Phone && f.Value == "0912 345 678");
        Assert.Contains(findings, f => f.File == "planted.docx" && f.Part.Contains("core-properties", StringComparison.Ordinal) && f.Kind == PersonalDataScan.Email);
        Assert.Contains(findings, f => f.File == "planted.xlsx" && f.Kind == PersonalDataScan.DelegateCode && f.Value == code);
        Assert.Contains(findings, f => f.File == "planted.xlsx" && f.Kind == PersonalDataScan.Token && f.Value.StartsWith("?k=", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.File == "planted.xlsx" && f.Kind == PersonalDataScan.Token && f.Value.StartsWith("/d/", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.File == "ghi-chu.txt" && f.Kind == PersonalDataScan.Phone && f.Value == "+84 912 345 679");

        // Dates, document numbers, counts and times are not phone numbers; the plan's published contact is allowed.
        Assert.DoesNotContain(findings, f => f.Value.Contains("2023", StringComparison.Ordinal) || f.Value.Contains("125", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Value.Contains("vanphong", StringComparison.Ordinal) || f.Value.Contains("3852", StringComparison.Ordinal));
        Assert.Equal(
            [("ghi-chu.txt", "phone"), ("planted.docx", "email"), ("planted.docx", "phone"), ("planted.xlsx", "delegate-code"), ("planted.xlsx", "token")],
            findings.Select(f => (f.File, f.Kind)).Distinct().Order());
    }

    [Fact]
    public void Scan_DigitRunsInsideIdentifiers_AreNotPhoneNumbers()
    {
        // The SDK gives relationship and element ids at random: "R0c91234567890ab" once failed a clean build's scan.
        using var dir = new TempDir("dialogue-scan-");
        File.WriteAllText(dir.File("ids.txt"), "Id=\"R0c91234567890ab\" w14:paraId=\"x0912345678\" rId_0912345678 ghi 0912345678");

        var findings = PersonalDataScan.Scan(dir.Path, Plan);

        Assert.Equal("0912345678", Assert.Single(findings).Value);
    }

    [Fact]
    public async Task Build_WithSomethingPersonalInTheDelegatesFolder_IsNotPublished()
    {
        using var dir = new TempDir("dialogue-scan-");
        var output = Path.Combine(dir.Path, "out");
        var first = ConferencePacket.Build(new PacketRequest(Plan, output) { Parts = PacketParts.Programme });
        Assert.False(first.HasErrors, string.Join("; ", first.Problems));

        // Someone drops a note with a teacher's phone number into the delegates' folder.
        File.WriteAllText(Path.Combine(output, "dai-bieu", "ghi-chu.txt"), "Cô Lan: 0912.345.678");
        var publish = new PublishRequest
        {
            SourceFolder = output,
            Target = new LocalShareTarget { Root = Path.Combine(dir.Path, "share"), Folder = "YB23" },
            Options = new PublishOptions { Audiences = new AudienceSharing() },
        };
        var second = await ConferencePacket.BuildAsync(new PacketRequest(Plan, output) { Parts = PacketParts.Programme, Publish = publish });

        var problem = Assert.Single(second.Problems, p => p.Code == "PACKET_PERSONAL_DATA");
        Assert.True(problem.IsError);
        Assert.Equal("dai-bieu/ghi-chu.txt", problem.Location);
        Assert.DoesNotContain("345.678", Automation.Diagnostics.ProblemMessages.Vietnamese(problem), StringComparison.Ordinal);
        Assert.Null(second.Published);
        Assert.False(File.Exists(Path.Combine(dir.Path, "share", "YB23", "dai-bieu", "ghi-chu.txt")));
    }

    private static void Docx(string path, string[] runs, string creator)
    {
        using var doc = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        main.Document = new W.Document(new W.Body(new W.Paragraph(runs.Select(r => new W.Run(new W.Text(r) { Space = SpaceProcessingModeValues.Preserve })))));
        doc.PackageProperties.Creator = creator;
    }

    private static void Xlsx(string path, string visible, string hidden)
    {
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var wb = doc.AddWorkbookPart();
        var sheets = new Sheets();
        uint id = 1;
        foreach (var (name, text, state) in new[] { ("Tổng hợp", visible, SheetStateValues.Visible), ("Ẩn", hidden, SheetStateValues.VeryHidden) })
        {
            var part = wb.AddNewPart<WorksheetPart>();
            part.Worksheet = new Worksheet(new SheetData(new Row(new Cell { CellReference = "A1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) }) { RowIndex = 1 }));
            sheets.Append(new Sheet { Name = name, SheetId = id++, Id = wb.GetIdOfPart(part), State = state });
        }

        wb.Workbook = new Workbook(sheets);
    }
}
