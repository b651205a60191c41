using System.ComponentModel;
using Dialogue.Office.Automation.Invitations;
using Dialogue.Office.Automation.Script;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dialogue.Office.Cli.Commands;

/// <summary><c>dialogue template giay-moi [--out file.docx]</c>: writes a fresh copy of a built-in template to edit in Word (default: its own file name in the current folder).</summary>
public sealed class TemplateCommand : Command<TemplateCommand.Settings>
{
    public sealed class Settings : CliSettings
    {
        [CommandArgument(0, "<mẫu>")]
        [Description("Tên mẫu: giay-moi, kich-ban")]
        public string Name { get; init; } = "";

        [CommandOption("-o|--out <tệp>")]
        [Description("Tệp .docx sẽ ghi; mặc định giay-moi.docx hoặc kich-ban.docx ở thư mục hiện tại (không ghi đè tệp đã có).")]
        public string? Out { get; init; }

        protected override ValidationResult Check() =>
            Templates.ContainsKey(Name) ? ValidationResult.Success() : ValidationResult.Error($"Không có mẫu \"{Name}\"; các mẫu: {string.Join(", ", Templates.Keys)}.");
    }

    /// <summary>Built-in templates by name: file name, what it is, and the bytes.</summary>
    private static readonly Dictionary<string, (string FileName, string What, Func<byte[]> Build)> Templates = new(StringComparer.Ordinal)
    {
        ["giay-moi"] = (InvitationTemplate.FileName, "mẫu giấy mời", InvitationTemplate.Build),
        ["kich-ban"] = (ScriptTemplate.FileName, "mẫu kịch bản chi tiết", ScriptTemplate.Build),
    };

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (fileName, what, build) = Templates[settings.Name];
        var path = Path.GetFullPath(settings.Out ?? fileName);
        if (File.Exists(path))
        {
            ConsoleOutput.Error($"Tệp {path} đã có; chọn tên khác để không ghi đè mẫu đang dùng.");
            return ExitCodes.InputErrors;
        }

        File.WriteAllBytes(path, build());
        ConsoleOutput.Success($"Đã ghi {what}: {path}");
        AnsiConsole.MarkupLine("Danh mục các trường (thẻ của ô nội dung) xem tại templates/README.md.");
        return ExitCodes.Ok;
    }
}
