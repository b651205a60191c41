using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Letters;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Tests.Support;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Tests.Letters;

/// <summary>
/// The công văn to each bridge point's host (issue 11): Kế hoạch 90/KH-UBND leaves the district delegates to each
/// district's UBND; each gets a letter saying whom to invite at its point, the technical preparation and the deadlines.
/// </summary>
public sealed class BridgePointLettersTests : IDisposable
{
    private readonly TempDir _dir = new("protocol2-letters-");
    private readonly ConferencePlan _plan = TestPlans.Sample;
    private readonly BridgePointLetterResult _result;

    public BridgePointLettersTests() => _result = BridgePointLetters.Generate(new BridgePointLetterRequest(_plan, _dir.Path));

    public void Dispose() => _dir.Dispose();

    private string PathOf(BridgePointLetter letter) => Path.Combine(_dir.Path, letter.RelativePath);

    [Fact]
    public void Sample_OneLetterPerBridgePoint_ValidOpenXml_Nd30Clean()
    {
        Assert.False(_result.HasErrors, string.Join("\n", _result.Problems));
        Assert.Equal(_plan.BridgePoints.Select(v => v.Id), _result.Letters.Select(l => l.Venue.Id));
        foreach (var letter in _result.Letters)
        {
            var errors = DocxInspector.Validate(PathOf(letter));
            Assert.True(errors.Count == 0, DocxInspector.Describe(errors));
            var report = Nd30Checker.Check(PathOf(letter));
            Assert.True(report.Findings.Count == 0, string.Join("\n", report.Findings));
        }
    }

    [Fact]
    public void Sample_EachLetter_AddressesItsHost_WithItsPointsFacts_AndNoOtherPoints()
    {
        foreach (var letter in _result.Letters)
        {
            var venue = letter.Venue;
            var text = DocxInspector.AllText(PathOf(letter));
            var paragraphs = DocxInspector.Paragraphs(PathOf(letter));
            Assert.Contains($"Kính gửi: {venue.Host}.", paragraphs);
            Assert.Contains("Số: 127/UBND-VX", text, StringComparison.Ordinal);
            Assert.Contains("V/v chuẩn bị điểm cầu trực tuyến", text, StringComparison.Ordinal);
            Assert.Contains("Thực hiện Kế hoạch số 90/KH-UBND ngày 31/3/2023", text, StringComparison.Ordinal);
            Assert.Contains($"kiểm tra kết nối với điểm cầu Trung tâm Hội nghị tỉnh lúc 07 giờ 00", text, StringComparison.Ordinal);
            Assert.Contains($"{venue.TechnicalContact!.Name}, điện thoại {venue.TechnicalContact.Phone}", text, StringComparison.Ordinal);
            Assert.Contains($"hỗ trợ kỹ thuật tại điểm cầu chính: {_plan.MainHall.TechnicalContact!.Name}", text, StringComparison.Ordinal);
            Assert.Contains("- Thường trực Huyện ủy, Thị ủy;", paragraphs);
            Assert.Contains("- Lãnh đạo Đảng ủy, Hội đồng nhân dân, Ủy ban nhân dân các xã, phường, thị trấn.", paragraphs);
            Assert.Contains("gửi Sở Giáo dục và Đào tạo trước ngày 10/4/2023", text, StringComparison.Ordinal);
            Assert.Contains("trước ngày 21/4/2023", text, StringComparison.Ordinal);
            Assert.Contains("Các đại biểu do Ủy ban nhân dân tỉnh Yên Bái mời trực tiếp (Giấy mời số 125/GM-UBND): ", text, StringComparison.Ordinal);

            // Every delegate of the list at this point is named, so the host seats them and does not invite them twice.
            foreach (var d in _plan.Delegates.Where(d => d.VenueId == venue.Id))
            {
                Assert.Contains(d.Kind == AddresseeKind.Person ? $"{d.FullName}, {d.Position}" : d.Addressee, text, StringComparison.Ordinal);
            }

            foreach (var other in _plan.BridgePoints.Where(v => v.Id != venue.Id))
            {
                Assert.DoesNotContain(other.Host, text, StringComparison.Ordinal);
            }

            // Signed as the plan's section says (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH), Nơi nhận starting "Như trên;", ending "Lưu".
            var recipients = paragraphs.SkipWhile(p => p != "Nơi nhận:").Skip(1).TakeWhile(p => p.StartsWith("- ", StringComparison.Ordinal)).ToList();
            Assert.Equal("- Như trên;", recipients[0]);
            Assert.Equal("- Lưu: VT, VX.", recipients[^1]);
            Assert.Contains("KT. CHỦ TỊCH", paragraphs);
            Assert.Contains("PHÓ CHỦ TỊCH", paragraphs);
            Assert.Contains("Phạm Công Tùng", paragraphs);
            Assert.EndsWith("./.", paragraphs.Last(p => p.Contains("phối hợp thực hiện", StringComparison.Ordinal)), StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public void Sample_Letter_LibreOfficeRenders_AtMostTwoPages()
    {
        ExternalTools.LibreOffice();
        var pdftotext = ExternalTools.Require("pdftotext", "poppler-utils");
        var letter = _result.Letters.First(l => l.Venue.Id == "mu-cang-chai");
        var pdf = ExternalTools.ConvertWithLibreOffice(PathOf(letter), _dir.File("pdf"));
        var (_, text, _) = ExternalTools.Run(pdftotext, [pdf, "-"]);
        var pages = text.Split('\f').Where(p => p.Trim().Length > 0).ToList();
        Assert.InRange(pages.Count, 1, 2);
        Assert.Contains("Kính gửi: Ủy ban nhân dân huyện Mù Cang Chải.", VietnameseText.Clean(pages[0].Replace('\n', ' ')), StringComparison.Ordinal);
        Assert.Contains("Phạm Công Tùng", pages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void PlanWithoutTheSection_IsAVietnameseError_NotAnException()
    {
        var plan = TestPlans.With(_plan);
        Assert.Null(plan.BridgePointLetter);
        var result = BridgePointLetters.Generate(new BridgePointLetterRequest(plan, _dir.Path));
        var error = Assert.Single(result.Problems);
        Assert.Equal("LETTER_NO_SETTINGS", error.Code);
        Assert.Contains("bridge_point_letter", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Letters);
    }
}
