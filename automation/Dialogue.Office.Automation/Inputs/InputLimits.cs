namespace Dialogue.Office.Automation.Inputs;

/// <summary>
/// What one kind of Open XML package may hold before any reader inflates it. Sizes are bytes after inflation unless
/// the name says otherwise. <see cref="InputLimits"/> holds the instances, sized from real documents.
/// </summary>
public sealed record PackageLimits
{
    /// <summary>What the limits are for, in English (logs, docs).</summary>
    public required string Purpose { get; init; }

    /// <summary>The file as stored (compressed), read whole into memory once.</summary>
    public long MaxFileBytes { get; init; }

    /// <summary>Zip entries (parts, relationship parts, folders).</summary>
    public int MaxParts { get; init; }

    /// <summary>One XML part (what the Open XML SDK parses: document.xml, a worksheet, shared strings…).</summary>
    public long MaxXmlPartBytes { get; init; }

    /// <summary>One binary part (pictures, embedded fonts): copied, never parsed.</summary>
    public long MaxBinaryPartBytes { get; init; }

    /// <summary>Every part together.</summary>
    public long MaxTotalBytes { get; init; }

    /// <summary>Inflated / compressed, for parts above <see cref="InputLimits.RatioFloorBytes"/>: more is a zip bomb.</summary>
    public int MaxRatio { get; init; } = 200;

    /// <summary>Rows of one worksheet.</summary>
    public int MaxRows { get; init; } = int.MaxValue;

    /// <summary>Paragraphs (w:p) of the main document part.</summary>
    public int MaxParagraphs { get; init; } = int.MaxValue;
}

/// <summary>
/// Every limit on input files, in one place. Sized from the largest real documents the project handles, with headroom,
/// and from the memory budget (300 MB per process): figures in docs/inputs.md.
/// <list type="bullet">
/// <item>A 5 000-delegate list (the peers' benchmark list): 315 KB on disk, 16 parts, 2.2 MB inflated, largest part
/// (the sheet) 1.7 MB at ratio 8; the same list from our scaffold (ClosedXML) ≈ 4.4 MB sheet.</item>
/// <item>The 300-letter print file of the sample: 600 KB on disk, 306 parts, 6.0 MB inflated, document.xml 5.8 MB at
/// ratio 13, 11 014 paragraphs; `dialogue check` on it peaks at 144 MB.</item>
/// <item>A template is one letter: the built-in Giấy mời is 20 KB inflated, 6 parts, document.xml 16 KB.</item>
/// </list>
/// </summary>
public static class InputLimits
{
    /// <summary>Parts smaller than this are never called a bomb by ratio (a 1 MB part of zeros is harmless).</summary>
    public const long RatioFloorBytes = 1L << 20;

    /// <summary>plan.yaml: the sample is 17 KB; a province's 2026 plan with every commune as a bridge point stays under 300 KB.</summary>
    public const long PlanFileBytes = 1L << 20;

    /// <summary>Delegate list (.xlsx or .csv): 4× the 5 000-delegate list.</summary>
    public const int DelegateRows = 20_000;

    /// <summary>A .csv delegate list on disk (20 000 rows of ≈ 300 bytes, twice over).</summary>
    public const long CsvFileBytes = 12L << 20;

    /// <summary>Items of one list in plan.yaml (bridge points, units, topics, programme, deadlines, recipients, notes).</summary>
    public const int PlanListItems = 2_000;

    /// <summary>The delegate workbook (dai-bieu.xlsx): 7× our own 5 000-row scaffold sheet.</summary>
    public static PackageLimits DelegateList { get; } = new()
    {
        Purpose = "delegate list",
        MaxFileBytes = 20L << 20,
        MaxParts = 1_000,
        MaxXmlPartBytes = 32L << 20,
        MaxBinaryPartBytes = 8L << 20,
        MaxTotalBytes = 64L << 20,
        MaxRows = DelegateRows,
    };

    /// <summary>Workbooks read back by the core (the consolidated questions for the script, answered workbooks).</summary>
    public static PackageLimits Workbook { get; } = new()
    {
        Purpose = "workbook",
        MaxFileBytes = 50L << 20,
        MaxParts = 2_000,
        MaxXmlPartBytes = 64L << 20,
        MaxBinaryPartBytes = 16L << 20,
        MaxTotalBytes = 200L << 20,
        MaxRows = 1_000_000,
    };

    /// <summary>Returned question sheets (one unit's questions): the guarded reader's streaming limits.</summary>
    public static PackageLimits ReturnedSheet { get; } = Workbook with { Purpose = "returned question sheet", MaxRows = 10_000 };

    /// <summary>
    /// A Word template: one letter. Every letter repeats its document.xml, so 2 MB (125× the built-in) already makes a
    /// 300-letter print file of 600 MB; pictures (a logo, a seal) up to 10 MB each.
    /// </summary>
    public static PackageLimits Template { get; } = new()
    {
        Purpose = "Word template",
        MaxFileBytes = 20L << 20,
        MaxParts = 300,
        MaxXmlPartBytes = 2L << 20,
        MaxBinaryPartBytes = 10L << 20,
        MaxTotalBytes = 32L << 20,
        MaxParagraphs = 5_000,
    };

    /// <summary>
    /// A Word document to check or fix: up to 2.75× the 300-letter print file's document.xml (the checker's DOM costs
    /// ≈ 14 bytes per byte of XML, so 16 MB stays within the 300 MB budget) and 3.6× its paragraphs.
    /// </summary>
    public static PackageLimits WordDocument { get; } = new()
    {
        Purpose = "Word document",
        MaxFileBytes = 50L << 20,
        MaxParts = 3_000,
        MaxXmlPartBytes = 16L << 20,
        MaxBinaryPartBytes = 16L << 20,
        MaxTotalBytes = 100L << 20,
        MaxParagraphs = 40_000,
    };
}
