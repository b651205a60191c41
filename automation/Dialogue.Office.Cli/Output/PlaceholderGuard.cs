using System.Reflection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dialogue.Office.Cli.Output;

/// <summary>
/// Works around Spectre.Console.Cli 0.57's strict parsing: when a command line fails to parse, the library retries it
/// with the token <c>__default_command</c> inserted at each position (meant for applications with a default command,
/// which this one has not). "<c>template giay-moi --out</c>" then parses as "<c>--out __default_command</c>" and the
/// command would write a file of that name. Strict parsing itself is wanted (an unknown option such as
/// "<c>--fromat json</c>" must be an error, not ignored), so every command's settings refuse the placeholder first
/// (<see cref="Commands.CliSettings"/>), naming the option or argument that was left without a value.
/// </summary>
internal static class PlaceholderGuard
{
    internal const string Placeholder = "__default_command";

    public static ValidationResult? Check(CommandSettings settings)
    {
        foreach (var property in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var filled = property.GetValue(settings) switch
            {
                string text => text == Placeholder,
                string[] texts => texts.Contains(Placeholder),
                _ => false,
            };
            if (!filled)
            {
                continue;
            }

            if (property.GetCustomAttribute<CommandOptionAttribute>() is { } option)
            {
                var name = option.LongNames.Count > 0 ? "--" + option.LongNames[0] : "-" + option.ShortNames[0];
                return ValidationResult.Error($"Tùy chọn \"{name}\" cần một giá trị ngay sau nó.");
            }

            if (property.GetCustomAttribute<CommandArgumentAttribute>() is { } argument)
            {
                return ValidationResult.Error($"Còn thiếu <{argument.ValueName}>.");
            }
        }

        return null;
    }
}
