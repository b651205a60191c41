using Spectre.Console;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace Dialogue.Office.Cli.Output;

/// <summary>
/// The help text of every command, in Vietnamese. Spectre.Console.Cli 0.57 localises its own help through a resource
/// file chosen by <c>SetApplicationCulture</c>, but ships no Vietnamese and keeps those strings private to its
/// <c>HelpProvider</c>; so this provider replaces it whole (<c>config.SetHelpProvider</c>) and writes every heading and
/// the built-in options' descriptions itself. Sections keep Spectre's order; a name column that leaves the
/// description too little room on a narrow console turns into a list (name on its line, description under it).
/// </summary>
internal sealed class VietnameseHelp : IHelpProvider
{
    internal const string Description = "MÔ TẢ";
    internal const string Usage = "CÁCH DÙNG";
    internal const string Examples = "VÍ DỤ";
    internal const string Arguments = "THAM SỐ";
    internal const string Options = "TÙY CHỌN";
    internal const string Commands = "LỆNH";
    internal const string HelpOption = "Xem hướng dẫn này";
    internal const string VersionOption = "Xem số phiên bản của chương trình";
    internal const string Required = "Bắt buộc";

    /// <summary>A description column narrower than this is hard to read: the section becomes a list.</summary>
    private const int DescriptionMinimum = 30;

    private const int Indent = 4;

    public IEnumerable<IRenderable> Write(ICommandModel model, ICommandInfo? command)
    {
        var width = AnsiConsole.Console.Profile.Width;
        var result = new List<IRenderable>();
        if (command?.Description is { Length: > 0 } description)
        {
            result.Add(Heading(Description));
            result.Add(new Padder(new Paragraph(description), new Padding(Indent, 0, 0, 0)));
        }

        result.Add(Heading(Usage));
        result.Add(new Padder(new Paragraph(UsageLine(model, command)), new Padding(Indent, 0, 0, 0)));

        var examples = ExamplesOf(command ?? (ICommandContainer)model);
        if (examples.Count > 0)
        {
            result.Add(Heading(Examples));
            foreach (var example in examples)
            {
                result.Add(new Padder(new Paragraph(model.ApplicationName + " " + string.Join(" ", example)), new Padding(Indent, 0, 0, 0)));
            }
        }

        var arguments = command?.Parameters.OfType<ICommandArgument>().Where(a => !a.IsHidden).OrderBy(a => a.Position).ToList() ?? [];
        if (arguments.Count > 0)
        {
            result.Add(Heading(Arguments));
            result.Add(Pairs(width, arguments.Select(a => new HelpRow(Argument(a), a.Description ?? ""))));
        }

        result.Add(Heading(Options));
        result.Add(Pairs(width, OptionRows(model, command)));

        var commands = (command ?? (ICommandContainer)model).Commands.Where(c => !c.IsHidden).ToList();
        if (commands.Count > 0)
        {
            result.Add(Heading(Commands));
            result.Add(Pairs(width, commands.Select(c => new HelpRow(CommandName(c), c.Description ?? ""))));
        }

        return result;
    }

    /// <summary>The command's own examples, else (as Spectre does) up to five of its sub-commands'.</summary>
    private static IReadOnlyList<string[]> ExamplesOf(ICommandContainer container) =>
        container.Examples.Count > 0
            ? container.Examples
            : container.Commands.Where(c => !c.IsHidden).SelectMany(c => c.Examples).Take(5).ToList();

    private static IRenderable Heading(string text) => new Rows(Text.Empty, new Text(text + ":", new Style(decoration: Decoration.Bold)));

    private static string UsageLine(ICommandModel model, ICommandInfo? command)
    {
        var parts = new List<string> { model.ApplicationName };
        if (command is null)
        {
            parts.Add($"[{Options}]");
            parts.Add($"<{Commands}>");
            return string.Join(" ", parts);
        }

        var chain = new Stack<ICommandInfo>();
        for (var c = command; c is not null; c = c.Parent)
        {
            chain.Push(c);
        }

        parts.AddRange(chain.Select(c => c.Name));
        parts.AddRange(command.Parameters.OfType<ICommandArgument>().Where(a => !a.IsHidden).OrderBy(a => a.Position).Select(Argument));
        parts.Add($"[{Options}]");
        if (command.IsBranch)
        {
            parts.Add($"<{Commands}>");
        }

        return string.Join(" ", parts);
    }

    private static string Argument(ICommandArgument a) => a.IsRequired ? $"<{a.Value}>" : $"[{a.Value}]";

    private static string CommandName(ICommandInfo c) =>
        string.Join(" ", c.Parameters.OfType<ICommandArgument>().Where(a => a.IsRequired && !a.IsHidden).OrderBy(a => a.Position).Select(Argument).Prepend(c.Name));

    private static IEnumerable<HelpRow> OptionRows(ICommandModel model, ICommandInfo? command)
    {
        yield return new HelpRow("-h, --help", HelpOption);

        // As Spectre does: the version option belongs to the application, so it is listed at the top level only.
        if (command is null && model.ApplicationVersion is not null)
        {
            yield return new HelpRow("-v, --version", VersionOption);
        }

        foreach (var option in command?.Parameters.OfType<ICommandOption>().Where(o => !o.IsHidden) ?? [])
        {
            var names = option.ShortNames.Select(s => "-" + s).Concat(option.LongNames.Select(l => "--" + l));
            var name = string.Join(", ", names);
            if (option.ValueName is { } written)
            {
                // Spectre keeps value names upper-cased; they are written in lower case here, like the arguments.
                var value = written.ToLower(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
                name += option.ValueIsOptional ? $" [{value}]" : $" <{value}>";
            }

            var description = option.Description ?? "";
            if (option.IsRequired)
            {
                description = description.Length == 0 ? Required + "." : description.TrimEnd('.') + ". " + Required + ".";
            }

            yield return new HelpRow(option.ShortNames.Count == 0 ? "    " + name : name, description);
        }
    }

    /// <summary>Names and descriptions side by side when the description keeps enough room, else one under the other.</summary>
    private static IRenderable Pairs(int width, IEnumerable<HelpRow> rows)
    {
        var list = rows.ToList();
        var nameWidth = list.Max(r => FitTable.Width(AnsiConsole.Console, r.Name));
        if (!AnsiConsole.Console.Profile.Out.IsTerminal)
        {
            // Into a file: plain aligned lines, no folding and no padding after the text (a grid pads every cell).
            var pad = new string(' ', Indent);
            return new Rows(list.Select(r => new Text(pad + r.Name.PadRight(nameWidth) + (r.Description.Length > 0 ? pad + r.Description : ""))));
        }

        if (width - Indent - nameWidth - Indent >= DescriptionMinimum)
        {
            var grid = new Grid();
            grid.AddColumn(new GridColumn { Padding = new Padding(Indent, 0, Indent, 0), NoWrap = true });
            grid.AddColumn(new GridColumn { Padding = new Padding(0, 0) });
            foreach (var (name, description) in list)
            {
                grid.AddRow(new Text(name), new Paragraph(description));
            }

            return grid;
        }

        var blocks = new List<IRenderable>();
        foreach (var (name, description) in list)
        {
            blocks.Add(new Padder(new Text(name.TrimStart()), new Padding(Indent, 0, 0, 0)));
            if (description.Length > 0)
            {
                blocks.Add(new Padder(new Paragraph(description), new Padding(Indent * 2, 0, 0, 0)));
            }
        }

        return new Rows(blocks);
    }

    /// <summary>
    /// One line of a section. A class, not a value tuple: LINQ over a value tuple (ToList, Max, Select) is compiled by the
    /// JIT at every run, ReadyToRun cannot precompile it outside the framework (issue 17, <c>--help</c> start-up).
    /// </summary>
    private sealed record HelpRow(string Name, string Description);
}
