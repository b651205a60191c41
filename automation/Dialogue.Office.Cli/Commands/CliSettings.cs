using System.ComponentModel;
using Dialogue.Office.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dialogue.Office.Cli.Commands;

/// <summary>
/// Base of every command's settings: refuses the parser's retry placeholder (<see cref="PlaceholderGuard"/>) before the
/// command's own checks in <see cref="Check"/> run, so a missing value is reported as such and never used as a file name.
/// </summary>
public abstract class CliSettings : CommandSettings
{
    public sealed override ValidationResult Validate() => PlaceholderGuard.Check(this) ?? Check();

    /// <summary>The command's own checks of its values, with Vietnamese messages.</summary>
    protected virtual ValidationResult Check() => ValidationResult.Success();
}

/// <summary>Settings of a command that can report in JSON (<c>--format json</c>): check, questions merge.</summary>
public abstract class ReportSettings : CliSettings
{
    [CommandOption("--format <định-dạng>")]
    [Description(OutputFormat.Description)]
    public string Format { get; init; } = OutputFormat.Text;

    internal bool Json => OutputFormat.IsJson(Format);

    protected sealed override ValidationResult Check() => OutputFormat.Check(Format) ?? CheckValues();

    /// <summary>The command's own checks, after the format.</summary>
    protected virtual ValidationResult CheckValues() => ValidationResult.Success();
}
