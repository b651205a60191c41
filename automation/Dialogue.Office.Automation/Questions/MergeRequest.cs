using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;

namespace Dialogue.Office.Automation.Questions;

/// <summary>What to consolidate and where to write it.</summary>
public sealed record MergeRequest
{
    /// <summary>Returned files (.xlsx, .xlsm, .csv) and/or folders holding them (searched recursively, sorted by name).</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>The consolidated workbook to write (.xlsx).</summary>
    public required string OutputPath { get; init; }

    /// <summary>The plan: topics, departments, keywords, units and deadlines. Optional: without it topics are "Nhóm 1…9".</summary>
    public ConferencePlan? Plan { get; init; }

    /// <summary>
    /// The register of received returns (sổ nhận phiếu): CSV lines "tên tệp;ngày nhận". When null, a file named
    /// <c>ngay-nhan.csv</c> in an input folder is used if present.
    /// </summary>
    public string? ReceivedRegister { get; init; }

    /// <summary>"Today", for telling overdue from not yet due.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Token-set Jaccard from which two different wordings count as the same question (0 = exact only).</summary>
    public double NearDuplicateThreshold { get; init; } = 0.8;

    /// <summary>Files read at once (default: one per core).</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>More non-empty rows than this in one sheet rejects the file (a question sheet is never that long).</summary>
    public int MaxRowsPerSheet { get; init; } = 10_000;
}

/// <summary>Where a unit of the plan stands against its deadline.</summary>
public enum SubmissionState
{
    OnTime,
    Late,
    DateUnknown,
    Missing,
    NotYetDue,
}

/// <summary>One line of the tracking sheet.</summary>
public sealed record UnitSubmission(
    string UnitId,
    string UnitName,
    DateOnly? Deadline,
    SubmissionState State,
    DateOnly? Received,
    string DateSource,
    int DaysLate,
    int Questions,
    IReadOnlyList<string> Files);

/// <summary>What a merge did; <see cref="Reconciles"/> is the "nothing lost" guarantee.</summary>
public sealed record MergeResult
{
    public required string OutputPath { get; init; }
    public int FilesFound { get; init; }
    public int FilesRead { get; init; }
    public int FilesRejected { get; init; }

    /// <summary>Files set aside because their bytes are those of another file (listed, taken once).</summary>
    public int FilesIdentical { get; init; }

    /// <summary>Non-empty rows under the table header of every file read.</summary>
    public int RowsRead { get; init; }

    /// <summary>Rows that became questions (or, from a consolidated input, master rows taken).</summary>
    public int RowsTaken { get; init; }

    /// <summary>Rows not taken, each with its reason in the errors sheet (includes <see cref="RowsIgnored"/>).</summary>
    public int RowsRejected { get; init; }

    /// <summary>Of the rejected: totals rows, column numbers, signature blocks (expected, not errors).</summary>
    public int RowsIgnored { get; init; }

    public int Questions { get; init; }
    public int DuplicateGroups { get; init; }

    /// <summary>Questions that repeat an earlier one word for word after normalisation.</summary>
    public int ExactRepeats { get; init; }

    /// <summary>Questions grouped with another by similar wording only.</summary>
    public int NearRepeats { get; init; }

    public int TopicsSuggested { get; init; }
    public int CellsConverted { get; init; }
    public IReadOnlyList<UnitSubmission> Tracking { get; init; } = [];

    /// <summary>Questions taken per topic number (0 = not classified): counts only, for the delegates' statistics.</summary>
    public IReadOnlyDictionary<int, int> TopicCounts { get; init; } = new Dictionary<int, int>();

    public IReadOnlyList<Problem> Problems { get; init; } = [];

    /// <summary>Rows read = taken + rejected (every non-empty input row is accounted for).</summary>
    public bool Reconciles => RowsRead == RowsTaken + RowsRejected;
}
