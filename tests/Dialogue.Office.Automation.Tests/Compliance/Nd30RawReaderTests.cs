using System.IO.Compression;
using System.Text;
using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Inputs;
using Dialogue.Office.Automation.Packets;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Compliance;

/// <summary>
/// The ND30 check reads documents with <see cref="RawDocxReader"/> (no Open XML SDK object model, issue 17). It must
/// read the sample's letters, its print file and the shipped templates itself (else the check is slow again), and
/// give the very findings the SDK reading gives; a package it declines is read through the SDK, with the same report.
/// </summary>
public sealed class Nd30RawReaderTests
{
    [Fact]
    public void SamplePacketAndTemplates_ReadRaw_GiveTheSdkReadingsFindings()
    {
        using var tmp = new TempDir("dialogue-raw-");
        var plan = PlanLoader.Load(RepoPaths.SamplePlan).Require();
        var result = ConferencePacket.Build(new PacketRequest(plan, tmp.Path));
        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        var letters = Directory.GetFiles(tmp.Path, "*.docx", SearchOption.AllDirectories).Order().ToList();
        var documents = letters.Where((_, i) => i % 10 == 0)
            .Concat(letters.Where(p => Path.GetFileName(p) == "giay-moi-in-gop.docx"))
            .Concat(letters.Where(p => !p.Contains($"{Path.DirectorySeparatorChar}giay-moi{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            .Concat(Directory.GetFiles(RepoPaths.Templates, "*.docx"))
            .Concat(Directory.GetFiles(RepoPaths.SamplePlan, "*.docx"))
            .Distinct()
            .ToList();
        Assert.Contains(documents, p => Path.GetFileName(p) == "giay-moi-in-gop.docx");
        Assert.True(documents.Count > 30, $"{documents.Count} documents");
        foreach (var path in documents)
        {
            AssertSameReading(File.ReadAllBytes(path), Path.GetFileName(path), expectRaw: true);
        }
    }

    [Fact]
    public void Nd30Samples_ReadRaw_GiveTheSdkReadingsFindings()
    {
        using var dir = new TempDir();
        var samples = new[]
        {
            new Nd30Sample(),
            new Nd30Sample { Landscape = true, MarginTop = 300, MarginLeft = 2500, Font = "Arial" },
            new Nd30Sample { HeaderTable = false, IssuerRule = RuleKind.Shape, MottoRule = RuleKind.Underline, DateItalic = false },
            new Nd30Sample { NationalTitle = "Cộng hòa xã hội chủ nghĩa Việt Nam", NationalTitleBold = false, Number = "So 5/GM SNV", BodyFirstLine = 0, BodyLine = 480 },
            new Nd30Sample { LegacyParagraph = (".VnTime", "Th«ng b¸o vÒ viÖc tæ chøc héi nghÞ"), ProgrammeTable = true },
            new Nd30Sample { PageNumberAlign = DocumentFormat.OpenXml.Wordprocessing.JustificationValues.Right, TitlePage = false, RecipientsLabel = "Nơi nhận", SignatureBold = false },
            new Nd30Sample { PageNumberAlign = DocumentFormat.OpenXml.Wordprocessing.JustificationValues.Center, PageNumberInFooter = true, SignerName = "TS. NGUYỄN VĂN AN" },
        };
        for (var i = 0; i < samples.Length; i++)
        {
            AssertSameReading(File.ReadAllBytes(samples[i].Save(dir.File($"mau-{i}.docx"))), $"mau-{i}.docx", expectRaw: true);
        }
    }

    [Fact]
    public void OddPackages_AreDeclinedAndReadThroughTheSdk_WithTheSameReport()
    {
        using var dir = new TempDir();
        var good = File.ReadAllBytes(new Nd30Sample().Save(dir.File("mau.docx")));
        var odd = new (string Name, byte[] Bytes)[]
        {
            ("khong-co-kieu-noi-dung.docx", Edit(good, "[Content_Types].xml", x => x.Replace("document.main+xml", "document.mein+xml", StringComparison.Ordinal))),
            ("can-le-la.docx", Edit(good, "word/document.xml", x => x.Replace("w:val=\"both\"", "w:val=\"giua\"", StringComparison.Ordinal))),
            ("le-trang-la.docx", Edit(good, "word/document.xml", x => x.Replace("w:top=\"1134\"", "w:top=\"2cm\"", StringComparison.Ordinal))),
            ("xml-hong.docx", Edit(good, "word/document.xml", x => x[..(x.Length / 2)])),
            ("khong-co-than.docx", Edit(good, "word/document.xml", x => x.Replace("w:body", "w:bodi", StringComparison.Ordinal))),
        };
        foreach (var (name, bytes) in odd)
        {
            AssertSameReading(bytes, name, expectRaw: false);
        }
    }

    private static void AssertSameReading(byte[] bytes, string name, bool expectRaw)
    {
        var package = GuardedPackage.FromBytes(bytes, name, PackageKind.WordDocument, InputLimits.WordDocument);
        var model = RawDocxReader.TryRead(package, out var declined);
        var sdk = Nd30Checker.CheckWithSdk(package, name);
        if (expectRaw)
        {
            Assert.True(model is not null, $"{name}: the raw reader declined ({declined})");
        }
        else
        {
            Assert.True(model is null, $"{name}: the raw reader read an odd package");
        }

        var report = Nd30Checker.Check(package, name);
        Assert.Equal(sdk.Findings, report.Findings);
        Assert.Equal(sdk.Findings.Select(f => f.ToString()), report.Findings.Select(f => f.ToString()));
    }

    private static byte[] Edit(byte[] docx, string part, Func<string, string> edit)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                var text = reader.ReadToEnd();
                using var writer = new StreamWriter(target.CreateEntry(entry.FullName).Open(), new UTF8Encoding(false));
                writer.Write(entry.FullName == part ? edit(text) : text);
            }
        }

        return output.ToArray();
    }
}
