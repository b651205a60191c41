using System.Reflection;
using Dialogue.Office.Cli.Commands;
using Dialogue.Office.Cli.Output;
using Spectre.Console.Cli;

namespace Dialogue.Office.Cli;

/// <summary>Every command of <c>dialogue</c>, one line each, and the application's settings (help, errors, version).</summary>
internal static class CommandRegistry
{
    /// <summary>Runs the command line (Program.cs and the in-process tests).</summary>
    public static int Run(string[] args)
    {
        var app = new CommandApp();
        app.Configure(config => Configure(config, args));
        return app.Run(args);
    }

    public static void Configure(IConfigurator config, IReadOnlyList<string> args)
    {
        config.SetApplicationName("dialogue");
        config.SetApplicationVersion(Version());
        config.SetHelpProvider(new VietnameseHelp());

        // An unknown option is an error, not silently ignored: "--fromat json" must not print a table to a script.
        config.UseStrictParsing();
        config.SetExceptionHandler((ex, _) => ConsoleOutput.Crash(ex, args));
        config.AddCommand<BuildCommand>("build")
            .WithDescription("Tạo toàn bộ hồ sơ hội nghị từ thư mục kế hoạch (giấy mời, tệp in gộp, danh sách đường dẫn QR…).")
            .WithExample("build", "templates/samples/yen-bai-2023", "--out", "out/yen-bai-2023");
        config.AddCommand<InvitationsCommand>("invitations")
            .WithDescription("Chỉ tạo giấy mời: mỗi đại biểu một tệp .docx có mã QR riêng, kèm tệp in gộp.");
        config.AddCommand<TemplateCommand>("template")
            .WithDescription("Ghi một bản mẫu có sẵn (giay-moi, kich-ban) để biên tập trong Word.");
        config.AddCommand<ValidateCommand>("validate")
            .WithDescription("Kiểm tra kế hoạch và danh sách đại biểu, báo mọi lỗi cùng lúc.");
        config.AddCommand<NewCommand>("new")
            .WithDescription("Tạo thư mục kế hoạch cho hội nghị mới: tệp plan.yaml có chú thích và danh sách đại biểu trống.")
            .WithExample("new", "hoi-nghi-2026");
        config.AddCommand<ProgrammeCommand>("programme").WithDescription("Chỉ tạo Chương trình hội nghị (.docx) với giờ tính từ thời lượng từng mục.");
        config.AddCommand<ScriptCommand>("script").WithDescription("Chỉ tạo Kịch bản chi tiết (lời dẫn của người dẫn chương trình) từ mẫu kich-ban.docx.");
        config.AddCommand<SeatingCommand>("seating").WithDescription("Chỉ xếp chỗ ngồi tại hội trường chính: sơ đồ và danh sách theo tên (.xlsx).");
        config.AddCommand<CheckCommand>("check").WithDescription("Kiểm tra thể thức văn bản Word theo Nghị định 30/2020/NĐ-CP, Phụ lục I.");
        config.AddCommand<FixCommand>("fix").WithDescription("Sửa các lỗi thể thức sửa được tự động, ghi ra tệp mới (không ghi đè tệp gốc).");
        config.AddBranch("questions", questions =>
        {
            questions.SetDescription("Phiếu câu hỏi: lập phiếu, tổng hợp, giao cơ quan trả lời, ghép câu trả lời.");
            questions.AddCommand<QuestionsFormCommand>("form").WithDescription("Lập phiếu câu hỏi cho từng đơn vị theo kế hoạch.");
            questions.AddCommand<QuestionsMergeCommand>("merge").WithDescription("Tổng hợp các phiếu đơn vị gửi về (kể cả bản tổng hợp của cấp dưới).");
            questions.AddCommand<QuestionsSplitCommand>("split").WithDescription("Tách bản tổng hợp thành tệp cho từng cơ quan trả lời.");
            questions.AddCommand<QuestionsAnswersCommand>("answers").WithDescription("Ghép câu trả lời của các cơ quan vào bản tổng hợp theo mã câu hỏi.");
            questions.AddCommand<QuestionsReportCommand>("report")
                .WithDescription("Lập Báo cáo tổng hợp câu hỏi theo thời hạn của kế hoạch (đơn vị gửi Sở trước 10/4, Sở gửi UBND tỉnh trước 15/4).")
                .WithExample("questions", "report", "out/tong-hop-cau-hoi.xlsx", "--plan", "templates/samples/yen-bai-2023", "--deadline", "so-gddt", "--out", "out/bao-cao-15-4.docx");
            questions.AddCommand<QuestionsBookCommand>("book")
                .WithDescription("Lập Tài liệu trả lời cho chủ trì Hội nghị từ bản tổng hợp đã ghép câu trả lời (câu chưa có trả lời được đánh dấu).");
        });
        config.AddCommand<MinutesCommand>("minutes").WithDescription("Lập Biên bản hội nghị (Mẫu 1.9) từ kế hoạch và các câu hỏi được chọn, có ô ghi diễn biến.");
        config.AddCommand<ConclusionsCommand>("conclusions").WithDescription("Lập Thông báo kết luận của Chủ tịch tại Hội nghị (Văn phòng ban hành) từ tệp kết luận.");
        config.AddCommand<FollowupCommand>("followup").WithDescription("Theo dõi thực hiện kết luận đến một ngày: báo cáo theo dõi (.xlsx) và công văn đôn đốc các cơ quan có nhiệm vụ quá hạn.");
        config.AddCommand<BudgetCommand>("budget").WithDescription("Lập Dự toán kinh phí (.xlsx, theo định mức của tỉnh) và Tờ trình gửi Sở Tài chính thẩm định.");
        config.AddBranch("attendance", attendance =>
        {
            attendance.SetDescription("Xác nhận tham dự và điểm danh: xuất sổ điểm danh ra Excel, đổi khóa bí mật của trang đại biểu.");
            attendance.SetDefaultCommand<AttendanceExportCommand>();
            attendance.AddCommand<AttendanceRotateCommand>("rotate").WithDescription("Tạo hoặc đổi khóa bí mật của hội nghị (mã QR và mã cửa đổi theo).");
        });
        config.AddCommand<PublishCommand>("publish").WithDescription("Công bố tài liệu hội nghị lên SharePoint (hoặc thư mục chia sẻ cục bộ) và tạo liên kết cho mã QR.");
    }

    /// <summary>The version as Spectre prints it (markup).</summary>
    internal static string Version() => Spectre.Console.Markup.Escape(VersionText());

    /// <summary>"dialogue 1.0.0 (bản dựng f31a5b4)": the informational version with the commit it was built from.</summary>
    internal static string VersionText()
    {
        var informational = typeof(CommandRegistry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0
            ? $"dialogue {informational}"
            : $"dialogue {informational[..plus]} (bản dựng {informational[(plus + 1)..][..Math.Min(7, informational.Length - plus - 1)]})";
    }

    /// <summary>
    /// The command line is only the version option, for which Spectre prints <see cref="Version"/> as one line of plain
    /// text (the version holds no style) and exits 0; Program prints it without Spectre.
    /// </summary>
    internal static bool IsVersionOnly(string[] args) => args is ["--version"] or ["-v"];
}
