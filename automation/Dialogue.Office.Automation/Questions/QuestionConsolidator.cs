using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Spreadsheets;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Questions;

/// <summary>
/// Consolidates returned question sheets into one workbook (Tổng hợp, one sheet per topic, Thống kê, Trùng lặp,
/// Theo dõi nộp, Lỗi và bỏ qua, Sửa mã chữ). Files are read in parallel with a streaming reader; one bad file
/// never stops the others. Every non-empty row under a table header is either taken or listed with its reason.
/// </summary>
public static class QuestionConsolidator
{
    /// <summary>File names in an input folder read as the register of received returns, not as question sheets.</summary>
    public static readonly IReadOnlyList<string> RegisterFileNames = ["ngay-nhan.csv", "so-nhan-phieu.csv"];

    /// <summary>Folder of a plan that holds the returned sheets (the sample ships one).</summary>
    public const string ReturnsFolder = "phieu-tra-ve";

    /// <summary>File name of the consolidated workbook written by <see cref="MergeReturns"/>.</summary>
    public const string ConsolidatedFileName = "tong-hop-cau-hoi.xlsx";

    /// <summary>
    /// For the main build job: consolidates <c>&lt;plan&gt;/phieu-tra-ve/</c> into
    /// <c><paramref name="outFolder"/>/tong-hop-cau-hoi.xlsx</c>. Returns null when the plan has no such folder.
    /// </summary>
    public static MergeResult? MergeReturns(ConferencePlan plan, string outFolder, TimeProvider? time = null)
    {
        var returns = Path.Combine(plan.Folder, ReturnsFolder);
        return Directory.Exists(returns)
            ? Merge(new MergeRequest { Inputs = [returns], OutputPath = Path.Combine(outFolder, ConsolidatedFileName), Plan = plan, Time = time ?? TimeProvider.System })
            : null;
    }

    /// <summary>Consolidates <see cref="MergeRequest.Inputs"/> into <see cref="MergeRequest.OutputPath"/>.</summary>
    /// <exception cref="ProblemException">No input file was found, or the output cannot be written.</exception>
    public static MergeResult Merge(MergeRequest request)
    {
        var problems = new ProblemList();
        // `--timings` / DIALOGUE_TIMINGS=1: each phase's wall time, with the process's CPU time and allocations so far.
        var mergeStarted = PhaseTimings.Timestamp();
        var phaseStarted = mergeStarted;
        void Phase(string name)
        {
            if (PhaseTimings.Enabled)
            {
                using var process = System.Diagnostics.Process.GetCurrentProcess();
                PhaseTimings.Since(
                    string.Create(CultureInfo.InvariantCulture, $"questions merge: {name} (process cpu {process.TotalProcessorTime.TotalMilliseconds:0} ms, allocated {GC.GetTotalAllocatedBytes() >> 20} MB)"),
                    phaseStarted);
                phaseStarted = PhaseTimings.Timestamp();
            }
        }

        var (files, register) = Expand(request, problems);
        if (files.Count == 0)
        {
            problems.Error("QUESTIONS_NO_INPUT", string.Join(", ", request.Inputs), "No input files");
            throw new ProblemException(problems.Items);
        }

        var identical = SetAsideIdentical(files);
        var received = ReadRegister(request.ReceivedRegister ?? register, problems);
        var limits = new GuardedWorkbookReader.Limits { MaxRowsPerSheet = request.MaxRowsPerSheet };
        var parsed = new ParsedFile[files.Count];
        var vocabulary = new DuplicateFinder.Vocabulary();
        var code = request.Plan?.Conference.Code is { Length: > 0 } c ? c : "CH";
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, request.MaxParallelism) }, i =>
        {
            parsed[i] = ReadOne(files[i], limits);
            var folded = parsed[i].Questions.Count > 0 ? VietnameseText.Fold(parsed[i].Questions[0].FileName) : "";
            foreach (var record in parsed[i].Questions)
            {
                record.Tokens = vocabulary.Tokenize(record.Text); // on the reading threads, not after
                if (record.Id.Length == 0)
                {
                    record.Id = MakeId(code, record.FileName == parsed[i].Questions[0].FileName ? folded : VietnameseText.Fold(record.FileName), record);
                }
            }
        });

        if (PhaseTimings.Enabled)
        {
            Phase($"read (xml {ReadTicks * 1000 / System.Diagnostics.Stopwatch.Frequency} ms + parse {ParseTicks * 1000 / System.Diagnostics.Stopwatch.Frequency} ms, summed over threads)");
        }

        var plan = request.Plan;
        var topics = new TopicResolver(plan is { Topics.Count: > 0 } ? plan.Topics : TopicResolver.Default);
        var matcher = plan is null ? null : new UnitMatcher(plan.Units);
        var records = new List<QuestionRecord>();
        var issues = new List<RowIssue>();
        var repairs = new List<CellRepair>();
        var ids = new Dictionary<string, QuestionRecord>(StringComparer.Ordinal);
        var fileUnits = new Dictionary<ParsedFile, Unit?>();
        foreach (var (copy, original) in identical)
        {
            // Taken once: the copy's rows are not read again, so they are in neither side of the reconciliation.
            var problem = Problem.Warning("QUESTIONS_FILE_IDENTICAL", Name(copy), "Same SHA-256 as an earlier file", Name(original));
            problems.Add(problem);
        }

        foreach (var file in parsed)
        {
            issues.AddRange(file.Issues);
            problems.AddRange(file.Notes);
            problems.AddRange(file.Issues.Where(i => i.FileLevel).Select(i => i.Problem));
            repairs.AddRange(file.Repairs);
            if (file.Rejected)
            {
                continue;
            }

            var unit = matcher?.Match(file);
            fileUnits[file] = unit;
            var label = unit?.Name ?? Label(file);
            if (matcher is not null && unit is null && !file.IsConsolidated)
            {
                problems.Warning("QUESTIONS_UNIT_UNKNOWN", file.FileName, "No plan unit matches the file", file.Letterhead.Count > 0 ? file.Letterhead[0] : "");
            }

            foreach (var record in file.Questions)
            {
                if (record.FromConsolidated && record.UnitName.Length > 0)
                {
                    // Keep the unit the lower level recorded; else the unit the consolidated file itself belongs to.
                    var carried = plan?.Units.FirstOrDefault(u => VietnameseText.Fold(u.Name) == VietnameseText.Fold(record.UnitName)) ?? unit;
                    record.UnitId = carried?.Id ?? "";
                    record.UnitName = carried?.Name ?? record.UnitName;
                }
                else
                {
                    record.UnitId = unit?.Id ?? "";
                    record.UnitName = label;
                }

                if (ids.TryGetValue(record.Id, out var earlier))
                {
                    if (!record.FromConsolidated && !earlier.FromConsolidated)
                    {
                        // Two raw rows hashing alike (practically never): keep both, make the id unique.
                        var n = 2;
                        while (ids.ContainsKey($"{record.Id}-{n}"))
                        {
                            n++;
                        }

                        record.Id = $"{record.Id}-{n}";
                    }
                    else
                    {
                        var location = Locations.Row(record.FileName, record.Sheet, record.Row);
                        issues.Add(new RowIssue(Problem.Error("QUESTIONS_ROW_DUPLICATE_ID", location, "Question id already taken", record.Id, earlier.FileName), false, record.Text));
                        continue;
                    }
                }

                ids[record.Id] = record;
                records.Add(record);
            }
        }

        var suggested = 0;
        foreach (var record in records)
        {
            ResolveTopic(record, topics, problems, ref suggested);
            Route(record, topics);
        }

        for (var i = 0; i < records.Count; i++)
        {
            records[i].Sequence = i + 1;
        }

        Phase("assemble");

        // The question texts' shared-string part does not depend on duplicates: it is written while they are found.
        var prepared = ConsolidatedWorkbookWriter.Prepare(records, Path.GetFullPath(request.OutputPath));
        var written = false;
        try
        {
            var tokens = new int[records.Count][];
            for (var i = 0; i < records.Count; i++)
            {
                tokens[i] = records[i].Tokens;
            }

            Phase("tokens");
            var groups = DuplicateFinder.Find(tokens, vocabulary, request.NearDuplicateThreshold);
            var exactRepeats = 0;
            var nearRepeats = 0;
            foreach (var group in groups)
            {
                for (var k = 0; k < group.Members.Count; k++)
                {
                    var index = group.Members[k];
                    var record = records[index];
                    record.DuplicateGroup = group.Label;
                    if (group.ExactOf[k] != index)
                    {
                        record.IsExactRepeat = true;
                        exactRepeats++;
                    }
                    else if (k > 0)
                    {
                        nearRepeats++;
                    }
                }
            }

            DialogueSelection.Select(records, groups);
            Phase("duplicates");
            var tracking = Track(plan, fileUnits, records, received, request.Time, problems);
            Phase("tracking");
            var rowsRead = parsed.Sum(f => f.RowsRead);
            var rowIssues = issues.Count(i => !i.FileLevel);
            var ignored = issues.Count(i => i.Ignored);
            var result = new MergeResult
            {
                OutputPath = Path.GetFullPath(request.OutputPath),
                FilesFound = files.Count + identical.Count,
                FilesRead = parsed.Count(f => !f.Rejected),
                FilesRejected = parsed.Count(f => f.Rejected),
                FilesIdentical = identical.Count,
                RowsRead = rowsRead,
                RowsTaken = records.Count,
                RowsRejected = rowIssues,
                RowsIgnored = ignored,
                Questions = records.Count,
                DuplicateGroups = groups.Count,
                ExactRepeats = exactRepeats,
                NearRepeats = nearRepeats,
                TopicsSuggested = suggested,
                CellsConverted = repairs.Count,
                Tracking = tracking,
                TopicCounts = records.GroupBy(r => r.Topic).ToDictionary(g => g.Key, g => g.Count()),
                Problems = problems.Items,
            };

            var workbook = new ConsolidatedWorkbook
            {
                Plan = plan,
                Topics = topics.Topics,
                Records = records,
                Groups = groups,
                Issues = issues,
                Repairs = repairs,
                Tracking = tracking,
                Result = result,
                Today = DateOnly.FromDateTime(request.Time.GetLocalNow().DateTime),
            };
            try
            {
                var folder = Path.GetDirectoryName(result.OutputPath);
                if (!string.IsNullOrEmpty(folder))
                {
                    Directory.CreateDirectory(folder);
                }

                written = true;
                ConsolidatedWorkbookWriter.Write(workbook, prepared);
                Phase("write");
                if (PhaseTimings.Enabled)
                {
                    PhaseTimings.Since(
                        string.Create(CultureInfo.InvariantCulture, $"questions merge: whole (gc {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} collections, {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms paused; jit {System.Runtime.JitInfo.GetCompiledMethodCount()} methods, {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0} ms)"),
                        mergeStarted);
                }
            }
            catch (IOException ex)
            {
                throw new ProblemException(Problem.Error("QUESTIONS_OUTPUT_FAILED", request.OutputPath, ex.GetType().Name, request.OutputPath));
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new ProblemException(Problem.Error("QUESTIONS_OUTPUT_FAILED", request.OutputPath, ex.GetType().Name, request.OutputPath));
            }

            return result;
        }
        finally
        {
            if (!written)
            {
                prepared.Dispose();
            }
        }
    }

    private static string Name(string path) => Path.GetFileName(path).Normalize(NormalizationForm.FormC);

    /// <summary>
    /// Removes from <paramref name="files"/> each file whose bytes are those of an earlier one (the same return sent
    /// twice under two names) and returns the pairs (copy, the file kept). Only files of equal length are hashed.
    /// </summary>
    private static List<(string Copy, string Original)> SetAsideIdentical(List<string> files)
    {
        var pairs = new List<(string, string)>();
        var sizes = files.GroupBy(f => new FileInfo(f).Length).Where(g => g.Count() > 1 && g.Key > 0);
        foreach (var group in sizes)
        {
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in group)
            {
                string hash;
                try
                {
                    using var stream = File.OpenRead(file);
                    hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(stream));
                }
                catch (IOException)
                {
                    continue; // read (and reported) like any file that cannot be opened
                }
                catch (UnauthorizedAccessException)
                {
                    continue;
                }

                if (seen.TryGetValue(hash, out var original))
                {
                    pairs.Add((file, original));
                }
                else
                {
                    seen[hash] = file;
                }
            }
        }

        var copies = pairs.Select(p => p.Item1).ToHashSet(StringComparer.Ordinal);
        files.RemoveAll(copies.Contains);
        return pairs;
    }

    private static (List<string> Files, string? Register) Expand(MergeRequest request, ProblemList problems)
    {
        var files = new List<string>();
        string? register = null;
        var output = Path.GetFullPath(request.OutputPath);
        foreach (var input in request.Inputs)
        {
            if (File.Exists(input))
            {
                files.Add(Path.GetFullPath(input));
            }
            else if (Directory.Exists(input))
            {
                foreach (var path in Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    var name = Path.GetFileName(path);
                    if (RegisterFileNames.Contains(name, StringComparer.OrdinalIgnoreCase))
                    {
                        register ??= path;
                        continue;
                    }

                    // Office lock files, desktop litter and the output itself are not returns.
                    if (name.StartsWith("~$", StringComparison.Ordinal) || name.StartsWith('.') || name is "Thumbs.db" or "desktop.ini"
                        || string.Equals(Path.GetFullPath(path), output, StringComparison.Ordinal)
                        || Path.GetExtension(name).ToLowerInvariant() is ".md" or ".txt" or ".yaml" or ".yml" or ".json")
                    {
                        continue;
                    }

                    files.Add(Path.GetFullPath(path));
                }
            }
            else
            {
                problems.Error("QUESTIONS_INPUT_MISSING", input, "Path not found", input);
            }
        }

        return (files.Distinct(StringComparer.Ordinal).ToList(), register);
    }

    private static long ReadTicks;
    private static long ParseTicks;

    private static ParsedFile ReadOne(string path, GuardedWorkbookReader.Limits limits)
    {
        var name = Path.GetFileName(path);
        try
        {
            var extension = Path.GetExtension(path).ToLowerInvariant();
            if (extension is ".doc" or ".docx" or ".pdf" or ".odt" or ".rtf" or ".ods" or ".zip" or ".rar" or ".jpg" or ".png")
            {
                throw new FileReadException(extension is ".docx" or ".doc" ? FileRejection.WordDocument : FileRejection.NotSpreadsheet, extension);
            }

            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            var workbook = GuardedWorkbookReader.Read(path, limits);
            var middle = System.Diagnostics.Stopwatch.GetTimestamp();
            var parsed = QuestionFileParser.Parse(path, workbook);
            Interlocked.Add(ref ReadTicks, middle - start);
            Interlocked.Add(ref ParseTicks, System.Diagnostics.Stopwatch.GetTimestamp() - middle);
            return parsed;
        }
        catch (FileReadException ex)
        {
            var code = ex.Reason switch
            {
                FileRejection.ZipBomb => "QUESTIONS_FILE_ZIP_BOMB",
                FileRejection.Encrypted => "QUESTIONS_FILE_ENCRYPTED",
                FileRejection.LegacyXls => "QUESTIONS_FILE_XLS",
                FileRejection.WordDocument => "QUESTIONS_FILE_WORD",
                FileRejection.NotSpreadsheet => "QUESTIONS_FILE_NOT_SPREADSHEET",
                FileRejection.TooManyRows => "QUESTIONS_FILE_TOO_MANY_ROWS",
                FileRejection.TooLarge => "QUESTIONS_FILE_TOO_LARGE",
                FileRejection.CsvNotUtf8 => "QUESTIONS_FILE_CSV_ENCODING",
                _ => "QUESTIONS_FILE_CORRUPT",
            };
            string[] args = ex.Reason switch
            {
                FileRejection.TooManyRows => [limits.MaxRowsPerSheet.ToString("N0", VietnameseText.Culture)],
                FileRejection.TooLarge => ex.Args,
                _ => [Path.GetExtension(name)],
            };
            return Rejected(path, Problem.Error(code, name, ex.Message, args));
        }
        catch (Inputs.InputFileException ex)
        {
            // Not a regular file, or too large on disk: the shared code of the guarded opener.
            return Rejected(path, ex.ToProblem());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A reader bug or a file shape never seen: this file is listed, the others go on.
            return Rejected(path, Problem.Error("QUESTIONS_FILE_UNREADABLE", name, ex.GetType().Name + ": " + ex.Message));
        }
    }

    private static ParsedFile Rejected(string path, Problem problem)
    {
        var file = new ParsedFile { Path = path, FileName = Path.GetFileName(path), Rejected = true };
        file.Issues.Add(new RowIssue(problem, false, "", FileLevel: true));
        return file;
    }

    private static string MakeId(string code, string foldedFileName, QuestionRecord record)
    {
        var key = $"{foldedFileName}|{record.Sheet}|{record.Row}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32: no I, L, O, U
        var value = ((ulong)hash[0] << 32) | ((ulong)hash[1] << 24) | ((ulong)hash[2] << 16) | ((ulong)hash[3] << 8) | hash[4];
        var chars = new char[8];
        for (var i = 7; i >= 0; i--)
        {
            chars[i] = alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return $"{code}-{new string(chars)}";
    }

    private static void ResolveTopic(QuestionRecord record, TopicResolver topics, ProblemList problems, ref int suggested)
    {
        record.Topic = topics.Parse(record.TopicRaw);
        if (record.Topic > 0)
        {
            return;
        }

        var (topic, evidence) = topics.Suggest(record.Text);
        var location = Locations.Row(record.FileName, record.Sheet, record.Row);
        var empty = string.IsNullOrWhiteSpace(record.TopicRaw);
        if (topic > 0)
        {
            record.Topic = topic;
            record.TopicSuggested = true;
            record.TopicEvidence = evidence;
            suggested++;
            problems.Warning(empty ? "QUESTIONS_TOPIC_EMPTY_SUGGESTED" : "QUESTIONS_TOPIC_SUGGESTED", location, "Topic suggested from keywords", record.TopicRaw, topic.ToString(CultureInfo.InvariantCulture), evidence);
        }
        else
        {
            problems.Warning(empty ? "QUESTIONS_TOPIC_EMPTY_UNKNOWN" : "QUESTIONS_TOPIC_UNKNOWN", location, "No topic and no keyword", record.TopicRaw);
        }
    }

    private static void Route(QuestionRecord record, TopicResolver topics)
    {
        if (topics.Find(record.Topic) is { Departments.Count: > 0 } topic)
        {
            record.LeadDepartment = topic.Departments[0];
            record.CoDepartments = string.Join("; ", topic.Departments.Skip(1));
        }
        else if (record.LeadDepartment.Length == 0)
        {
            record.LeadDepartment = record.ProposedAnswerer;
        }
    }

    private static Dictionary<string, DateOnly> ReadRegister(string? path, ProblemList problems)
    {
        var result = new Dictionary<string, DateOnly>(StringComparer.OrdinalIgnoreCase);
        if (path is null || !File.Exists(path))
        {
            return result;
        }

        var number = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            number++;
            var text = line.Trim().TrimStart('\uFEFF');
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            var parts = text.Split([';', ',', '\t'], 2);
            if (parts.Length == 2 && ParseDate(parts[1].Trim()) is { } date)
            {
                result[parts[0].Trim().Normalize(NormalizationForm.FormC)] = date;
            }
            else if (number > 1)
            {
                problems.Warning("QUESTIONS_RECEIVED_BAD_LINE", Locations.Line(Path.GetFileName(path), number), "Unreadable register line", text);
            }
        }

        return result;
    }

    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, ["d/M/yyyy", "dd/MM/yyyy", "yyyy-MM-dd", "d-M-yyyy", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    /// <summary>The sender of a file no plan unit matches: its letterhead's first line, else its file name.</summary>
    private static string Label(ParsedFile file) =>
        file.Letterhead.Count > 0 ? file.Letterhead[0] : Path.GetFileNameWithoutExtension(file.FileName);

    private static List<UnitSubmission> Track(
        ConferencePlan? plan,
        Dictionary<ParsedFile, Unit?> fileUnits,
        List<QuestionRecord> records,
        Dictionary<string, DateOnly> received,
        TimeProvider time,
        ProblemList problems)
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        // Questions per plan unit (only plan units are looked up here; files without one are counted per file below).
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (plan is { Units.Count: > 0 })
        {
            foreach (var record in records)
            {
                if (record.UnitId.Length > 0)
                {
                    counts[record.UnitId] = counts.GetValueOrDefault(record.UnitId) + 1;
                }
            }
        }

        var list = new List<UnitSubmission>();
        var units = plan?.Units ?? [];
        foreach (var unit in units)
        {
            var deadline = (plan!.FindDeadline(unit.DeadlineId) ?? (plan.Deadlines.Count > 0 ? plan.Deadlines[0] : null))?.Date;
            var files = fileUnits.Where(kv => kv.Value?.Id == unit.Id).Select(kv => kv.Key).ToList();
            if (files.Count == 0)
            {
                var state = deadline is { } d && today <= d ? SubmissionState.NotYetDue : SubmissionState.Missing;
                if (state == SubmissionState.Missing)
                {
                    problems.Warning("QUESTIONS_UNIT_MISSING", unit.Name, "Unit has not returned its sheet", unit.Name, deadline is { } dd ? VietnameseText.ShortDate(dd) : "—");
                }

                list.Add(new UnitSubmission(unit.Id, unit.Name, deadline, state, null, "", 0, 0, []));
                continue;
            }

            // The date that counts: the register kept by the văn thư; else the date written on the document.
            DateOnly? date = null;
            var source = "";
            foreach (var file in files)
            {
                if (received.TryGetValue(file.FileName, out var r) && (date is null || r > date))
                {
                    date = r;
                    source = "Sổ nhận phiếu";
                }
            }

            if (date is null)
            {
                foreach (var file in files)
                {
                    if (file.DocumentDate is { } d && (date is null || d > date))
                    {
                        date = d;
                        source = "Ngày ghi trên phiếu";
                    }
                }
            }

            var late = date is { } got && deadline is { } due && got > due ? got.DayNumber - due.DayNumber : 0;
            var stateOf = date is null ? SubmissionState.DateUnknown : late > 0 ? SubmissionState.Late : SubmissionState.OnTime;
            if (late > 0)
            {
                problems.Warning("QUESTIONS_UNIT_LATE", unit.Name, "Unit returned late", unit.Name, late.ToString(CultureInfo.InvariantCulture), VietnameseText.ShortDate(date!.Value), VietnameseText.ShortDate(deadline!.Value));
            }

            list.Add(new UnitSubmission(unit.Id, unit.Name, deadline, stateOf, date, source, late, counts.GetValueOrDefault(unit.Id), files.Select(f => f.FileName).ToList()));
        }

        // Files not tied to a plan unit (or no plan at all): one line per letterhead name.
        var perFile = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            perFile[record.FileName] = perFile.GetValueOrDefault(record.FileName) + 1;
        }

        // The same name the file's questions carry (a CSV has no letterhead: its file name without extension), so
        // "Thống kê" has one line per sender, not one with the questions and another with zeros.
        foreach (var group in fileUnits.Where(kv => kv.Value is null).GroupBy(kv => Label(kv.Key)))
        {
            var files = group.Select(kv => kv.Key).ToList();
            var date = files.Select(f => received.TryGetValue(f.FileName, out var r) ? r : f.DocumentDate).Where(d => d is not null).Max();
            var unitName = files[0].IsConsolidated ? "Bản tổng hợp: " + files[0].FileName : group.Key;
            var questions = files.Select(f => f.FileName).Distinct(StringComparer.Ordinal).Sum(n => perFile.GetValueOrDefault(n));
            list.Add(new UnitSubmission("", unitName, null, date is null ? SubmissionState.DateUnknown : SubmissionState.OnTime, date, date is null ? "" : "Ngày ghi trên phiếu", 0, questions, files.Select(f => f.FileName).ToList()));
        }

        return list;
    }
}
