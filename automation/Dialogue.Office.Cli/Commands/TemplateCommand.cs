using System.ComponentModel;
using Dialogue.Office.Automation.Invitations;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dialogue.Office.Cli.Commands;

/// <summary><c>dialogue template giay-moi --out file.docx</c>: writes a fresh copy of a built-in template to edit in Word.</summary>
public sealed class TemplateCommand : Command<TemplateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<mẫu>")]
        [Description("Tên mẫu: giay-moi")]
        public string Name { get; init; } = "";

        [CommandOption("-o|--out <tệp>")]
        [Description("Tệp .docx sẽ ghi (không ghi đè tệp đã có).")]
        public string? Out { get; init; }

        public override ValidationResult Validate() =>
            Name == "giay-moi" ? ValidationResult.Success() : ValidationResult.Error($"Không có mẫu \"{Name}\"; các mẫu: giay-moi.");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(settings.Out ?? InvitationTemplate.FileName);
        if (File.Exists(path))
        {
            ConsoleOutput.Error($"Tệp {path} đã có; chọn tên khác để không ghi đè mẫu đang dùng.");
            return ExitCodes.InputErrors;
        }

        File.WriteAllBytes(path, InvitationTemplate.Build());
        ConsoleOutput.Success($"Đã ghi mẫu giấy mời: {path}");
        AnsiConsole.MarkupLine("Danh mục các trường (thẻ của ô nội dung) xem tại templates/README.md.");
        return ExitCodes.Ok;
    }
}
