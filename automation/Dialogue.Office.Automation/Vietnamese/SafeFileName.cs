using System.Text;

namespace Dialogue.Office.Automation.Vietnamese;

/// <summary>
/// File names that are safe on Windows, Linux and SharePoint, built from data (never a path taken from input):
/// ASCII letters, digits, '-', '_' and one '.' before the extension; no reserved device names; bounded length.
/// </summary>
public static class SafeFileName
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CLOCK$", "DESKTOP.INI", ".LOCK",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>Builds "<paramref name="stem"/>.<paramref name="extension"/>" from free text.</summary>
    public static string From(string stem, string extension, int maxStemLength = 80)
    {
        var slug = VietnameseText.AsciiSlug(stem, maxStemLength);
        var builder = new StringBuilder(slug.Length);
        foreach (var ch in slug)
        {
            builder.Append(ch is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' ? ch : '-');
        }

        var clean = builder.ToString().Trim('-', '_', '.');
        if (clean.Length == 0)
        {
            clean = "tep";
        }

        if (Reserved.Contains(clean) || clean.Contains("_vti_", StringComparison.OrdinalIgnoreCase))
        {
            clean = "_" + clean.Replace("_vti_", "-vti-", StringComparison.OrdinalIgnoreCase);
        }

        var ext = new string(extension.TrimStart('.').Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
        return ext.Length == 0 ? clean : $"{clean}.{ext}";
    }

    /// <summary>True when <paramref name="name"/> is a plain file name this class could have produced.</summary>
    public static bool IsSafe(string name) =>
        name.Length is > 0 and <= 128
        && name.All(ch => ch is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.')
        && !name.StartsWith('.') && !name.EndsWith('.') && !name.Contains("..", StringComparison.Ordinal)
        && !Reserved.Contains(Path.GetFileNameWithoutExtension(name));
}
