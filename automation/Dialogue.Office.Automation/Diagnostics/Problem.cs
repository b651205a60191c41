namespace Dialogue.Office.Automation.Diagnostics;

/// <summary>How bad a <see cref="Problem"/> is: errors stop a generator, warnings are reported and work goes on.</summary>
public enum ProblemSeverity
{
    Warning,
    Error,
}

/// <summary>
/// One thing wrong with an input, with a stable <see cref="Code"/>, a <see cref="Location"/> a clerk can act on
/// (<c>plan.yaml:12</c>, <c>dai-bieu.xlsx › Đại biểu › dòng 17 › Email</c>) and the values the message needs.
/// The core speaks English (<see cref="Detail"/>); shells show <see cref="ProblemMessages.Vietnamese"/>.
/// </summary>
public sealed record Problem(string Code, ProblemSeverity Severity, string Location, string Detail, IReadOnlyList<string> Args)
{
    public static Problem Error(string code, string location, string detail, params string[] args) =>
        new(code, ProblemSeverity.Error, location, detail, args);

    public static Problem Warning(string code, string location, string detail, params string[] args) =>
        new(code, ProblemSeverity.Warning, location, detail, args);

    public bool IsError => Severity == ProblemSeverity.Error;

    /// <summary>The message for a Vietnamese reader.</summary>
    public string Message => ProblemMessages.Vietnamese(this);

    public override string ToString() => $"{Severity} {Code} at {Location}: {Detail}";
}

/// <summary>Collects problems so that every one is reported at once.</summary>
public sealed class ProblemList
{
    private readonly List<Problem> _items = [];

    public IReadOnlyList<Problem> Items => _items;
    public bool HasErrors => _items.Any(p => p.IsError);
    public IEnumerable<Problem> Errors => _items.Where(p => p.IsError);
    public IEnumerable<Problem> Warnings => _items.Where(p => !p.IsError);

    public void Add(Problem problem) => _items.Add(problem);
    public void AddRange(IEnumerable<Problem> problems) => _items.AddRange(problems);

    public void Error(string code, string location, string detail, params string[] args) =>
        _items.Add(Problem.Error(code, location, detail, args));

    public void Warning(string code, string location, string detail, params string[] args) =>
        _items.Add(Problem.Warning(code, location, detail, args));
}

/// <summary>Thrown when a generator is asked to run while errors remain; carries every problem.</summary>
public sealed class ProblemException(IReadOnlyList<Problem> problems)
    : Exception(problems.Count == 0 ? "Problems" : problems[0].ToString())
{
    public IReadOnlyList<Problem> Problems { get; } = problems;

    public ProblemException(Problem problem) : this([problem])
    {
    }
}

/// <summary>Builds locations in the house style: parts joined by " › ".</summary>
public static class Locations
{
    public const string Separator = " › ";

    public static string Join(params string?[] parts) =>
        string.Join(Separator, parts.Where(p => !string.IsNullOrEmpty(p)));

    public static string Line(string file, int line) => line > 0 ? $"{file}:{line}" : file;

    public static string Row(string file, string sheet, int row, string? column = null) =>
        Join(file, sheet, $"dòng {row}", column);
}
