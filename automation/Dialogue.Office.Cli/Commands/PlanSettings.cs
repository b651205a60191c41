using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dialogue.Office.Cli.Commands;

/// <summary>Settings of commands that read a plan folder.</summary>
public class PlanSettings : CliSettings
{
    [CommandArgument(0, "<thư-mục-kế-hoạch>")]
    [Description("Thư mục kế hoạch (chứa plan.yaml).")]
    public string PlanFolder { get; init; } = "";

    protected override ValidationResult Check() =>
        Directory.Exists(PlanFolder)
            ? ValidationResult.Success()
            : ValidationResult.Error($"Không tìm thấy thư mục kế hoạch \"{PlanFolder}\".");
}

/// <summary>Settings of commands that read a plan and write into an output folder.</summary>
public class PlanOutputSettings : PlanSettings
{
    [CommandOption("-o|--out <thư-mục>")]
    [Description("Thư mục ghi kết quả (mặc định: out/<mã hội nghị>).")]
    public string? Out { get; init; }
}
