using Spectre.Console;

namespace Dialogue.Office.Cli.Output;

/// <summary>The values of <c>--format</c> on the commands that can report in JSON (validate, check, questions merge).</summary>
internal static class OutputFormat
{
    public const string Text = "text";
    public const string Json = "json";

    /// <summary>Help text of the option.</summary>
    public const string Description = "text (mặc định): bảng cho người đọc; json: một đối tượng JSON cho chương trình khác (xem docs/cli.md).";

    public static bool IsJson(string? format) => JsonReport.IsJson(format);

    /// <summary>A Vietnamese usage error for a format that is neither text nor json; null when it is one of them.</summary>
    public static ValidationResult? Check(string? format) =>
        string.Equals(format, Text, StringComparison.OrdinalIgnoreCase) || IsJson(format)
            ? null
            : ValidationResult.Error($"Định dạng \"{format}\" không có; dùng --format text (mặc định) hoặc --format json.");
}
