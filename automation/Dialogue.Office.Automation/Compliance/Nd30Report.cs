using Dialogue.Office.Automation.Diagnostics;

namespace Dialogue.Office.Automation.Compliance;

/// <summary>
/// One broken ND30 layout rule: stable <see cref="Code"/>, the element (ô số of Phụ lục I), where it is
/// (paragraph or table cell with a text excerpt), what was <see cref="Found"/> and what the rule <see cref="Expected"/>.
/// </summary>
public sealed record Nd30Finding(string Code, ProblemSeverity Severity, string Element, string Location, string Found, string Expected)
{
    public bool IsError => Severity == ProblemSeverity.Error;

    /// <summary>
    /// The paragraph's 1-based position among the body's paragraphs in reading order (table cells included), or 0 when
    /// the finding is about the page setup, a page header or footer, or the whole document.
    /// </summary>
    public int Paragraph { get; init; }

    /// <summary>The rule broken, with its citation.</summary>
    public Nd30Rule Rule => Nd30Rules.Get(Code);

    /// <summary>The message for a Vietnamese reader, citing the article.</summary>
    public string Message => ToProblem().Message;

    /// <summary>As a house <see cref="Problem"/> (Args = found, expected) for shared reporting.</summary>
    public Problem ToProblem() => new(Code, Severity, Location, $"{Rule.English}: found {Found}, expected {Expected}", [Found, Expected]);

    public override string ToString() => $"{Severity} {Code} at {Location}: found {Found}, expected {Expected}";
}

/// <summary>What <see cref="Nd30Checker"/> found in one document.</summary>
public sealed class Nd30Report
{
    internal Nd30Report(string source, IReadOnlyList<Nd30Finding> findings)
    {
        Source = source;
        Findings = findings;
    }

    /// <summary>The file name (or "văn bản" for a stream).</summary>
    public string Source { get; }

    public IReadOnlyList<Nd30Finding> Findings { get; }

    public IReadOnlyList<Nd30Finding> Errors => Findings.Where(f => f.IsError).ToList();

    public IReadOnlyList<Nd30Finding> Warnings => Findings.Where(f => !f.IsError).ToList();

    /// <summary>No error (warnings may remain).</summary>
    public bool Passed => !Findings.Any(f => f.IsError);

    public bool Has(string code) => Findings.Any(f => f.Code == code);

    /// <summary>The findings as house problems, for <c>ConsoleOutput.Problems</c> and the add-in.</summary>
    public IReadOnlyList<Problem> ToProblems() => Findings.Select(f => f.ToProblem()).ToList();

    public override string ToString() =>
        Findings.Count == 0 ? $"{Source}: clean" : $"{Source}: " + string.Join("; ", Findings.Select(f => f.ToString()));
}
