using System.Text;

namespace Dialogue.Office.Automation.Sharing;

/// <summary>
/// Maps file and folder names to names SharePoint accepts (graph.md §10.4): forbidden characters
/// <c>" * : &lt; &gt; ? / \ |</c> and control characters become '_', leading/trailing spaces and trailing dots go,
/// reserved names (CON, .lock, desktop.ini…) get a '_' prefix, "_vti_" becomes "-vti-". Vietnamese letters are kept (NFC).
/// </summary>
internal static class SharePointNames
{
    /// <summary>SharePoint's limit for the decoded full path.</summary>
    public const int MaxPathLength = 400;

    private static readonly HashSet<string> ReservedStems = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>The safe form of one name (no '/').</summary>
    public static string MapSegment(string name)
    {
        var nfc = name.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(nfc.Length);
        foreach (var ch in nfc)
        {
            var forbidden = ch is '"' or '*' or ':' or '<' or '>' or '?' or '/' or '\\' or '|'
                || ch < 0x20 || ch is >= (char)0x7f and <= (char)0x9f;
            builder.Append(forbidden ? '_' : ch);
        }

        var mapped = builder.ToString().Trim(' ').TrimEnd('.', ' ');
        if (mapped.Length == 0)
        {
            return "_";
        }

        if (mapped.Contains("_vti_", StringComparison.OrdinalIgnoreCase))
        {
            mapped = mapped.Replace("_vti_", "-vti-", StringComparison.OrdinalIgnoreCase);
        }

        if (mapped.StartsWith("~$", StringComparison.Ordinal))
        {
            mapped = "_" + mapped[1..];
        }

        var stem = Path.GetFileNameWithoutExtension(mapped);
        if (ReservedStems.Contains(stem) || ReservedStems.Contains(mapped)
            || string.Equals(mapped, ".lock", StringComparison.OrdinalIgnoreCase)
            || string.Equals(mapped, "desktop.ini", StringComparison.OrdinalIgnoreCase))
        {
            mapped = "_" + mapped;
        }

        return mapped;
    }

    /// <summary>True for Office/LibreOffice lock files that must never be published.</summary>
    public static bool IsEditorLockFile(string fileName) =>
        fileName.StartsWith("~$", StringComparison.Ordinal)
        || (fileName.StartsWith(".~lock.", StringComparison.Ordinal) && fileName.EndsWith('#'));

    /// <summary>Adds " (2)", " (3)"… before the extension until <paramref name="taken"/> does not hold the name.</summary>
    public static string Unique(string name, ISet<string> taken)
    {
        if (taken.Add(name))
        {
            return name;
        }

        var stem = Path.GetFileNameWithoutExtension(name);
        var ext = Path.GetExtension(name);
        for (var n = 2; ; n++)
        {
            var candidate = $"{stem} ({n}){ext}";
            if (taken.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
