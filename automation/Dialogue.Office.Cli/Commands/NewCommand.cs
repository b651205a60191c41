using System.ComponentModel;
using Dialogue.Office.Automation.Plans;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dialogue.Office.Cli.Commands;

/// <summary>Settings of <c>dialogue new</c>.</summary>
public sealed class NewSettings : CliSettings
{
    [CommandArgument(0, "<thư-mục>")]
    [Description("Thư mục của hội nghị mới (được tạo nếu chưa có).")]
    public string Folder { get; init; } = "";

    protected override ValidationResult Check() =>
        string.IsNullOrWhiteSpace(Folder)
            ? ValidationResult.Error("Hãy ghi tên thư mục cho hội nghị mới.")
            : File.Exists(Folder)
                ? ValidationResult.Error($"\"{Folder}\" là một tệp, không phải thư mục.")
                : ValidationResult.Success();
}

/// <summary><c>dialogue new &lt;folder&gt;</c>: writes a commented plan.yaml and a blank delegate workbook.</summary>
public sealed class NewCommand : Command<NewSettings>
{
    public override int Execute(CommandContext context, NewSettings settings, CancellationToken cancellationToken)
    {
        var result = PlanScaffold.Create(settings.Folder);
        if (ConsoleOutput.Problems(result.Problems))
        {
            return ExitCodes.InputErrors;
        }

        foreach (var path in result.Written)
        {
            ConsoleOutput.Success($"Đã tạo {path}");
        }

        foreach (var path in result.Kept)
        {
            ConsoleOutput.Info($"Giữ nguyên tệp đã có: {path}");
        }

        ConsoleOutput.Info("Bước tiếp theo:");
        ConsoleOutput.Info($"  1. Mở {Path.Combine(settings.Folder, PlanLoader.PlanFileName)} và điền các mục đang để trống (xem chú thích trong tệp).");
        ConsoleOutput.Info("  2. Nhập danh sách đại biểu vào trang \"Đại biểu\" của tệp Excel (trang \"Hướng dẫn\" giải thích từng cột).");
        ConsoleOutput.Info($"  3. Chạy: dialogue validate {settings.Folder} — chương trình liệt kê các mục còn thiếu, kèm số dòng.");
        return ExitCodes.Ok;
    }
}
