using System.Text.RegularExpressions;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Rendering;

namespace Dialogue.Office.Cli.Output;

/// <summary>
/// Spectre.Console.Cli's parse and binding errors in Vietnamese. The library builds them as English sentences with no
/// code (CommandParseException, CommandRuntimeException; 0.57.2 offers no hook to replace them), so each sentence it
/// can produce is matched here and rewritten; tests run every one through the real parser, so an upgrade that changes a
/// wording fails a test instead of leaking English. Messages from our own <c>Validate()</c> are Vietnamese already and
/// pass through; errors that only a programming mistake can cause are not usage errors (null: the crash path logs them).
/// </summary>
internal static partial class UsageErrors
{
    internal const string HelpHint = "Xem các lệnh: dialogue --help; cách dùng một lệnh: dialogue <lệnh> --help.";

    /// <summary>Where to read next: the command's own help when the command was understood, else the list of commands.</summary>
    public static string Hint(Exception ex, IReadOnlyList<string> args) =>
        !UnknownCommand().IsMatch(ex.Message) && JsonReport.CommandName(args) is { } command
            ? $"Xem cách dùng: dialogue {command} --help."
            : HelpHint;

    private static readonly (Regex English, Func<Match, IReadOnlyList<string>, string> Vietnamese)[] Sentences =
    [
        (UnknownCommand(), (m, _) => $"Không có lệnh \"{m.Groups[1].Value}\"."),
        (UnknownOption(), (m, args) => $"Không có tùy chọn \"{Spelled(m.Groups[1].Value, args)}\"."),
        (UnexpectedOption(), (m, args) => $"Tùy chọn \"{Spelled(m.Groups[1].Value, args)}\" phải đứng sau tên lệnh (ví dụ: dialogue check --format json tệp.docx)."),
        (ExtraArgument(), (m, _) => $"Thừa \"{m.Groups[1].Value}\": lệnh này không nhận thêm tham số đó."),
        (OptionWithoutValue(), (m, args) => $"Tùy chọn \"{Spelled(m.Groups[1].Value, args)}\" cần một giá trị ngay sau nó."),
        (ValueExpected(), (_, _) => "Thiếu giá trị sau một tùy chọn."),
        (FlagWithValue(), (_, _) => "Tùy chọn bật/tắt (như --publish) không nhận giá trị; chỉ ghi tên tùy chọn."),
        (OptionWithoutName(), (_, _) => "Có dấu \"-\" hoặc \"--\" mà không có tên tùy chọn."),
        (ShortOptionName(), (_, _) => "Tùy chọn ngắn chỉ gồm một chữ cái sau một dấu \"-\" (ví dụ -o); tùy chọn dài viết sau hai dấu \"--\" (ví dụ --out)."),
        (LongOptionName(), (_, _) => "Tên tùy chọn dài không hợp lệ: viết hai dấu \"--\" rồi tên, ví dụ --out."),
        (MissingArgument(), (m, _) => $"Lệnh \"{m.Groups["command"].Value}\" còn thiếu <{m.Groups["name"].Value}>."),
        (MissingOption(), (m, _) => $"Lệnh \"{m.Groups["command"].Value}\" cần tùy chọn --{m.Groups["name"].Value}."),
        (MissingDefault(), (m, _) => $"Còn thiếu <{m.Groups[1].Value}>."),
        (ConversionFailed(), (m, _) => m.Groups[1].Value == PlaceholderGuard.Placeholder
            ? "Thiếu giá trị sau một tùy chọn."
            : $"Giá trị \"{m.Groups[1].Value}\" không hợp lệ: cần {Kind(m.Groups[2].Value)}."),
        (BadFormat(), (_, _) => "Có giá trị không đúng định dạng trong câu lệnh."),
        (UnknownParseError(), (_, _) => "Không hiểu câu lệnh."),
    ];

    /// <summary>Sentences that only a bug (a command or settings type the library cannot build) produces.</summary>
    private static readonly Regex ProgrammingError = Programming();

    /// <summary>
    /// The Vietnamese message for a Spectre usage error (with a "did you mean" line when the library has a suggestion),
    /// or null when the exception is a programming error and belongs to the crash log.
    /// </summary>
    public static string? Describe(CommandAppException ex, IReadOnlyList<string> args)
    {
        if (ex is CommandConfigurationException or CommandTemplateException || ProgrammingError.IsMatch(ex.Message))
        {
            return null;
        }

        foreach (var (english, vietnamese) in Sentences)
        {
            if (english.Match(ex.Message) is { Success: true } match)
            {
                var text = vietnamese(match, args);
                return Suggestion(ex) is { } suggestion ? $"{text} Có phải ý bạn là \"{suggestion}\"?" : text;
            }
        }

        // A parse error this table does not know: still no English on the screen.
        return ex is CommandParseException || ex.InnerException is not null ? "Không hiểu câu lệnh." : ex.Message;
    }

    /// <summary>Spectre's own guess for a mistyped command ("Did you mean 'check'?"), read from its rendered error.</summary>
    private static string? Suggestion(CommandAppException ex)
    {
        if (ex.Pretty is null)
        {
            return null;
        }

        var match = DidYouMean().Match(Plain(ex.Pretty));
        return match.Success ? match.Groups[1].Value : null;
    }

    private static string Plain(IRenderable renderable)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 1000;
        console.Write(renderable);
        return writer.ToString();
    }

    /// <summary>The option as the user typed it ("--fromat"), not the bare name Spectre keeps ("fromat").</summary>
    private static string Spelled(string name, IReadOnlyList<string> args) =>
        args.FirstOrDefault(a => a == "--" + name || a.StartsWith("--" + name + "=", StringComparison.Ordinal) || a.StartsWith("--" + name + ":", StringComparison.Ordinal))?.Split('=', ':')[0]
        ?? args.FirstOrDefault(a => a == "-" + name)
        ?? (name.Length == 1 ? "-" + name : "--" + name);

    private static string Kind(string type) => type switch
    {
        "Double" or "Single" or "Decimal" => "một số (ví dụ 0,8 viết là 0.8)",
        "Int32" or "Int64" or "Int16" or "UInt32" => "một số nguyên",
        "Boolean" => "true hoặc false",
        "DateOnly" or "DateTime" or "DateTimeOffset" => "một ngày",
        _ => "giá trị đúng kiểu",
    };

    [GeneratedRegex(@"^Unknown command '(.*)'\.$")]
    private static partial Regex UnknownCommand();

    [GeneratedRegex(@"^Unknown option '(.*)'\.$")]
    private static partial Regex UnknownOption();

    [GeneratedRegex(@"^Unexpected option '(.*)'\.$")]
    private static partial Regex UnexpectedOption();

    [GeneratedRegex(@"^Could not match '(.*)' with an argument\.$")]
    private static partial Regex ExtraArgument();

    [GeneratedRegex(@"^Option '(.*)' is defined but no value has been provided\.$")]
    private static partial Regex OptionWithoutValue();

    [GeneratedRegex(@"^Expected an option value\.$")]
    private static partial Regex ValueExpected();

    [GeneratedRegex(@"^Flags cannot be assigned a value\.$")]
    private static partial Regex FlagWithValue();

    [GeneratedRegex(@"^Option does not have a name\.$")]
    private static partial Regex OptionWithoutName();

    [GeneratedRegex(@"^(Short option does not have a valid name\.|Short option names can not be longer than one character\.)$")]
    private static partial Regex ShortOptionName();

    [GeneratedRegex(@"^Invalid long option name\.$")]
    private static partial Regex LongOptionName();

    [GeneratedRegex(@"^Command '(?<command>.*)' is missing required argument '(?<name>.*)'\.$")]
    private static partial Regex MissingArgument();

    [GeneratedRegex(@"^Command '(?<command>.*)' is missing required option '(?<name>.*)'\.$")]
    private static partial Regex MissingOption();

    [GeneratedRegex(@"^Missing required (?:argument|option) '(.*)'\.$")]
    private static partial Regex MissingDefault();

    [GeneratedRegex(@"^Failed to convert '(.*)' to (\w+)\.")]
    private static partial Regex ConversionFailed();

    [GeneratedRegex(@"^Could not parse value$")]
    private static partial Regex BadFormat();

    [GeneratedRegex(@"^An unknown error occured when parsing the arguments\.$")]
    private static partial Regex UnknownParseError();

    [GeneratedRegex(@"^(Could not resolve type|Could not find converter|Could not get settings type|Could not create settings|Could not create command|Expected to find|Could not get current token|Could not consume token|Could not get the next token)")]
    private static partial Regex Programming();

    [GeneratedRegex(@"Did you mean '?([^'?\s]+)'?\?")]
    private static partial Regex DidYouMean();
}
