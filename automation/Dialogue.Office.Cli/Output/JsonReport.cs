using System.Text.Encodings.Web;
using System.Text.Json;
using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Diagnostics;

namespace Dialogue.Office.Cli.Output;

/// <summary>One problem of a JSON report, with what the command knows beyond the problem itself.</summary>
/// <param name="Problem">The problem.</param>
/// <param name="File">The file as the user named it, when the command knows it better than the location does.</param>
/// <param name="Finding">The ND30 finding the problem comes from (check), for its element, paragraph and citation.</param>
/// <param name="Message">The Vietnamese message of a problem the CLI itself reports (its code is not in the core's catalog).</param>
internal sealed record JsonProblem(Problem Problem, string? File = null, Nd30Finding? Finding = null, string? Message = null);

/// <summary>
/// The machine-readable result of <c>validate</c>, <c>check</c> and <c>questions merge</c> with <c>--format json</c>:
/// one JSON object on standard output and nothing else there (messages for people go to standard error). The shape is
/// documented in docs/cli.md and versioned: within <see cref="Version"/> fields are only ever added.
/// </summary>
internal static class JsonReport
{
    public const string Format = "dialogue-report";
    public const int Version = 1;

    /// <summary>Code of the single problem of a report when the command line itself was wrong (exit code 2).</summary>
    public const string UsageCode = "CLI_USAGE";

    /// <summary>Code of the single problem of a report when the program failed unexpectedly (exit code 70).</summary>
    public const string CrashCode = "CLI_CRASH";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Vietnamese stays readable (no \u escapes); the output is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>True when the command line asks for JSON (<c>--format json</c> or <c>--format=json</c>).</summary>
    public static bool Requested(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if ((args[i] == "--format" && i + 1 < args.Count && IsJson(args[i + 1])) || args[i] is "--format=json" or "--format:json")
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsJson(string? format) => string.Equals(format, "json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Writes a report to standard output; returns <paramref name="exitCode"/>.</summary>
    public static int Write(string? command, int exitCode, IEnumerable<JsonProblem> problems, Action<Utf8JsonWriter>? body = null)
    {
        using var stdout = Console.OpenStandardOutput();
        Write(stdout, command, exitCode, problems, body);
        return exitCode;
    }

    public static void Write(Stream output, string? command, int exitCode, IEnumerable<JsonProblem> problems, Action<Utf8JsonWriter>? body = null)
    {
        var list = problems.ToList();
        using (var w = new Utf8JsonWriter(output, Options))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteNumber("version", Version);
            if (command is null)
            {
                w.WriteNull("command");
            }
            else
            {
                w.WriteString("command", command);
            }

            w.WriteBoolean("ok", exitCode == ExitCodes.Ok);
            w.WriteNumber("exitCode", exitCode);
            w.WriteNumber("errors", list.Count(p => p.Problem.IsError));
            w.WriteNumber("warnings", list.Count(p => !p.Problem.IsError));
            w.WriteStartArray("problems");
            foreach (var p in list)
            {
                WriteProblem(w, p);
            }

            w.WriteEndArray();
            body?.Invoke(w);
            w.WriteEndObject();
        }

        output.Write("\n"u8);
        output.Flush();
    }

    /// <summary>A report whose only problem says what went wrong before the command could run (or while it crashed).</summary>
    public static int Failure(IReadOnlyList<string> args, string code, string detail, string message, int exitCode) =>
        Write(CommandName(args), exitCode, [new JsonProblem(Problem.Error(code, "", detail), Message: message)]);

    private static void WriteProblem(Utf8JsonWriter w, JsonProblem item)
    {
        var p = item.Problem;
        var parts = LocationParts.Parse(p.Location);
        w.WriteStartObject();
        w.WriteString("code", p.Code);
        w.WriteString("severity", p.IsError ? "error" : "warning");
        w.WriteString("location", p.Location);
        Nullable(w, "file", item.File ?? parts.File);
        Nullable(w, "line", parts.Line);
        Nullable(w, "sheet", parts.Sheet);
        Nullable(w, "row", parts.Row);
        Nullable(w, "field", parts.Field);
        w.WriteString("message", item.Message ?? p.Message);
        w.WriteString("detail", p.Detail);
        w.WriteStartArray("args");
        foreach (var arg in p.Args)
        {
            w.WriteStringValue(arg);
        }

        w.WriteEndArray();
        if (item.Finding is { } f)
        {
            w.WriteNumber("paragraph", f.Paragraph);
            w.WriteString("element", f.Element);
            w.WriteString("found", f.Found);
            w.WriteString("expected", f.Expected);
            w.WriteString("citation", Nd30Rules.FullCitation(f.Rule));
        }

        w.WriteEndObject();
    }

    private static void Nullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void Nullable(Utf8JsonWriter w, string name, int? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteNumber(name, value.Value);
        }
    }

    /// <summary>"check", "questions merge": the command words at the start of the command line.</summary>
    internal static string? CommandName(IReadOnlyList<string> args) =>
        args.Count == 0 || args[0].StartsWith('-') ? null
        : args[0] == "questions" && args.Count > 1 && !args[1].StartsWith('-') ? $"questions {args[1]}"
        : args[0];
}
