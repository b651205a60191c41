using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Spreadsheets;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Questions;

/// <summary>What merging answers back did.</summary>
public sealed record AnswerMergeResult
{
    public required string OutputPath { get; init; }

    /// <summary>Questions in the consolidated workbook (unchanged by the merge: no row lost or doubled).</summary>
    public int Questions { get; init; }

    public int Answered { get; init; }
    public int Unanswered { get; init; }
    public int Conflicts { get; init; }
    public int UnknownIds { get; init; }
    public IReadOnlyList<Problem> Problems { get; init; } = [];
}

/// <summary>
/// Routing after consolidation: one workbook per department with the questions it leads on (and, for information,
/// those it supports), then the answered workbooks merged back into the consolidated one by question id.
/// </summary>
public static class QuestionRouting
{
    private static readonly string[] SplitHeaders =
        ["STT", "Mã câu hỏi", "Nhóm vấn đề", "Đơn vị gửi", "Họ và tên", "Chức vụ", "Nội dung câu hỏi, ý kiến, kiến nghị", "Cơ quan phối hợp", "Nhóm trùng", "Trạng thái", "Nội dung trả lời"];

    /// <summary>Writes one workbook per department of the plan into <paramref name="outFolder"/>; returns the files.</summary>
    /// <exception cref="ProblemException">The file is not a consolidated workbook written by this tool.</exception>
    public static IReadOnlyList<string> Split(string consolidatedPath, ConferencePlan plan, string outFolder)
    {
        var records = ReadMaster(consolidatedPath);
        var topics = new TopicResolver(plan.Topics);
        var departments = plan.Topics.SelectMany(t => t.Departments).Distinct(StringComparer.Ordinal).ToList();
        foreach (var r in records)
        {
            r.Topic = topics.Parse(r.TopicRaw);
            if (topics.Find(r.Topic) is { Departments.Count: > 0 } topic)
            {
                r.LeadDepartment = topic.Departments[0];
                r.CoDepartments = string.Join("; ", topic.Departments.Skip(1));
            }

            if (r.LeadDepartment.Length > 0 && !departments.Contains(r.LeadDepartment))
            {
                departments.Add(r.LeadDepartment);
            }
        }

        Directory.CreateDirectory(outFolder);
        var files = new List<string>();
        foreach (var department in departments)
        {
            var lead = records.Where(r => r.LeadDepartment == department).ToList();
            var support = records.Where(r => r.CoDepartments.Split("; ").Contains(department)).ToList();
            if (lead.Count == 0 && support.Count == 0)
            {
                continue;
            }

            var path = Path.Combine(outFolder, SafeFileName.From("tra-loi-" + department, "xlsx"));
            using (var book = new StreamingWorkbook(path))
            {
                book.DefineName("Dialogue_TraLoi", $"\"{plan.Conference.Code}\"", hidden: true);
                Write(book.AddSheet("Chủ trì trả lời", new SheetLayout([6, 16, 20, 24, 20, 14, 60, 22, 9, 14, 60], 4, PrintTitleRow: 4)), department, "Câu hỏi do cơ quan chủ trì trả lời: ghi nội dung trả lời vào cột cuối, giữ nguyên cột Mã câu hỏi", lead, topics);
                Write(book.AddSheet("Phối hợp", new SheetLayout([6, 16, 20, 24, 20, 14, 60, 22, 9, 14, 60], 4, PrintTitleRow: 4)), department, "Câu hỏi cơ quan phối hợp chuẩn bị nội dung (cơ quan chủ trì tổng hợp trả lời)", support, topics);
            }

            files.Add(path);
        }

        return files;
    }

    private static void Write(SheetWriter sheet, string department, string subtitle, List<QuestionRecord> rows, TopicResolver topics)
    {
        using (sheet)
        {
            sheet.Row([XCell.Of($"CÂU HỎI, Ý KIẾN, KIẾN NGHỊ GIAO {VietnameseText.Upper(department)}", XStyle.Title)], height: 22);
            sheet.Merge(1, 0, SplitHeaders.Length - 1);
            sheet.Row([XCell.Of($"{subtitle} — {rows.Count} câu hỏi", XStyle.Subtitle)], height: 30);
            sheet.Merge(2, 0, SplitHeaders.Length - 1);
            sheet.Row([.. SplitHeaders.Select(h => XCell.Of(h, XStyle.Header))], at: 4);
            var n = 0;
            foreach (var r in rows)
            {
                var topic = topics.Find(r.Topic);
                sheet.Row(
                [
                    ++n,
                    r.Id,
                    topic is null ? r.TopicRaw : $"{topic.Number}. {topic.ShortName}",
                    r.UnitName,
                    r.Asker,
                    r.Position,
                    r.Text,
                    r.CoDepartments,
                    XCell.Of(r.DuplicateGroup, XStyle.Number),
                    XCell.Of(r.Status.Length > 0 ? r.Status : "Chưa trả lời", XStyle.Text),
                    XCell.Of(r.Answer, XStyle.Unlocked),
                ]);
            }

            sheet.Filter(4, SplitHeaders.Length - 1, 4 + rows.Count);
        }
    }

    /// <summary>
    /// Copies <paramref name="consolidatedPath"/> to <paramref name="outputPath"/> with the answers of
    /// <paramref name="answeredFiles"/> written into its "Tổng hợp" sheet by question id. Rows are only updated, never
    /// added or removed. Two different answers to one id are reported and the first (in file order) is kept.
    /// </summary>
    public static AnswerMergeResult MergeAnswers(string consolidatedPath, IReadOnlyList<string> answeredFiles, string outputPath)
    {
        var problems = new ProblemList();
        var masterIds = ReadMaster(consolidatedPath).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var answers = new Dictionary<string, (string Answer, string File)>(StringComparer.Ordinal);
        var conflicts = 0;
        var unknown = 0;
        foreach (var file in answeredFiles)
        {
            var name = Path.GetFileName(file);
            RawWorkbook workbook;
            try
            {
                workbook = GuardedWorkbookReader.Read(file, new GuardedWorkbookReader.Limits());
            }
            catch (FileReadException)
            {
                problems.Error("QUESTIONS_FILE_CORRUPT", name, "Unreadable answer file");
                continue;
            }
            catch (Inputs.InputFileException ex)
            {
                problems.Add(ex.ToProblem());
                continue;
            }

            var found = false;
            foreach (var sheet in workbook.Sheets)
            {
                var (header, idColumn, answerColumn) = FindAnswerTable(sheet);
                if (header < 0)
                {
                    continue;
                }

                found = true;
                foreach (var row in sheet.Rows.Where(r => r.Number > header))
                {
                    var id = QuestionFileParser.CellText(idColumn < row.Cells.Length ? row.Cells[idColumn] : null, out _);
                    var answer = QuestionFileParser.CellText(answerColumn < row.Cells.Length ? row.Cells[answerColumn] : null, out _);
                    if (id.Length == 0 || answer.Length == 0)
                    {
                        continue;
                    }

                    var location = Locations.Row(name, sheet.Name, row.Number);
                    if (!masterIds.Contains(id))
                    {
                        unknown++;
                        problems.Warning("QUESTIONS_ANSWER_UNKNOWN_ID", location, "Id not in the consolidated workbook", id);
                    }
                    else if (answers.TryGetValue(id, out var earlier))
                    {
                        if (earlier.Answer != answer)
                        {
                            conflicts++;
                            problems.Warning("QUESTIONS_ANSWER_CONFLICT", location, "Two different answers", id, earlier.File, name);
                        }
                    }
                    else
                    {
                        answers[id] = (answer, name);
                    }
                }
            }

            if (!found)
            {
                problems.Error("QUESTIONS_ANSWER_NO_TABLE", name, "No id and answer columns");
            }
        }

        File.Copy(consolidatedPath, outputPath, overwrite: true);
        var questions = 0;
        var answered = 0;
        using (var document = SpreadsheetDocument.Open(outputPath, true))
        {
            var workbookPart = document.WorkbookPart!;
            var sheetEntry = workbookPart.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name?.Value == ConsolidatedWorkbookWriter.MasterSheet);
            var part = (WorksheetPart)workbookPart.GetPartById(sheetEntry.Id!.Value!);
            var data = part.Worksheet.GetFirstChild<SheetData>()!;
            int idColumn = -1, answerColumn = -1, statusColumn = -1;
            foreach (var row in data.Elements<Row>())
            {
                var cells = Cells(row);
                if (idColumn < 0)
                {
                    for (var c = 0; c < cells.Count; c++)
                    {
                        switch (QuestionColumns.Match(cells[c].InnerText))
                        {
                            case ColumnKind.Id: idColumn = c; break;
                            case ColumnKind.Answer: answerColumn = c; break;
                            case ColumnKind.Status: statusColumn = c; break;
                        }
                    }

                    if (answerColumn < 0 || statusColumn < 0)
                    {
                        idColumn = -1;
                    }

                    continue;
                }

                if (idColumn >= cells.Count || cells[idColumn].InnerText is not { Length: > 0 } id)
                {
                    continue;
                }

                questions++;
                if (answers.TryGetValue(id, out var a))
                {
                    answered++;
                    SetText(cells[answerColumn], a.Answer);
                    SetText(cells[statusColumn], "Đã trả lời");
                }
                else if (cells[answerColumn].InnerText.Length > 0)
                {
                    answered++; // answered in an earlier merge
                }
            }

            part.Worksheet.Save();
        }

        return new AnswerMergeResult
        {
            OutputPath = Path.GetFullPath(outputPath),
            Questions = questions,
            Answered = answered,
            Unanswered = questions - answered,
            Conflicts = conflicts,
            UnknownIds = unknown,
            Problems = problems.Items,
        };
    }

    private static List<Cell> Cells(Row row)
    {
        // Our writer leaves out cell references (a cell's place is its order); files saved by Excel carry them.
        var list = new List<Cell>();
        foreach (var cell in row.Elements<Cell>())
        {
            var index = cell.CellReference?.Value is { } reference ? Spreadsheets.XlsxReader.ColumnIndex(reference) : list.Count;
            while (list.Count < index)
            {
                list.Add(new Cell());
            }

            list.Add(cell);
        }

        return list;
    }

    private static void SetText(Cell cell, string text)
    {
        cell.RemoveAllChildren();
        cell.CellFormula = null;
        cell.DataType = CellValues.InlineString;
        cell.AppendChild(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static (int Header, int Id, int Answer) FindAnswerTable(RawSheet sheet)
    {
        foreach (var row in sheet.Rows.Where(r => r.Number <= 25))
        {
            int id = -1, answer = -1;
            for (var c = 0; c < row.Cells.Length; c++)
            {
                var kind = QuestionColumns.Match(QuestionFileParser.CellText(row.Cells[c], out _));
                if (kind == ColumnKind.Id && id < 0)
                {
                    id = c;
                }
                else if (kind == ColumnKind.Answer && answer < 0)
                {
                    answer = c;
                }
            }

            if (id >= 0 && answer >= 0)
            {
                return (row.Number, id, answer);
            }
        }

        return (-1, -1, -1);
    }

    /// <summary>The questions of a consolidated workbook's master sheet, ids and sources as written.</summary>
    internal static List<QuestionRecord> ReadMaster(string path)
    {
        RawWorkbook workbook;
        try
        {
            workbook = GuardedWorkbookReader.Read(path, new GuardedWorkbookReader.Limits { MaxRowsPerSheet = 1_000_000 });
        }
        catch (FileReadException)
        {
            throw new ProblemException(Problem.Error("QUESTIONS_MASTER_INVALID", Path.GetFileName(path), "Unreadable", Path.GetFileName(path)));
        }
        catch (Inputs.InputFileException ex)
        {
            throw new ProblemException(ex.ToProblem());
        }

        if (!workbook.DefinedNames.ContainsKey(QuestionFileParser.ConsolidatedMarker))
        {
            throw new ProblemException(Problem.Error("QUESTIONS_MASTER_INVALID", Path.GetFileName(path), "No consolidated marker", Path.GetFileName(path)));
        }

        var parsed = QuestionFileParser.Parse(path, workbook);
        if (parsed.Questions.Exists(q => q.Id.Length == 0))
        {
            throw new ProblemException(Problem.Error("QUESTIONS_MASTER_INVALID", Path.GetFileName(path), "Rows without id", Path.GetFileName(path)));
        }

        return parsed.Questions;
    }
}
