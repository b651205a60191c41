using System.IO.Compression;
using System.Text;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Questions;
using Dialogue.Office.Automation.Vietnamese;
using Dialogue.Office.Automation.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static Dialogue.Office.Automation.Tests.Questions.QuestionTestKit;

namespace Dialogue.Office.Automation.Tests.Questions;

/// <summary>
/// Runs alone: the hostile-files test bounds what the merge allocates with the process-wide counter, which other test
/// classes running beside it would inflate.
/// </summary>
[Collection(MeasuresProcessAllocations.Name)]
public class QuestionConsolidatorTests
{
    private const string Q1 = "Đề nghị bổ sung biên chế giáo viên mầm non cho các trường vùng đặc biệt khó khăn của huyện.";
    private const string Q2 = "Đề nghị hướng dẫn cụ thể việc thu, chi các khoản thu thỏa thuận ngoài học phí.";

    [Fact]
    public void Merge_HeaderOnRow7UnderLetterhead_TakesQuestionsAndIgnoresTotalsAndSignature()
    {
        using var dir = new TempDir();
        ReturnedSheetBuilder.Save(dir.File("van-yen.xlsx"), new ReturnedSheet
        {
            LetterheadLeft = ["UBND HUYỆN VĂN YÊN", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"],
            DateLine = "Văn Yên, ngày 07 tháng 4 năm 2023",
            HeaderRow = 7,
            Headers = Standard,
            ColumnNumbers = true,
            Rows = [[1, "Bàn Thị Hoa", "Giáo viên", "Trường Mầm non Mỏ Vàng", "Mầm non", 1, Q1, "Sở Nội vụ", null], [2, "Trần Văn Hùng", "Hiệu trưởng", "Trường THCS An Thịnh", "THCS", 3, Q2, null, null]],
            TotalRow = "Tổng cộng: 02 câu hỏi",
            Signature = ["TRƯỞNG PHÒNG", "(Đã ký)", "Nguyễn Văn Thắng"],
        });

        var result = Merge(dir, [dir.File("van-yen.xlsx")]);

        Assert.Equal(2, result.RowsTaken);
        Assert.Equal(result.RowsRejected, result.RowsIgnored); // column numbers, total, signature: ignored, not errors
        Assert.True(result.RowsIgnored >= 5);
        var master = Rows(result.OutputPath, ConsolidatedWorkbookWriter.MasterSheet);
        Assert.Equal(Q1, master[0][Column("Nội dung câu hỏi, ý kiến, kiến nghị")]);
        Assert.Equal("van-yen.xlsx › Sheet1 › dòng 9", master[0][Column("Nguồn (tệp › trang › dòng)")]);
        Assert.Equal("Bàn Thị Hoa", master[0][Column("Họ và tên")]);
    }

    [Fact]
    public void Merge_RenamedAndReorderedColumns_MapsByName()
    {
        using var dir = new TempDir();
        ReturnedSheetBuilder.Save(dir.File("luc-yen.xlsx"), new ReturnedSheet
        {
            LetterheadLeft = ["UBND HUYỆN LỤC YÊN"],
            HeaderRow = 4,
            Headers = ["TT", "NOI DUNG CAU HOI/KIEN NGHI", "Người hỏi", "Chức danh", "Trường", "Lĩnh vực", "Đề nghị cơ quan trả lời"],
            Rows = [[1, Q2, "Hoàng Văn Lực", "Hiệu trưởng", "Trường Tiểu học Khánh Hòa", "Tài chính", "Sở Tài chính"]],
        });

        var result = Merge(dir, [dir.File("luc-yen.xlsx")], SamplePlan);

        var row = Rows(result.OutputPath, ConsolidatedWorkbookWriter.MasterSheet).Single();
        Assert.Equal(Q2, row[Column("Nội dung câu hỏi, ý kiến, kiến nghị")]);
        Assert.Equal("Hoàng Văn Lực", row[Column("Họ và tên")]);
        Assert.Equal("Hiệu trưởng", row[Column("Chức vụ")]);
        Assert.Equal("Trường Tiểu học Khánh Hòa", row[Column("Đơn vị công tác")]);
        Assert.Equal("3. Tài chính", row[Column("Nhóm vấn đề")]);
        Assert.Equal("Sở Tài chính", row[Column("Cơ quan chủ trì trả lời")]);
        Assert.Equal("Ủy ban nhân dân huyện Lục Yên", row[Column("Đơn vị gửi")]);
    }

    [Fact]
    public void Merge_SheetWithTcvn3Text_RepairsToUnicodeAndListsCells()
    {
        using var dir = new TempDir();
        var sheet = Simple([1, "Lò Thị Xuân", "Giáo viên", "Trường Mầm non Sơn Thịnh", "Mầm non", 1, Q1, "Sở Nội vụ", null]);
        ReturnedSheetBuilder.Save(dir.File("van-chan.xlsx"), new ReturnedSheet
        {
            LetterheadLeft = ["ubnd huyện văn chấn"],
            LetterheadFont = ".VnTimeH",
            HeaderRow = 4,
            Font = ".VnTime",
            Encode = LegacyVietnamese.EncodeTcvn3,
            Headers = sheet.Headers,
            Rows = sheet.Rows,
        });

        var result = Merge(dir, [dir.File("van-chan.xlsx")], SamplePlan);

        var row = Rows(result.OutputPath, ConsolidatedWorkbookWriter.MasterSheet).Single();
        Assert.Equal(Q1, row[Column("Nội dung câu hỏi, ý kiến, kiến nghị")]);
        Assert.Equal("Lò Thị Xuân", row[Column("Họ và tên")]);
        Assert.Equal("Ủy ban nhân dân huyện Văn Chấn", row[Column("Đơn vị gửi")]); // letterhead decoded (.VnTimeH) and matched
        var repairs = Rows(result.OutputPath, "Sửa mã chữ");
        Assert.Contains(repairs, r => r[1] == "van-chan.xlsx › Sheet1 › dòng 5 › Nội dung câu hỏi, ý kiến, kiến nghị" && r[2] == "TCVN3 → Unicode" && r[4] == Q1);
        Assert.Contains("TCVN3 → Unicode", row[Column("Cần xem lại")]);
    }

    [Fact]
    public void Merge_SheetWithVniTextUnderAWrongFont_DetectsAndRepairs()
    {
        using var dir = new TempDir();
        ReturnedSheetBuilder.Save(dir.File("nghia-lo.xlsx"), new ReturnedSheet
        {
            LetterheadLeft = ["UBND THỊ XÃ NGHĨA LỘ"],
            HeaderRow = 4,
            Font = "Arial", // re-formatted without converting: only the content tells
            Encode = LegacyVietnamese.EncodeVni,
            Headers = Standard,
            Rows = [[1, "Đèo Thị Phương", "Giáo viên", "Trường Tiểu học Pú Trạng", "Tiểu học", 2, Q2, null, null]],
        });

        var result = Merge(dir, [dir.File("nghia-lo.xlsx")]);

        var row = Rows(result.OutputPath, ConsolidatedWorkbookWriter.MasterSheet).Single();
        Assert.Equal(Q2, row[Column("Nội dung câu hỏi, ý kiến, kiến nghị")]);
        Assert.Equal("Đèo Thị Phương", row[Column("Họ và tên")]);
        Assert.True(result.CellsConverted >= 4);
    }

    [Fact]
    public void Merge_DecomposedTextMergedCellsAndFormulas_ReadAsTheClerkSawThem()
    {
        using var dir = new TempDir();
        ReturnedSheetBuilder.Save(dir.File("tran-yen.xlsx"), new ReturnedSheet
        {
            LetterheadLeft = ["UBND HUYỆN TRẤN YÊN"],
            HeaderRow = 5,
            Encode = s => s.Normalize(NormalizationForm.FormD),
            Headers = Standard,
            FormulaColumn = "A",
            Rows =
            [
                [1, "Nguyễn Thị Bích", "Giáo viên", "Trường Tiểu học Cổ Phúc", "Tiểu học", 1, Q1, null, null],
                [2, "Trần Thị Lệ", "Giáo viên", null, "Tiểu học", 3, Q2, null, null],
            ],
            Merges = ["D6:D7"],
        });

        var result = Merge(dir, [dir.File("tran-yen.xlsx")]);

        var rows = Rows(result.OutputPath, ConsolidatedWorkbookWriter.MasterSheet);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("Trường Tiểu học Cổ Phúc", r[Column("Đơn vị công tác")]));
        Assert.Equal(Q1, rows[0][Column("Nội dung câu hỏi, ý kiến, kiến nghị")]);
        Assert.True(rows[0][Column("Nội dung câu hỏi, ý kiến, kiến nghị")]!.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(2, result.RowsTaken); // STT cells are formulas (=ROW()-5): their cached values 1, 2 were read
    }

    [Fact]
    public void Merge_TopicAsNumberNameRomanOrMissing_ResolvesOrSuggestsForReview()
    {
        using var dir = new TempDir();
        ReturnedSheetBuilder.Save(dir.File("yen-binh.xlsx"), Simple(
            [1, "A", null, null, null, 5, "Bếp ăn bán trú xuống cấp, đề nghị cải tạo.", null, null],
            [2, "B", null, null, null, "Tài chính", "Đề nghị hướng dẫn quyết toán kinh phí.", null, null],
            [3, "C", null, null, null, "III", "Đề nghị cấp bù học phí kịp thời.", null, null],
            [4, "D", null, null, null, null, "Đề nghị nâng mức phụ cấp thâm niên cho giáo viên.", null, null],
            [5, "E", null, null, null, 12, "Chất lượng giáo dục vùng cao cần được quan tâm hơn.", null, null],
            [6, "F", null, null, null, null, "Xin cảm ơn Lãnh đạo.", null, null]));

        var result = Merge(dir, [dir.File("yen-binh.xlsx")], SamplePlan);

        var rows = Rows(result.OutputPath, ConsolidatedWorkbookWriter.MasterSheet);
        var topic = Column("Nhóm vấn đề");
        var review = Column("Cần xem lại");
        Assert.Equal("5. Cơ sở vật chất", rows[0][topic]);
        Assert.Equal("3. Tài chính", rows[1][topic]);
        Assert.Equal("3. Tài chính", rows[2][topic]);
        Assert.Equal("1. Đội ngũ", rows[3][topic]); // "phụ cấp", "thâm niên"
        Assert.Contains("máy gợi ý", rows[3][review]);
        Assert.Equal("6. Chất lượng giáo dục", rows[4][topic]); // 12 is no topic; "chất lượng" is
        Assert.Equal("Chưa phân nhóm", rows[5][topic]);
        Assert.Equal(2, result.TopicsSuggested);
        Assert.Equal("Sở Kế hoạch và Đầu tư", rows[0][Column("Cơ quan chủ trì trả lời")]);
        Assert.Equal("Sở Tài chính; Sở Giáo dục và Đào tạo", rows[0][Column("Cơ quan phối hợp")]);
        Assert.Contains(XlsxSheetNames(result.OutputPath), n => n == "Chưa phân nhóm");
    }

    [Fact]
    public void Suggest_KeywordsAreDiacriticAware_LuongIsNotLuong()
    {
        var topics = new TopicResolver(SamplePlan.Topics);

        Assert.Equal(1, topics.Suggest("Đề nghị tăng lương cho giáo viên").Topic);
        Assert.Equal(6, topics.Suggest("Nâng cao chất lượng dạy học").Topic); // "lượng" is not the keyword "lương"
        Assert.Equal(9, topics.Suggest("Đề nghị tổ chức giao lưu văn nghệ").Topic); // the catch-all only when nothing else matches
    }

    [Fact]
    public void Merge_TextThatLooksLikeAFormula_IsWrittenAsText()
    {
        using var dir = new TempDir();
        string[] hostile = ["=HYPERLINK(\"http://x\",\"bấm\")", "+84 912 345 678", "-Thiếu giáo viên", "@SUM(A1)"];
        ReturnedSheetBuilder.Save(dir.File("x.xlsx"), Simple([.. hostile.Select((h, i) => new object?[] { i + 1, h, null, null, null, 1, h, null, null })]));

        var result = Merge(dir, [dir.File("x.xlsx")]);

        using var document = SpreadsheetDocument.Open(result.OutputPath, false);
        Assert.Empty(document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<CellFormula>()));
        var texts = Rows(result.OutputPath, ConsolidatedWorkbookWriter.MasterSheet).Select(r => r[Column("Nội dung câu hỏi, ý kiến, kiến nghị")]).ToList();
        Assert.Equal(hostile, texts);
    }

    [Fact]
    public void Merge_ExactAndNearRepeats_GroupedWithoutMergingDifferentQuestions()
    {
        using var dir = new TempDir();
        const string repeated = "Đề nghị tỉnh bổ sung biên chế giáo viên mầm non cho các trường vùng đặc biệt khó khăn, hiện nhiều lớp chỉ có một giáo viên.";
        ReturnedSheetBuilder.Save(dir.File("a.xlsx"), Simple(
            [1, "A", null, null, null, 1, repeated, null, null],
            [2, "B", null, null, null, 5, "Đề nghị có chính sách hỗ trợ nhà công vụ cho giáo viên công tác ở các điểm trường lẻ vùng cao.", null, null],
            [3, "C", null, null, null, 3, "Đề nghị tăng định mức chi thường xuyên cho các trường mầm non vùng khó khăn của huyện.", null, null],
            [4, "D", null, null, null, 1, "Đề nghị bổ sung 02 biên chế giáo viên tiếng Anh cho các trường tiểu học của huyện.", null, null]));
        ReturnedSheetBuilder.Save(dir.File("b.xlsx"), Simple(
            [1, "E", null, null, null, 1, "đề  nghị tỉnh bổ sung biên chế giáo viên mầm non cho các trường vùng đặc biệt khó khăn ,hiện nhiều lớp chỉ có một giáo viên", null, null],
            [2, "F", null, null, null, 1, repeated.ToUpperInvariant().Replace(", ", ",\u00A0", StringComparison.Ordinal).Normalize(NormalizationForm.FormD), null, null],
            [3, "G", null, null, null, 5, "Đề nghị tỉnh có chính sách hỗ trợ xây dựng nhà công vụ cho giáo viên công tác ở các điểm trường lẻ vùng cao.", null, null],
            [4, "H", null, null, null, 3, "Đề nghị tăng định mức chi thường xuyên cho các trường tiểu học vùng khó khăn của huyện.", null, null],
            [5, "I", null, null, null, 1, "Đề nghị bổ sung 03 biên chế giáo viên tiếng Anh cho các trường tiểu học của huyện.", null, null],
            [6, "J", null, null, null, 1, "Đề nghị tỉnh bổ sung biên chế giáo viên mẫu non cho các trường vùng đặc biệt khó khăn, hiện nhiều lớp chỉ có một giáo viên.", null, null]));

        var result = Merge(dir, [dir.Path]);

        Assert.Equal(2, result.DuplicateGroups);
        Assert.Equal(2, result.ExactRepeats); // the three spellings of the repeated question
        Assert.Equal(1, result.NearRepeats);  // "xây dựng nhà công vụ"
        var rows = Rows(result.OutputPath, ConsolidatedWorkbookWriter.MasterSheet);
        var group = Column("Nhóm trùng");
        Assert.Equal(new[] { "T0001", "T0002", null, null, "T0001", "T0001", "T0002", null, null, null }, rows.Select(r => string.IsNullOrEmpty(r[group]) ? null : r[group]));
        var duplicates = Rows(result.OutputPath, "Trùng lặp");
        Assert.Equal(5, duplicates.Count); // every member kept
    }

    [Fact]
    public void Merge_OwnConsolidatedWorkbookAsInput_KeepsIdsAndSourcesWithoutDoubleCounting()
    {
        using var dir = new TempDir();
        var district = Directory.CreateDirectory(dir.File("huyen")).FullName;
        ReturnedSheetBuilder.Save(Path.Combine(district, "truong-a.xlsx"), Simple([1, "A", null, null, null, 1, Q1, null, null]));
        ReturnedSheetBuilder.Save(Path.Combine(district, "truong-b.xlsx"), Simple([1, "B", null, null, null, 3, Q2, null, null], [2, "C", null, null, null, 6, "Đề nghị tăng cường bồi dưỡng giáo viên dạy môn Khoa học tự nhiên.", null, null]));
        var districtResult = Merge(dir, [district], name: "huyen-tong-hop.xlsx");
        ReturnedSheetBuilder.Save(dir.File("truong-c.xlsx"), Simple([1, "D", null, null, null, 7, "Đề nghị các ban, ngành phối hợp chặt chẽ hơn.", null, null]));

        var province = Merge(dir, [dir.File("huyen-tong-hop.xlsx"), dir.File("truong-c.xlsx")], name: "tinh.xlsx");
        var again = Merge(dir, [dir.File("huyen-tong-hop.xlsx"), Path.Combine(district, "truong-a.xlsx"), dir.File("huyen-tong-hop.xlsx")], name: "tinh-2.xlsx");

        Assert.Equal(4, province.Questions);
        var districtRows = Rows(districtResult.OutputPath, ConsolidatedWorkbookWriter.MasterSheet);
        var provinceRows = Rows(province.OutputPath, ConsolidatedWorkbookWriter.MasterSheet);
        var id = Column("Mã câu hỏi");
        var source = Column("Nguồn (tệp › trang › dòng)");
        Assert.Equal(districtRows.Select(r => (r[id], r[source])), provinceRows.Take(3).Select(r => (r[id], r[source])));
        Assert.Equal("truong-a.xlsx › Sheet1 › dòng 7", provinceRows[0][source]);
        Assert.Equal(3, again.Questions); // the raw file and the district copy of it are one question
        Assert.Equal(2, again.FilesRead); // the same path given twice is read once
        Assert.Equal(1, again.RowsRejected - again.RowsIgnored);
        Assert.Contains(Rows(again.OutputPath, "Lỗi và bỏ qua"), r => r[5] == "QUESTIONS_ROW_DUPLICATE_ID");
    }

    [Fact]
    public void Merge_HostileFiles_EachRejectedWithAVietnameseReasonAndOthersStillTaken()
    {
        using var dir = new TempDir();
        var inputs = Directory.CreateDirectory(dir.File("in")).FullName;
        ReturnedSheetBuilder.Save(Path.Combine(inputs, "a-good.xlsx"), Simple([1, "A", null, null, null, 1, Q1, null, null]));
        var good = File.ReadAllBytes(Path.Combine(inputs, "a-good.xlsx"));
        File.WriteAllBytes(Path.Combine(inputs, "truncated.xlsx"), good[..(good.Length / 2)]);
        WriteZipBomb(Path.Combine(inputs, "bomb.xlsx"));
        WriteOle(Path.Combine(inputs, "password.xlsx"), encrypted: true);
        WriteOle(Path.Combine(inputs, "old.xls"), encrypted: false);
        WriteDocx(Path.Combine(inputs, "word.xlsx"));
        WriteRows(Path.Combine(inputs, "huge.xlsx"), 100_000);
        File.WriteAllBytes(Path.Combine(inputs, "latin1.csv"), Encoding.Latin1.GetBytes("STT;Nội dung câu hỏi;Họ và tên\n1;Câu hỏi;Ông A\n"));
        File.WriteAllText(Path.Combine(inputs, "ok.csv"), "STT;Họ và tên;Nội dung câu hỏi, ý kiến, kiến nghị;Nhóm vấn đề\n1;Ông B;\"" + Q2 + "\";3\n", new UTF8Encoding(true));
        var before = GC.GetTotalAllocatedBytes();

        var result = Merge(dir, [inputs]);

        Assert.Equal(2, result.Questions);
        Assert.Equal(7, result.FilesRejected);
        var codes = result.Problems.Where(p => p.IsError).ToDictionary(p => p.Location, p => p.Code);
        Assert.Equal("QUESTIONS_FILE_CORRUPT", codes["truncated.xlsx"]);
        Assert.Equal("QUESTIONS_FILE_ZIP_BOMB", codes["bomb.xlsx"]);
        Assert.Equal("QUESTIONS_FILE_ENCRYPTED", codes["password.xlsx"]);
        Assert.Equal("QUESTIONS_FILE_XLS", codes["old.xls"]);
        Assert.Equal("QUESTIONS_FILE_WORD", codes["word.xlsx"]);
        Assert.Equal("QUESTIONS_FILE_CSV_ENCODING", codes["latin1.csv"]);
        Assert.Equal("QUESTIONS_FILE_TOO_MANY_ROWS", codes.Single(kv => kv.Key.StartsWith("huge.xlsx", StringComparison.Ordinal)).Value);
        Assert.All(result.Problems.Where(p => p.IsError), p => Assert.DoesNotContain("Lỗi QUESTIONS", p.Message, StringComparison.Ordinal));
        var errors = Rows(result.OutputPath, "Lỗi và bỏ qua").Where(r => r[1] == "Tệp bị loại").ToList();
        Assert.Equal(7, errors.Count);
        Assert.Contains(errors, r => r[3]!.Contains("mật khẩu", StringComparison.Ordinal));
        // Bounded: the 200 MB bomb is never inflated and the 100 000-row sheet stops at the row limit.
        Assert.True(GC.GetTotalAllocatedBytes() - before < 400_000_000, "allocated too much");
    }

    [Fact]
    public void Merge_SampleReturnedSheets_ConsolidatesWhatTheClerkReceived()
    {
        using var dir = new TempDir();

        var result = Merge(dir, [SampleReturns], SamplePlan);

        Assert.Equal(42, result.Questions);
        Assert.Equal(9, result.FilesRead);
        Assert.Equal(1, result.FilesRejected);
        Assert.Equal(1, result.RowsRejected - result.RowsIgnored); // the Lục Yên row without content
        Assert.Equal(3, result.ExactRepeats);
        Assert.Equal(1, result.NearRepeats);
        Assert.Equal(2, result.DuplicateGroups);
        var tracking = result.Tracking.Where(t => t.UnitId.Length > 0).ToDictionary(t => t.UnitId);
        Assert.Equal(10, tracking.Count);
        Assert.Equal(SubmissionState.Missing, tracking["tram-tau"].State);
        Assert.Equal(SubmissionState.Late, tracking["mu-cang-chai"].State);
        Assert.Equal(2, tracking["mu-cang-chai"].DaysLate);
        Assert.Equal("Sổ nhận phiếu", tracking["mu-cang-chai"].DateSource);
        Assert.All(tracking.Values.Where(t => t.UnitId is not ("tram-tau" or "mu-cang-chai")), t => Assert.Equal(SubmissionState.OnTime, t.State));
        Assert.Equal(4, tracking["truc-thuoc-so"].Questions); // merge of merges inside the sample
        Assert.Contains(result.Problems, p => p.Code == "QUESTIONS_FILE_CORRUPT" && p.Location == "bao-cao-cau-hoi (1).xlsx");
        var trackingSheet = Rows(result.OutputPath, "Theo dõi nộp");
        Assert.Contains(trackingSheet, r => r[1] == "Ủy ban nhân dân huyện Trạm Tấu" && r[3] == "Chưa gửi – đã quá hạn");
        Assert.Contains(trackingSheet, r => r[1] == "Ủy ban nhân dân huyện Mù Cang Chải" && r[3] == "Gửi muộn 2 ngày" && r[4] == global::Dialogue.Office.Automation.Vietnamese.VietnameseText.ShortDate(new DateOnly(2023, 4, 12)));
        var statistics = XlsxReader(result.OutputPath, "Thống kê");
        Assert.Contains(statistics, r => r[0] == "Tổng cộng" && r[^1] == "42");
        AssertValid(result.OutputPath);
    }

    [Fact]
    public void Merge_WithoutRegister_UsesTheDateWrittenOnTheDocument()
    {
        using var dir = new TempDir();
        var sheet = Simple([1, "A", null, null, null, 1, Q1, null, null]);
        ReturnedSheetBuilder.Save(dir.File("van-yen.xlsx"), new ReturnedSheet { LetterheadLeft = sheet.LetterheadLeft, DateLine = "Văn Yên, ngày 11 tháng 4 năm 2023", HeaderRow = 6, Headers = Standard, Rows = sheet.Rows });

        var result = Merge(dir, [dir.File("van-yen.xlsx")], SamplePlan);

        var vanYen = result.Tracking.Single(t => t.UnitId == "van-yen");
        Assert.Equal(SubmissionState.Late, vanYen.State);
        Assert.Equal(new DateOnly(2023, 4, 11), vanYen.Received);
        Assert.Equal("Ngày ghi trên phiếu", vanYen.DateSource);
        Assert.Equal(SubmissionState.Missing, result.Tracking.Single(t => t.UnitId == "luc-yen").State);
    }

    [Fact]
    public void Merge_BeforeTheDeadline_MissingUnitsAreNotYetDue()
    {
        using var dir = new TempDir();
        ReturnedSheetBuilder.Save(dir.File("van-yen.xlsx"), Simple([1, "A", null, null, null, 1, Q1, null, null]));

        var result = Merge(dir, [dir.File("van-yen.xlsx")], SamplePlan, time: new FixedTime(new DateTimeOffset(2023, 4, 3, 8, 0, 0, TimeSpan.FromHours(7))));

        Assert.Equal(SubmissionState.NotYetDue, result.Tracking.Single(t => t.UnitId == "luc-yen").State);
        Assert.DoesNotContain(result.Problems, p => p.Code == "QUESTIONS_UNIT_MISSING");
    }

    [Fact]
    public void Merge_HeaderOnlyAndSeveralSheets_TakesEveryTableAndSaysWhichSheets()
    {
        using var dir = new TempDir();
        ReturnedSheetBuilder.Save(
            dir.File("nhieu-trang.xlsx"),
            new ReturnedSheet { Name = "Trường A", HeaderRow = 3, LetterheadLeft = ["UBND HUYỆN VĂN YÊN"], Headers = Standard, Rows = [[1, "A", null, null, null, 1, Q1, null, null]] },
            new ReturnedSheet { Name = "Trường B", HeaderRow = 3, LetterheadLeft = ["UBND HUYỆN VĂN YÊN"], Headers = Standard },
            new ReturnedSheet { Name = "Ẩn", HeaderRow = 3, Headers = Standard, Rows = [[1, "X", null, null, null, 1, Q2, null, null]], Hidden = true },
            new ReturnedSheet { Name = "Ghi chú", Title = null, LetterheadLeft = [], LetterheadRight = [], HeaderRow = 1, Headers = ["Chỉ là ghi chú"] });

        var result = Merge(dir, [dir.File("nhieu-trang.xlsx")]);

        Assert.Equal(1, result.Questions);
        Assert.Equal(1, result.RowsRead);
        Assert.Contains(result.Problems, p => p.Code == "QUESTIONS_SHEET_SKIPPED" && p.Location == "nhieu-trang.xlsx › Ghi chú");
        Assert.DoesNotContain(result.Problems, p => p.Location.Contains("Ẩn", StringComparison.Ordinal)); // hidden sheets are lists, not returns
    }

    [Fact]
    public void Merge_NoInput_ThrowsProblemWithCode()
    {
        using var dir = new TempDir();

        var ex = Assert.Throws<ProblemException>(() => QuestionConsolidator.Merge(new MergeRequest { Inputs = [dir.File("none")], OutputPath = dir.File("x.xlsx") }));

        Assert.Contains(ex.Problems, p => p.Code == "QUESTIONS_NO_INPUT");
        Assert.Contains(ex.Problems, p => p.Code == "QUESTIONS_INPUT_MISSING");
    }

    [Fact]
    public void Messages_EveryQuestionCodeHasVietnameseText()
    {
        var source = File.ReadAllText(Path.Combine(RepoPaths.Root, "automation", "Dialogue.Office.Automation", "Questions", "QuestionConsolidator.cs"))
            + File.ReadAllText(Path.Combine(RepoPaths.Root, "automation", "Dialogue.Office.Automation", "Questions", "QuestionFileParser.cs"))
            + File.ReadAllText(Path.Combine(RepoPaths.Root, "automation", "Dialogue.Office.Automation", "Questions", "QuestionRouting.cs"));
        var codes = System.Text.RegularExpressions.Regex.Matches(source, "\"(QUESTIONS_[A-Z_]+)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.True(ProblemMessages.All.ContainsKey(code), code));
    }

    private static List<string[]> XlsxReader(string path, string sheet) =>
        Automation.Spreadsheets.XlsxReader.Read(path, n => n == sheet).Single().Rows.Select(r => r.Cells.Select(c => c ?? "").ToArray()).ToList();

    private static IReadOnlyList<string> XlsxSheetNames(string path) => Automation.Spreadsheets.XlsxReader.SheetNames(path);

    private static void WriteZipBomb(string path)
    {
        // 200 MB of zeros deflates to ~200 KB: the directory's sizes give it away before anything is inflated.
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var stream = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open())
        {
            var block = new byte[1 << 20];
            for (var i = 0; i < 200; i++)
            {
                stream.Write(block);
            }
        }
    }

    private static void WriteOle(string path, bool encrypted)
    {
        var bytes = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        if (encrypted)
        {
            Encoding.Unicode.GetBytes("EncryptedPackage").CopyTo(bytes, 1024);
        }

        File.WriteAllBytes(path, bytes);
    }

    private static void WriteDocx(string path)
    {
        using var document = WordprocessingDocument.Create(path, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        document.AddMainDocumentPart().Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body());
    }

    private static void WriteRows(string path, int rows)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Entry(string name, string text)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write(text);
        }

        Entry("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
        Entry("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Entry("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Entry("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
        using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
        sheet.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c><c r="B1" t="inlineStr"><is><t>Nội dung câu hỏi</t></is></c><c r="C1" t="inlineStr"><is><t>Họ và tên</t></is></c></row>""");
        for (var r = 2; r <= rows; r++)
        {
            sheet.Write($"""<row r="{r}"><c r="A{r}"><v>{r - 1}</v></c><c r="B{r}" t="inlineStr"><is><t>Câu hỏi số {r}</t></is></c></row>""");
        }

        sheet.Write("</sheetData></worksheet>");
    }
}

/// <summary>Test classes that measure the whole process's allocations, run when nothing else runs.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuresProcessAllocations
{
    public const string Name = "Measures process allocations";
}
