namespace Dialogue.Office.Automation.Questions;

/// <summary>One question as taken from a returned sheet (or carried over from a consolidated workbook).</summary>
internal sealed class QuestionRecord
{
    /// <summary>Stable id: derived from file, sheet and row (or kept from a consolidated input).</summary>
    public string Id { get; set; } = "";

    /// <summary>Running number in the consolidated workbook (1…n).</summary>
    public int Sequence { get; set; }

    public required string FileName { get; init; }
    public required string Sheet { get; init; }
    public required int Row { get; init; }

    /// <summary>"tệp › trang › dòng n"; kept as it was when the record comes from a consolidated input.</summary>
    public string Source { get; set; } = "";

    /// <summary>The row's STT as written by the unit (may be empty).</summary>
    public string InputNumber { get; set; } = "";

    public string UnitId { get; set; } = "";
    public string UnitName { get; set; } = "";
    public string Asker { get; set; } = "";
    public string Position { get; set; } = "";
    public string Workplace { get; set; } = "";
    public string Level { get; set; } = "";

    /// <summary>The topic as written (number, name, or empty).</summary>
    public string TopicRaw { get; set; } = "";

    /// <summary>Resolved topic number (0 = none).</summary>
    public int Topic { get; set; }

    /// <summary>True when <see cref="Topic"/> was suggested by keywords and needs a human look.</summary>
    public bool TopicSuggested { get; set; }

    /// <summary>Keywords that suggested the topic (for the review note).</summary>
    public string TopicEvidence { get; set; } = "";

    public string Text { get; set; } = "";
    public string ProposedAnswerer { get; set; } = "";
    public string Note { get; set; } = "";
    public string LeadDepartment { get; set; } = "";
    public string CoDepartments { get; set; } = "";
    public string Status { get; set; } = "";
    public string Answer { get; set; } = "";

    /// <summary>Columns whose text was converted from TCVN3/VNI/NFD ("Nội dung: TCVN3").</summary>
    public List<string> Repairs { get; } = [];

    /// <summary>Cells kept as found that a person must look at (a formula saved without its value…).</summary>
    public List<string> Flags { get; } = [];

    /// <summary>Duplicate group label ("T0001") or empty.</summary>
    public string DuplicateGroup { get; set; } = "";

    /// <summary>True for the second and later members of an exact-duplicate group (what the peers flag).</summary>
    public bool IsExactRepeat { get; set; }

    /// <summary>Word ids of <see cref="Text"/> (computed on the reading thread, for duplicate detection).</summary>
    public int[] Tokens { get; set; } = [];

    /// <summary>Selected for the dialogue ("Chọn"): by default one per duplicate group (<see cref="DialogueSelection"/>).</summary>
    public bool Selected { get; set; }

    /// <summary>The text read out at the dialogue (cleaned); empty when not selected.</summary>
    public string DialogueText { get; set; } = "";

    /// <summary>Who asked, as read out ("đồng chí A (Trường X) và 3 ý kiến tương tự"); empty when not selected.</summary>
    public string DialogueAsker { get; set; } = "";

    /// <summary>The "Cần xem lại" note, computed once before the sheets are written.</summary>
    public string ReviewNote { get; set; } = "";

    /// <summary>True when the record came from a consolidated workbook (merge of merges).</summary>
    public bool FromConsolidated { get; set; }
}

/// <summary>A row or file that was not taken, with the problem that says why (shown in the errors sheet).</summary>
internal sealed record RowIssue(Diagnostics.Problem Problem, bool Ignored, string RowText, bool FileLevel = false);

/// <summary>One converted cell, for the repairs sheet.</summary>
internal sealed record CellRepair(string Location, RepairKind Kind, string Original, string Repaired, bool ByMajority);
