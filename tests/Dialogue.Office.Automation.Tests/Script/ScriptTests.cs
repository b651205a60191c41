using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Programme;
using Dialogue.Office.Automation.Script;
using Dialogue.Office.Automation.Templating;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Script;

public sealed class ScriptTests
{
    private static ConferencePlan Plan => TestPlans.Sample;

    private static bool InHall(ConferencePlan plan, ConferenceDelegate d) =>
        string.Equals(d.VenueId, plan.MainHall.Id, StringComparison.OrdinalIgnoreCase);

    [Theory]
    [InlineData(1)]
    [InlineData(2023)]
    [InlineData(90)]
    public void Introductions_ShuffledDelegateList_FollowGroupThenRank(int seed)
    {
        var plan = TestPlans.With(Plan, delegates: TestPlans.Shuffled(Plan.Delegates, seed));
        var byText = plan.Delegates.Where(d => InHall(plan, d)).GroupBy(ScriptComposer.Introduce).ToDictionary(g => g.Key, g => g.ToList());

        var lines = new ScriptComposer(plan, null, 5).Introductions();

        var introduced = lines.Where(l => l.Text.StartsWith("- Đồng chí ", StringComparison.Ordinal))
            .Select(l => l.Text[2..^1])
            .Select(t => byText[t].OrderBy(d => d.Rank).First())
            .ToList();
        Assert.True(introduced.Count > 15, $"only {introduced.Count} introduced by name");
        for (var i = 1; i < introduced.Count; i++)
        {
            var (a, b) = (introduced[i - 1], introduced[i]);
            var (ta, tb) = (ProtocolTitles.TierOrder(a.Group), ProtocolTitles.TierOrder(b.Group));
            Assert.True(ta < tb || (ta == tb && a.Rank <= b.Rank),
                $"'{ScriptComposer.Introduce(b)}' ({b.Group}, {b.Rank}) introduced after '{ScriptComposer.Introduce(a)}' ({a.Group}, {a.Rank})");
        }
    }

    [Fact]
    public void Introductions_SamplePlan_PersonsAsDongChiBodiesByRepresentativeStaffAndPressCollectively()
    {
        var lines = new ScriptComposer(Plan, null, 5).Introductions().Select(l => l.Text).ToList();
        var inHall = Plan.Delegates.Where(d => InHall(Plan, d)).ToList();

        var leader = inHall.First(d => d.Group == ProtocolGroup.PartyStanding && d.Kind == AddresseeKind.Person);
        Assert.Contains($"- Đồng chí {leader.FullName}, {leader.Position};", lines);
        var body = inHall.First(d => d.Kind == AddresseeKind.Body && d.AddresseeOverride.Length == 0 && d.Group == ProtocolGroup.PartyBoards);
        Assert.Contains(lines, l => l.StartsWith("- Đại diện lãnh đạo: ", StringComparison.Ordinal) && l.Contains(body.Organization, StringComparison.Ordinal));

        var sector = inHall.Count(d => d.Group == ProtocolGroup.Sector);
        var namedSector = inHall.Where(d => d.Group == ProtocolGroup.Sector).Count(d => lines.Any(l => l.StartsWith("- ", StringComparison.Ordinal) && l.Contains(d.FullName.Length > 0 ? d.FullName : "\u0000", StringComparison.Ordinal)));
        Assert.Equal(4, namedSector); // the host sở's deputies and the sector union's chair (ProtocolSampleTests checks the count sentence)
        Assert.Contains(lines, l => l.StartsWith("Cùng ", StringComparison.Ordinal) && l.Contains(" đồng chí đại biểu", StringComparison.Ordinal) && sector > 4);
        var press = inHall.Where(d => d.Group == ProtocolGroup.Press).ToList();
        Assert.NotEmpty(press);
        Assert.Contains(lines, l => l.StartsWith("Cùng dự và đưa tin", StringComparison.Ordinal) && press.All(p => l.Contains(p.Organization, StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => press.Any(p => p.FullName.Length > 0 && l.Contains(p.FullName, StringComparison.Ordinal)));
        Assert.Contains("Đề nghị Hội nghị nhiệt liệt hoan nghênh.", lines);
        // Bridge-point delegates are greeted with their point, not introduced in the hall.
        Assert.DoesNotContain(lines, l => Plan.Delegates.Where(d => !InHall(Plan, d) && d.FullName.Length > 0).Any(d => l.Contains(d.FullName, StringComparison.Ordinal)));
    }

    [Fact]
    public void Generate_SamplePlan_NamesEveryBridgePointAndTheMainHall()
    {
        using var dir = new TempDir();
        var result = ScriptGenerator.Generate(new ScriptRequest(Plan, dir.Path));

        Assert.False(result.HasErrors, string.Join("; ", result.Problems));
        var text = string.Join("\n", DocxText.Paragraphs(result.Path!));
        Assert.Contains($"điểm cầu {Plan.MainHall.Name}", text, StringComparison.Ordinal);
        Assert.NotEmpty(Plan.BridgePoints);
        foreach (var point in Plan.BridgePoints)
        {
            Assert.Contains($"Tại {char.ToLowerInvariant(point.Name[0])}{point.Name[1..]}:", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Generate_SamplePlan_TimesAreThoseOfTheProgramme()
    {
        using var dir = new TempDir();
        var script = ScriptGenerator.Generate(new ScriptRequest(Plan, dir.Path));
        var programme = ProgrammeGenerator.Generate(new ProgrammeRequest(Plan, dir.Path));

        static List<string> Times(string path) => DocxText.GridRows(path).Skip(1).Select(r => r[0]).Where(t => t.Length > 0 && char.IsDigit(t[0])).ToList();
        Assert.Equal(Times(programme.Path!), Times(script.Path!));
    }

    [Fact]
    public void Generate_SamplePlan_ReasonOpeningDialogueConclusionAndCloseInOrder()
    {
        using var dir = new TempDir();
        var result = ScriptGenerator.Generate(new ScriptRequest(Plan, dir.Path));
        var text = DocxText.Paragraphs(result.Path!);

        int At(string s) => text.FindIndex(t => t.Contains(s, StringComparison.Ordinal));
        var order = new[]
        {
            At("ỔN ĐỊNH TỔ CHỨC"), At("văn nghệ chào mừng"), At(Plan.Conference.Reason[..40]), At("Đó là lý do của Hội nghị hôm nay."),
            At("tôi xin trân trọng giới thiệu"), At("phát biểu khai mạc Hội nghị"), At("Hội nghị chuyển sang phần đối thoại"),
            At("Nhóm vấn đề 1:"), At($"Nhóm vấn đề {Plan.Topics.Count}:"), At("phát biểu kết luận Hội nghị"), At("BẾ MẠC HỘI NGHỊ"), At("Xin trân trọng cảm ơn!"),
        };
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.OrderBy(i => i), order);
        // The opening is invited by name: the plan's lead "Đồng chí Chủ tịch Ủy ban nhân dân tỉnh" is resolved to the delegate.
        var chairman = Plan.Delegates.Single(d => d.Position.Split(',').Any(p => p.Trim() == "Chủ tịch Ủy ban nhân dân tỉnh"));
        Assert.Contains(text, t => t.Contains($"kính mời đồng chí {chairman.FullName}, {chairman.Position} phát biểu khai mạc", StringComparison.Ordinal));
    }

    /// <summary>
    /// Issue 12: each topic has its time (the programme's), the main hall asks first, then the bridge points whose
    /// turn it is (each of the eight once in topics 1–8); a giải lao of 10 minutes falls inside the 150 minutes.
    /// </summary>
    [Fact]
    public void Generate_SamplePlan_EachTopicHasItsTimeTheBridgePointsTurnAndABreak()
    {
        using var dir = new TempDir();
        var result = ScriptGenerator.Generate(new ScriptRequest(Plan, dir.Path));

        var rows = DocxText.GridRows(result.Path!);
        var topic1 = rows.Single(r => r.Count > 1 && r[1].Contains("Nhóm vấn đề 1: Đội ngũ (20 phút)", StringComparison.Ordinal));
        Assert.Equal("08h10 – 08h30", topic1[0]);
        var pause = rows.Single(r => r.Count > 1 && r[1].StartsWith("GIẢI LAO", StringComparison.Ordinal));
        Assert.Equal("09h15 – 09h25", pause[0]);
        Assert.Contains("Hội nghị xin giải lao 10 phút. Đúng 09 giờ 25, Hội nghị tiếp tục phần đối thoại với nhóm vấn đề 5: Cơ sở vật chất.", pause[1], StringComparison.Ordinal);
        Assert.Equal("10h25 – 10h40", rows.Single(r => r.Count > 1 && r[1].Contains("Nhóm vấn đề 9:", StringComparison.Ordinal))[0]);

        var text = DocxText.Paragraphs(result.Path!);
        for (var i = 0; i < 8; i++)
        {
            var name = $"xin mời điểm cầu {ProgrammeDocument.BridgeName(Plan.BridgePoints[i].Name)} nêu câu hỏi";
            Assert.Equal(i == 0 ? 2 : 1, text.Count(t => t.Contains(name, StringComparison.Ordinal)));
        }

        var hall = text.FindIndex(t => t == $"Lượt câu hỏi tại điểm cầu {Plan.MainHall.Name}:");
        var bridge = text.FindIndex(t => t.StartsWith("Lượt câu hỏi từ các điểm cầu trực tuyến", StringComparison.Ordinal));
        var answer = text.FindIndex(t => t.StartsWith($"Xin mời đại diện lãnh đạo {Plan.Topics[0].Departments[0]} trả lời", StringComparison.Ordinal));
        Assert.True(hall > 0 && hall < bridge && bridge < answer, $"{hall} {bridge} {answer}");
    }

    [Fact]
    public void Generate_WithoutQuestions_LeavesAMarkedPlaceInEveryTopic()
    {
        using var dir = new TempDir();
        var result = ScriptGenerator.Generate(new ScriptRequest(Plan, dir.Path));

        var text = DocxText.Paragraphs(result.Path!);
        Assert.Equal(Plan.Topics.Count, text.Count(t => t == ScriptComposer.QuestionsPlaceholder));
    }

    [Fact]
    public void Generate_WithSelectedQuestions_ListsThemUnderTheirTopicWithAskerAndAnswerer()
    {
        using var dir = new TempDir();
        SelectedQuestion[] questions =
        [
            new(3, "Đề nghị tỉnh bố trí kinh phí tự chủ cho trường vùng khó", "Cô giáo Hoàng Thị Mai", "Trường Tiểu học Âu Lâu", "Sở Tài chính"),
            new(1, "Khi nào tuyển đủ giáo viên mầm non theo định mức?", "Thầy Lý Văn Sơn", "Trường Mầm non Văn Phú"),
            new(42, "Câu hỏi không thuộc nhóm nào"),
            new(2, "Đề nghị sớm phê duyệt quy hoạch mạng lưới trường lớp.", "đồng chí Vương Thị Hoa (Trường Mầm non Hòa Cuông) và 3 ý kiến tương tự"),
        ];

        var result = ScriptGenerator.Generate(new ScriptRequest(Plan, dir.Path) { Questions = questions });

        Assert.Equal("SCRIPT_UNKNOWN_TOPIC", Assert.Single(result.Problems).Code);
        var text = DocxText.Paragraphs(result.Path!);
        Assert.DoesNotContain(ScriptComposer.QuestionsPlaceholder, text);
        var topic1 = text.FindIndex(t => t.StartsWith("Nhóm vấn đề 1:", StringComparison.Ordinal));
        var topic2 = text.FindIndex(t => t.StartsWith("Nhóm vấn đề 2:", StringComparison.Ordinal));
        var topic3 = text.FindIndex(t => t.StartsWith("Nhóm vấn đề 3:", StringComparison.Ordinal));
        var q1 = text.FindIndex(t => t.Contains("tuyển đủ giáo viên mầm non", StringComparison.Ordinal));
        var q3 = text.FindIndex(t => t.Contains("kinh phí tự chủ cho trường vùng khó", StringComparison.Ordinal));
        Assert.InRange(q1, topic1, topic2);
        Assert.True(q3 > topic3);
        Assert.Contains("(Thầy Lý Văn Sơn, Trường Mầm non Văn Phú)", text[q1], StringComparison.Ordinal);
        Assert.Equal($"Cơ quan trả lời: {Plan.Topics.Single(t => t.Number == 1).Departments[0]}.", text[q1 + 1]);
        Assert.Equal("Cơ quan trả lời: Sở Tài chính.", text[q3 + 1]);
        Assert.DoesNotContain(text, t => t.Contains("không thuộc nhóm nào", StringComparison.Ordinal));
        // The selection's spoken asker as the MC says it, not in nested brackets.
        Assert.Contains("Câu hỏi 1 của đồng chí Vương Thị Hoa (Trường Mầm non Hòa Cuông) và 3 ý kiến tương tự: Đề nghị sớm phê duyệt quy hoạch", text[text.FindIndex(t => t.Contains("quy hoạch mạng lưới", StringComparison.Ordinal) && t.StartsWith("Câu hỏi", StringComparison.Ordinal))], StringComparison.Ordinal);
    }

    [Fact]
    public void ReadQuestions_ConsolidatedSheet_KeepsChosenRowsWithTheirTopic()
    {
        using var dir = new TempDir();
        var path = dir.File("tong-hop.xlsx");
        using (var wb = new XLWorkbook())
        {
            var ws = wb.Worksheets.Add("Tổng hợp");
            string[] header = ["STT", "Nhóm vấn đề", "Nội dung câu hỏi", "Họ và tên người hỏi", "Đơn vị công tác", "Cơ quan trả lời", "Nội dung trả lời", "Chọn"];
            for (var i = 0; i < header.Length; i++)
            {
                ws.Cell(1, i + 1).SetValue(header[i]);
            }

            string[][] rows =
            [
                ["1", "2. Mạng lưới trường lớp", "Sáp nhập điểm trường lẻ thế nào?", "Nguyễn Văn Bình", "Trường Tiểu học Tuy Lộc", "Sở Giáo dục và Đào tạo", "…", "x"],
                ["2", "Tài chính", "Học phí năm học mới?", "Trần Thị Hoa", "Trường THCS Hợp Minh", "", "", ""],
                ["3", "Nhóm 5", "Nhà ăn bán trú xuống cấp", "", "Trường PTDTBT", "", "", "có"],
            ];
            for (var r = 0; r < rows.Length; r++)
            {
                for (var c = 0; c < rows[r].Length; c++)
                {
                    ws.Cell(r + 2, c + 1).SetValue(rows[r][c]);
                }
            }

            wb.SaveAs(path);
        }

        var problems = new ProblemList();
        var questions = SelectedQuestionReader.Read(path, Plan, problems);

        Assert.Empty(problems.Items);
        Assert.NotNull(questions);
        Assert.Equal([2, 5], questions.Select(q => q.TopicNumber));
        Assert.Equal("Sáp nhập điểm trường lẻ thế nào?", questions[0].Text);
        Assert.Equal("Nguyễn Văn Bình", questions[0].Asker);
        Assert.Equal("Sở Giáo dục và Đào tạo", questions[0].Department);
        Assert.Equal(3, Automation.Questions.DialogueQuestionReader.TopicNumber("Tài chính", Plan));
    }

    [Fact]
    public void Template_Committed_IsTheBuiltInOneAndHoldsOnlyKnownFields()
    {
        var committed = Path.Combine(RepoPaths.Templates, ScriptTemplate.FileName);
        Assert.True(File.Exists(committed));
        Assert.Empty(DocxText.ValidationErrors(committed));
        Assert.Equal(Tags(ScriptTemplate.Build()), Tags(File.ReadAllBytes(committed)));
        Assert.Contains("NoiDungKichBan", Tags(File.ReadAllBytes(committed)));
        Assert.All(Tags(File.ReadAllBytes(committed)), t => Assert.NotNull(TemplateFields.Find(t)));
        Assert.Equal(FieldKind.Rows, TemplateFields.Find("NoiDungKichBan")!.Kind);

        static List<string> Tags(byte[] bytes)
        {
            using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            return doc.MainDocumentPart!.Document.Body!.Descendants<SdtElement>().Select(s => s.SdtProperties!.GetFirstChild<Tag>()!.Val!.Value!).ToList();
        }
    }

    [Fact]
    public void Generate_EditedTemplate_KeepsSecretariatRowsAndRelabelledHeader()
    {
        using var dir = new TempDir();
        var path = dir.File("kich-ban-sua.docx");
        File.WriteAllBytes(path, ScriptTemplate.Build());
        using (var doc = WordprocessingDocument.Open(path, true))
        {
            var table = doc.MainDocumentPart!.Document.Body!.Descendants<Table>().Last();
            var header = table.Elements<TableRow>().First();
            header.Descendants<Text>().First(t => t.Text == "Người thực hiện").Text = "Người điều hành";
            var extra = (TableRow)header.CloneNode(true);
            extra.RemoveAllChildren<TableRowProperties>();
            foreach (var t in extra.Descendants<Text>())
            {
                t.Text = "";
            }

            extra.Descendants<Text>().Skip(1).First().Text = "Chào cờ (do Ban Tổ chức bổ sung)";
            table.Append(extra);
            doc.MainDocumentPart.Document.Save();
        }

        var result = ScriptGenerator.Generate(new ScriptRequest(Plan, dir.Path) { TemplatePath = path });

        Assert.False(result.HasErrors, string.Join("; ", result.Problems));
        var rows = DocxText.GridRows(result.Path!);
        Assert.Equal("Người điều hành", rows[0][2]);
        Assert.Equal("Chào cờ (do Ban Tổ chức bổ sung)", rows[^1][1]);
        Assert.DoesNotContain(rows, r => r[1].Contains('«'));
        Assert.Empty(DocxText.ValidationErrors(result.Path!));
    }

    [Fact]
    public void Generate_TemplateWithoutScriptRows_ReportsTheMissingField()
    {
        using var dir = new TempDir();
        var path = dir.File("giay-moi.docx");
        File.WriteAllBytes(path, global::Dialogue.Office.Automation.Invitations.InvitationTemplate.Build());

        var result = ScriptGenerator.Generate(new ScriptRequest(Plan, dir.Path) { TemplatePath = path });

        Assert.Null(result.Path);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("TEMPLATE_REQUIRED_FIELD", problem.Code);
        Assert.Contains("NoiDungKichBan", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_SamplePlan_ValidatesWithNoPlaceholderTextLeft()
    {
        using var dir = new TempDir();
        var result = ScriptGenerator.Generate(new ScriptRequest(Plan, dir.Path));

        Assert.Empty(DocxText.ValidationErrors(result.Path!));
        var text = DocxText.Paragraphs(result.Path!);
        Assert.DoesNotContain(text, t => t.Contains('«') || t.Contains('»'));
        Assert.Contains(text, t => t == "KỊCH BẢN CHI TIẾT");
        Assert.All(text, t => Assert.Equal(t.Normalize(System.Text.NormalizationForm.FormC), t));
    }

    [Fact]
    public void Generate_RowMarkedByMergeFieldInsteadOfControl_GetsTheRows()
    {
        using var dir = new TempDir();
        var path = dir.File("kich-ban-mergefield.docx");
        File.WriteAllBytes(path, ScriptTemplate.Build());
        using (var doc = WordprocessingDocument.Open(path, true))
        {
            var sdtRow = doc.MainDocumentPart!.Document.Body!.Descendants<SdtRow>().Single();
            var row = (TableRow)sdtRow.Descendants<TableRow>().Single().CloneNode(true);
            var paragraph = row.Elements<TableCell>().ElementAt(1).Elements<Paragraph>().First();
            foreach (var run in paragraph.Elements<Run>().ToList())
            {
                run.Remove();
            }

            paragraph.Append(new SimpleField(new Run(new Text("«NoiDung»"))) { Instruction = " MERGEFIELD NoiDungKichBan " });
            sdtRow.InsertBeforeSelf(row);
            sdtRow.Remove();
            doc.MainDocumentPart.Document.Save();
        }

        var result = ScriptGenerator.Generate(new ScriptRequest(Plan, dir.Path) { TemplatePath = path });

        Assert.False(result.HasErrors, string.Join("; ", result.Problems));
        var rows = DocxText.GridRows(result.Path!);
        Assert.Contains(rows, r => r[1].StartsWith("Nhóm vấn đề 1:", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r[1].Contains("NoiDung", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Generate_TemplateResavedByLibreOffice_StillGetsRowsAndWarnsThatFieldsWereLost()
    {
        using var dir = new TempDir();
        var resaved = ExternalTools.ConvertWithLibreOffice(Path.Combine(RepoPaths.Templates, ScriptTemplate.FileName), Path.Combine(dir.Path, "lo"), "docx:MS Word 2007 XML");

        var result = ScriptGenerator.Generate(new ScriptRequest(Plan, dir.Path) { TemplatePath = resaved });

        Assert.False(result.HasErrors, string.Join("; ", result.Problems));
        if (!DocxText.Paragraphs(resaved).Any(p => p.Contains("«Tên hội nghị»", StringComparison.Ordinal)))
        {
            return; // a LibreOffice that keeps content controls: nothing was lost
        }

        Assert.Contains(result.Problems, p => p.Code == "SCRIPT_TEMPLATE_NO_FIELDS" && !p.IsError);
        Assert.Contains(DocxText.GridRows(result.Path!), r => r.Count > 1 && r[1].StartsWith("Nhóm vấn đề 1:", StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_InPersonOnly_NoBridgePointWording()
    {
        using var dir = new TempDir();
        var plan = TestPlans.With(Plan, bridgePoints: [], delegates: Plan.Delegates.Where(d => InHall(Plan, d)).ToList());

        var result = ScriptGenerator.Generate(new ScriptRequest(plan, dir.Path));

        Assert.False(result.HasErrors);
        var text = string.Join("\n", DocxText.Paragraphs(result.Path!));
        Assert.DoesNotContain("trực tuyến", text, StringComparison.Ordinal);
        Assert.Contains($"dự Hội nghị tại {Plan.MainHall.Name}!", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ủy ban nhân dân tỉnh Yên Bái", "tỉnh")]
    [InlineData("Ủy ban nhân dân xã Tân Lập", "xã")]
    [InlineData("Ủy ban nhân dân thành phố Hà Nội", "thành phố")]
    [InlineData("Ủy ban nhân dân phường Yên Thịnh", "phường")]
    public void Area_IssuerName_GivesTheLevelTheMcNames(string issuer, string area) =>
        Assert.Equal(area, ScriptComposer.Area(issuer));

    [SkippableFact]
    public void Generate_SamplePlan_LibreOfficeConvertsScriptAndTemplate()
    {
        using var dir = new TempDir();
        var result = ScriptGenerator.Generate(new ScriptRequest(Plan, dir.Path));

        var pdf = ExternalTools.ConvertWithLibreOffice(result.Path!, Path.Combine(dir.Path, "pdf"));
        var template = ExternalTools.ConvertWithLibreOffice(Path.Combine(RepoPaths.Templates, ScriptTemplate.FileName), Path.Combine(dir.Path, "pdf"));

        Assert.True(new FileInfo(pdf).Length > 20_000);
        Assert.True(new FileInfo(template).Length > 5_000);
    }
}
