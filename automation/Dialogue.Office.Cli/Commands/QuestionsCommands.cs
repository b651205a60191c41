using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Questions;
using Dialogue.Office.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dialogue.Office.Cli.Commands;

/// <summary>Settings of <c>dialogue questions merge</c>.</summary>
public sealed class QuestionsMergeSettings : ReportSettings
{
    [CommandArgument(0, "<tệp-hoặc-thư-mục>")]
    [Description("Các phiếu câu hỏi đơn vị gửi về (.xlsx, .csv) hoặc thư mục chứa chúng; có thể là bản tổng hợp của cấp dưới.")]
    public string[] Inputs { get; init; } = [];

    [CommandOption("--plan <thư-mục-kế-hoạch>")]
    [Description("Thư mục kế hoạch: nhóm vấn đề, cơ quan trả lời, danh sách đơn vị và thời hạn.")]
    public string? Plan { get; init; }

    [CommandOption("-o|--out <tệp.xlsx>")]
    [Description("Tệp tổng hợp sẽ ghi.")]
    public string Out { get; init; } = "";

    [CommandOption("--received <sổ-nhận.csv>")]
    [Description("Sổ nhận phiếu: mỗi dòng \"tên tệp;ngày nhận\" (mặc định: ngay-nhan.csv trong thư mục phiếu).")]
    public string? Received { get; init; }

    [CommandOption("--nguong-gan-trung <0..1>")]
    [Description("Độ giống (0–1) để coi hai câu là gần trùng; 0 = chỉ tìm trùng nguyên văn. Mặc định 0,8.")]
    public double Threshold { get; init; } = 0.8;

    protected override ValidationResult CheckValues()
    {
        if (Inputs.Length == 0)
        {
            return ValidationResult.Error("Chưa chọn phiếu câu hỏi hoặc thư mục phiếu.");
        }

        if (string.IsNullOrWhiteSpace(Out) || !Out.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return ValidationResult.Error("Cần chỉ rõ tệp kết quả .xlsx bằng --out.");
        }

        if (Plan is not null && !Directory.Exists(Plan))
        {
            return ValidationResult.Error($"Không tìm thấy thư mục kế hoạch \"{Plan}\".");
        }

        return Threshold is < 0 or > 1 ? ValidationResult.Error("Độ giống phải từ 0 đến 1.") : ValidationResult.Success();
    }
}

/// <summary><c>dialogue questions merge</c>: consolidates returned question sheets, prints the reconciliation.</summary>
public sealed class QuestionsMergeCommand : Command<QuestionsMergeSettings>
{
    public override int Execute(CommandContext context, QuestionsMergeSettings settings, CancellationToken cancellationToken)
    {
        ConferencePlan? plan = null;
        if (settings.Plan is not null)
        {
            (plan, var blocking) = QuestionsPlan.Read(settings.Plan);
            if (plan is null)
            {
                return settings.Json
                    ? JsonReport.Write("questions merge", ExitCodes.InputErrors, blocking.Select(p => new JsonProblem(p)))
                    : QuestionsPlan.Refuse(blocking);
            }
        }

        var result = QuestionConsolidator.Merge(new MergeRequest
        {
            Inputs = settings.Inputs,
            OutputPath = settings.Out,
            Plan = plan,
            ReceivedRegister = settings.Received,
            NearDuplicateThreshold = settings.Threshold,
        });
        var exitCode = result.Reconciles ? ExitCodes.Ok : ExitCodes.Crash;
        if (settings.Json)
        {
            return JsonReport.Write("questions merge", exitCode, ProblemOrder.Sort(result.Problems).Select(p => new JsonProblem(p)), w => QuestionsOutput.Json(w, result));
        }

        QuestionsOutput.Print(result);
        return exitCode;
    }
}

/// <summary>
/// Question commands need the plan's topics, units and deadlines, not its delegate list: the core's plan gate
/// (<see cref="PlanUse.Questions"/>) lets delegate-list errors through, as it does for the host's question endpoints.
/// </summary>
internal static class QuestionsPlan
{
    /// <summary>The plan, or null with the errors that stop a question command.</summary>
    public static (ConferencePlan? Plan, IReadOnlyList<Problem> Blocking) Read(string folder)
    {
        var plan = PlanGate.Open(PlanLoader.Load(folder), PlanUse.Questions, out var blocking);
        return (plan, blocking);
    }

    /// <summary>The plan, or null after printing why the command cannot use it.</summary>
    public static ConferencePlan? Load(string folder)
    {
        var (plan, blocking) = Read(folder);
        if (plan is null)
        {
            Refuse(blocking);
        }

        return plan;
    }

    public static int Refuse(IReadOnlyList<Problem> blocking)
    {
        ConsoleOutput.Problems(blocking);
        ConsoleOutput.Error("Kế hoạch còn lỗi; hãy sửa rồi chạy lại.");
        return ExitCodes.InputErrors;
    }
}

/// <summary>Shared printing of a merge: the reconciliation, the tracking table and the problems worth reading.</summary>
internal static class QuestionsOutput
{
    public static void Print(MergeResult r)
    {
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        var shown = r.Problems.Where(p => !p.Code.StartsWith("QUESTIONS_TOPIC_", StringComparison.Ordinal)).ToList();
        ConsoleOutput.Problems(shown, "Lưu ý khi tổng hợp");
        var table = new FitTable(
            "Đối chiếu",
            new FitColumn("Chỉ tiêu", Fit.Words, Heading: true),
            new FitColumn("Số lượng", Fit.Atomic, Right: true));
        void Add(string label, int value) => table.Add(label, value.ToString("N0", vi));
        Add("Tệp đã đọc", r.FilesRead);
        Add("Tệp không đọc được", r.FilesRejected);
        if (r.FilesIdentical > 0)
        {
            Add("Tệp giống hệt tệp khác (chỉ tính một lần)", r.FilesIdentical);
        }

        Add("Dòng đã đọc", r.RowsRead);
        Add("  lấy vào tổng hợp", r.RowsTaken);
        Add("  không lấy (xem trang Lỗi và bỏ qua)", r.RowsRejected);
        Add("    trong đó bỏ qua dòng tổng, chữ ký, đánh số cột", r.RowsIgnored);
        Add("Nhóm câu hỏi trùng", r.DuplicateGroups);
        Add("Câu trùng nguyên văn", r.ExactRepeats);
        Add("Câu gần trùng", r.NearRepeats);
        Add("Nhóm vấn đề do máy gợi ý (cần xem lại)", r.TopicsSuggested);
        Add("Ô đã chuyển mã chữ", r.CellsConverted);
        table.Write(AnsiConsole.Console);
        var line = string.Create(vi, $"Đã đọc {r.RowsRead:N0} dòng = {r.RowsTaken:N0} lấy vào + {r.RowsRejected:N0} không lấy");
        if (r.Reconciles)
        {
            ConsoleOutput.Success(line + ".");
        }
        else
        {
            ConsoleOutput.Error(line + ": KHÔNG KHỚP — vui lòng báo bộ phận hỗ trợ.");
        }

        ConsoleOutput.Success($"Đã ghi bản tổng hợp: {r.OutputPath}");
    }

    /// <summary>The merge's figures and tracking in a JSON report (docs/cli.md).</summary>
    public static void Json(Utf8JsonWriter w, MergeResult r)
    {
        w.WriteString("output", r.OutputPath);
        w.WriteStartObject("reconciliation");
        w.WriteNumber("filesFound", r.FilesFound);
        w.WriteNumber("filesRead", r.FilesRead);
        w.WriteNumber("filesRejected", r.FilesRejected);
        w.WriteNumber("filesIdentical", r.FilesIdentical);
        w.WriteNumber("rowsRead", r.RowsRead);
        w.WriteNumber("rowsTaken", r.RowsTaken);
        w.WriteNumber("rowsRejected", r.RowsRejected);
        w.WriteNumber("rowsIgnored", r.RowsIgnored);
        w.WriteNumber("questions", r.Questions);
        w.WriteNumber("duplicateGroups", r.DuplicateGroups);
        w.WriteNumber("exactRepeats", r.ExactRepeats);
        w.WriteNumber("nearRepeats", r.NearRepeats);
        w.WriteNumber("topicsSuggested", r.TopicsSuggested);
        w.WriteNumber("cellsConverted", r.CellsConverted);
        w.WriteBoolean("reconciles", r.Reconciles);
        w.WriteEndObject();
        w.WriteStartArray("tracking");
        foreach (var u in r.Tracking)
        {
            w.WriteStartObject();
            w.WriteString("unitId", u.UnitId);
            w.WriteString("unitName", u.UnitName);
            Date(w, "deadline", u.Deadline);
            w.WriteString("state", JsonNamingPolicy.CamelCase.ConvertName(u.State.ToString()));
            Date(w, "received", u.Received);
            w.WriteString("dateSource", u.DateSource);
            w.WriteNumber("daysLate", u.DaysLate);
            w.WriteNumber("questions", u.Questions);
            w.WriteStartArray("files");
            foreach (var file in u.Files)
            {
                w.WriteStringValue(file);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Date(Utf8JsonWriter w, string name, DateOnly? date)
    {
        if (date is { } d)
        {
            w.WriteString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}

/// <summary>Settings of <c>dialogue questions form</c>.</summary>
public sealed class QuestionsFormSettings : PlanSettings
{
    [CommandOption("-o|--out <thư-mục>")]
    [Description("Thư mục ghi các phiếu (mặc định: out/<mã hội nghị>/phieu-cau-hoi).")]
    public string? Out { get; init; }
}

/// <summary><c>dialogue questions form &lt;plan&gt;</c>: one form per unit of the plan.</summary>
public sealed class QuestionsFormCommand : Command<QuestionsFormSettings>
{
    public override int Execute(CommandContext context, QuestionsFormSettings settings, CancellationToken cancellationToken)
    {
        var plan = QuestionsPlan.Load(settings.PlanFolder);
        if (plan is null)
        {
            return ExitCodes.InputErrors;
        }

        var folder = settings.Out ?? Path.Combine("out", plan.Conference.Code, "phieu-cau-hoi");
        var files = QuestionForms.WriteAll(plan, folder);
        foreach (var file in files)
        {
            ConsoleOutput.Info(file);
        }

        ConsoleOutput.Success($"Đã lập {files.Count} phiếu câu hỏi trong {Path.GetFullPath(folder)}.");
        return ExitCodes.Ok;
    }
}

/// <summary>Settings of <c>dialogue questions split</c>.</summary>
public sealed class QuestionsSplitSettings : CliSettings
{
    [CommandArgument(0, "<bản-tổng-hợp.xlsx>")]
    [Description("Bản tổng hợp do lệnh merge lập.")]
    public string Consolidated { get; init; } = "";

    [CommandOption("--plan <thư-mục-kế-hoạch>")]
    [Description("Thư mục kế hoạch (cơ quan trả lời theo nhóm vấn đề).")]
    public string Plan { get; init; } = "";

    [CommandOption("-o|--out <thư-mục>")]
    [Description("Thư mục ghi mỗi cơ quan một tệp.")]
    public string Out { get; init; } = "";

    protected override ValidationResult Check() =>
        !File.Exists(Consolidated) ? ValidationResult.Error($"Không tìm thấy tệp \"{Consolidated}\".")
        : !Directory.Exists(Plan) ? ValidationResult.Error("Cần chỉ rõ thư mục kế hoạch bằng --plan.")
        : string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("Cần chỉ rõ thư mục kết quả bằng --out.")
        : ValidationResult.Success();
}

/// <summary><c>dialogue questions split</c>: one workbook per answering department.</summary>
public sealed class QuestionsSplitCommand : Command<QuestionsSplitSettings>
{
    public override int Execute(CommandContext context, QuestionsSplitSettings settings, CancellationToken cancellationToken)
    {
        var plan = QuestionsPlan.Load(settings.Plan);
        if (plan is null)
        {
            return ExitCodes.InputErrors;
        }

        var files = QuestionRouting.Split(settings.Consolidated, plan, settings.Out);
        foreach (var file in files)
        {
            ConsoleOutput.Info(file);
        }

        ConsoleOutput.Success($"Đã lập {files.Count} tệp giao cơ quan trả lời trong {Path.GetFullPath(settings.Out)}.");
        return ExitCodes.Ok;
    }
}

/// <summary>Settings of <c>dialogue questions answers</c>.</summary>
public sealed class QuestionsAnswersSettings : CliSettings
{
    [CommandArgument(0, "<bản-tổng-hợp.xlsx>")]
    [Description("Bản tổng hợp do lệnh merge lập.")]
    public string Consolidated { get; init; } = "";

    [CommandArgument(1, "<tệp-đã-trả-lời>")]
    [Description("Các tệp cơ quan đã điền câu trả lời.")]
    public string[] Answered { get; init; } = [];

    [CommandOption("-o|--out <tệp.xlsx>")]
    [Description("Bản tổng hợp có câu trả lời sẽ ghi.")]
    public string Out { get; init; } = "";

    protected override ValidationResult Check() =>
        !File.Exists(Consolidated) ? ValidationResult.Error($"Không tìm thấy tệp \"{Consolidated}\".")
        : Answered.FirstOrDefault(f => !File.Exists(f)) is { } missing ? ValidationResult.Error($"Không tìm thấy tệp \"{missing}\".")
        : !Out.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ValidationResult.Error("Cần chỉ rõ tệp kết quả .xlsx bằng --out.")
        : ValidationResult.Success();
}

/// <summary><c>dialogue questions answers</c>: merges answers back by question id.</summary>
public sealed class QuestionsAnswersCommand : Command<QuestionsAnswersSettings>
{
    public override int Execute(CommandContext context, QuestionsAnswersSettings settings, CancellationToken cancellationToken)
    {
        var result = QuestionRouting.MergeAnswers(settings.Consolidated, settings.Answered, settings.Out);
        ConsoleOutput.Problems(result.Problems, "Lưu ý khi ghép câu trả lời");
        ConsoleOutput.Success(string.Create(CultureInfo.GetCultureInfo("vi-VN"),
            $"{result.Questions:N0} câu hỏi: {result.Answered:N0} đã có trả lời, {result.Unanswered:N0} chưa; {result.Conflicts:N0} trả lời mâu thuẫn, {result.UnknownIds:N0} mã không có trong bản tổng hợp."));
        ConsoleOutput.Success($"Đã ghi: {result.OutputPath}");
        return result.Problems.Any(p => p.IsError) ? ExitCodes.InputErrors : ExitCodes.Ok;
    }
}

/// <summary>Settings shared by the documents written from a consolidated workbook (report, answer book).</summary>
public abstract class QuestionsDocumentSettings : CliSettings
{
    [CommandArgument(0, "<bản-tổng-hợp.xlsx>")]
    [Description("Bản tổng hợp do lệnh merge lập (cột \"Chọn\" đã được rà soát).")]
    public string Consolidated { get; init; } = "";

    [CommandOption("--plan <thư-mục-kế-hoạch>")]
    [Description("Thư mục kế hoạch (nhóm vấn đề, cơ quan ban hành, thời hạn).")]
    public string Plan { get; init; } = "";

    [CommandOption("-o|--out <tệp.docx>")]
    [Description("Tệp văn bản sẽ ghi (.docx).")]
    public string Out { get; init; } = "";

    [CommandOption("--date <ngày>")]
    [Description("Ngày ghi trên văn bản (ví dụ 15/4/2023); mặc định lấy từ kế hoạch, không lấy ngày chạy lệnh.")]
    public string? Date { get; init; }

    internal DateOnly? ParsedDate => Date is null ? null : Automation.Conclusions.ConclusionsReader.ParseDate(Date);

    protected override ValidationResult Check() =>
        !File.Exists(Consolidated) ? ValidationResult.Error($"Không tìm thấy tệp \"{Consolidated}\".")
        : !Directory.Exists(Plan) ? ValidationResult.Error("Cần chỉ rõ thư mục kế hoạch bằng --plan.")
        : !Out.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) ? ValidationResult.Error("Cần chỉ rõ tệp kết quả .docx bằng --out.")
        : Date is not null && ParsedDate is null ? ValidationResult.Error($"--date \"{Date}\" không phải là ngày (ghi theo dạng 15/4/2023 hoặc 2023-04-15).")
        : ValidationResult.Success();
}

/// <summary>Settings of <c>dialogue questions report</c>.</summary>
public sealed class QuestionsReportSettings : QuestionsDocumentSettings
{
    [CommandOption("--deadline <mã-thời-hạn>")]
    [Description("Thời hạn trong kế hoạch mà báo cáo này thực hiện (ví dụ don-vi: đơn vị gửi Sở trước 10/4; so-gddt: Sở gửi UBND tỉnh trước 15/4). Mặc định: thời hạn gửi cơ quan ban hành kế hoạch.")]
    public string? Deadline { get; init; }

    [CommandOption("--from <cơ-quan>")]
    [Description("Cơ quan gửi báo cáo, viết như trong câu (ví dụ \"Ủy ban nhân dân huyện Văn Yên\"); mặc định theo thời hạn.")]
    public string? From { get; init; }

    [CommandOption("--number <số>")]
    [Description("Số của báo cáo do văn thư cấp (ví dụ 45); mặc định để trống trên báo cáo và Phụ lục để văn thư ghi.")]
    public string? Number { get; init; }

    protected override ValidationResult Check() =>
        Number is { } n && !System.Text.RegularExpressions.Regex.IsMatch(n.Trim(), "^[0-9]{1,5}$")
            ? ValidationResult.Error($"--number \"{n}\" không phải là số văn bản (chỉ ghi số, ví dụ 45; ký hiệu /BC-… do phần mềm ghi).")
            : base.Check();
}

/// <summary><c>dialogue questions report</c>: the Báo cáo tổng hợp câu hỏi a deadline of the plan asks for (ND30).</summary>
public sealed class QuestionsReportCommand : Command<QuestionsReportSettings>
{
    public override int Execute(CommandContext context, QuestionsReportSettings settings, CancellationToken cancellationToken)
    {
        var plan = QuestionsPlan.Load(settings.Plan);
        if (plan is null)
        {
            return ExitCodes.InputErrors;
        }

        var deadline = settings.Deadline is null ? QuestionReport.IssuerDeadline(plan) : plan.FindDeadline(settings.Deadline);
        if (deadline is null)
        {
            var known = string.Join(", ", plan.Deadlines.Select(d => $"{d.Id} ({d.Description})"));
            ConsoleOutput.Error(settings.Deadline is null
                ? $"QUESTIONS_REPORT_DEADLINE_MISSING: Kế hoạch không có thời hạn gửi {plan.Issuer.NameInText}; hãy chọn thời hạn bằng --deadline ({known})."
                : $"QUESTIONS_REPORT_DEADLINE_UNKNOWN: Kế hoạch không có thời hạn \"{settings.Deadline}\"; các thời hạn có: {known}.");
            return ExitCodes.InputErrors;
        }

        var written = QuestionReport.Write(new QuestionReportRequest
        {
            Workbook = settings.Consolidated,
            Plan = plan,
            DeadlineId = deadline.Id,
            From = string.IsNullOrWhiteSpace(settings.From) ? null : settings.From.Trim(),
            Date = settings.ParsedDate,
            Number = string.IsNullOrWhiteSpace(settings.Number) ? null : settings.Number.Trim(),
            OutputPath = settings.Out,
        });
        ConsoleOutput.Success($"Đã lập báo cáo gửi {deadline.To} (hạn {Automation.Vietnamese.VietnameseText.ShortDate(deadline.Date)}): {Path.GetFullPath(settings.Out)}");
        if (written.Appendix is { } appendix)
        {
            ConsoleOutput.Success($"Phụ lục kèm theo ({written.Selected} câu hỏi đưa ra đối thoại): {Path.GetFullPath(appendix)}");
        }
        return ExitCodes.Ok;
    }
}

/// <summary>Settings of <c>dialogue questions book</c>.</summary>
public sealed class QuestionsBookSettings : QuestionsDocumentSettings
{
}

/// <summary><c>dialogue questions book</c>: the leaders' answer book from the consolidation with the answers merged.</summary>
public sealed class QuestionsBookCommand : Command<QuestionsBookSettings>
{
    public override int Execute(CommandContext context, QuestionsBookSettings settings, CancellationToken cancellationToken)
    {
        var plan = QuestionsPlan.Load(settings.Plan);
        if (plan is null)
        {
            return ExitCodes.InputErrors;
        }

        AnswerBook.Write(settings.Consolidated, plan, settings.ParsedDate ?? AnswerBook.DefaultDate(plan), settings.Out);
        ConsoleOutput.Success($"Đã lập tài liệu trả lời cho chủ trì Hội nghị: {Path.GetFullPath(settings.Out)}");
        return ExitCodes.Ok;
    }
}
