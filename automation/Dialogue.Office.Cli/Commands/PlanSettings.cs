using Dialogue.Office.Automation.Outputs;
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
    [Description("Thư mục ghi kết quả (mặc định: out/<mã hội nghị>): thư mục mới, trống, hoặc thư mục hồ sơ đã tạo trước đó.")]
    public string? Out { get; init; }

    /// <summary>--out must be a folder: not a file, not the plan folder, not a folder of someone else's files (exit 2).</summary>
    protected override ValidationResult Check()
    {
        var plan = base.Check();
        if (!plan.Successful || string.IsNullOrEmpty(Out))
        {
            return plan;
        }

        return OutputFolder.Check(Out, PlanFolder) is { } problem
            ? ValidationResult.Error($"{problem.Code}: {problem.Message}")
            : ValidationResult.Success();
    }
}
