using System.Text.RegularExpressions;

namespace Dialogue.Office.Automation.Diagnostics;

/// <summary>
/// The parts of a house-style location (<see cref="Locations"/>), read back: <c>plan.yaml:12</c> gives the file and line,
/// <c>dai-bieu.xlsx › Đại biểu › dòng 17 › Email</c> the file, sheet, row and column. A part the location does not
/// name is null (a unit's name, a SharePoint path).
/// </summary>
public sealed record LocationParts(string? File, int? Line, string? Sheet, int? Row, string? Field)
{
    /// <summary>The text of <see cref="Locations.Row"/> for a row.</summary>
    internal const string RowWord = "dòng";

    public static LocationParts Parse(string location)
    {
        var parts = location.Split(Locations.Separator);
        string? file = null;
        int? line = null;
        var fileMatch = LocationPatterns.File().Match(parts[0]);
        if (fileMatch.Success)
        {
            file = fileMatch.Groups["file"].Value;
            line = fileMatch.Groups["line"].Success ? int.Parse(fileMatch.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        }

        var rowIndex = Array.FindIndex(parts, p => LocationPatterns.Row().IsMatch(p));
        if (file is null || rowIndex < 1)
        {
            return new LocationParts(file, line, null, null, null);
        }

        var row = int.Parse(LocationPatterns.Row().Match(parts[rowIndex]).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var sheet = rowIndex >= 2 ? parts[rowIndex - 1] : null;
        var field = rowIndex + 1 < parts.Length ? string.Join(Locations.Separator, parts[(rowIndex + 1)..]) : null;
        return new LocationParts(file, line, sheet, row, field);
    }
}

/// <summary>
/// Problems in the order a clerk fixes them: file by file (in the order the files first appear), then line by line and
/// row by row (numbers compared as numbers: line 9 before line 12). Problems at the same place keep their order.
/// </summary>
public static class ProblemOrder
{
    public static IReadOnlyList<Problem> Sort(IEnumerable<Problem> problems)
    {
        var list = problems.ToList();
        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        var keyed = new List<Keyed>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var location = list[i].Location;
            var cut = location.IndexOf(Locations.Separator, StringComparison.Ordinal);
            var head = cut < 0 ? location : location[..cut];
            var rest = cut < 0 ? "" : location[(cut + Locations.Separator.Length)..];
            var parts = LocationParts.Parse(head);
            var group = parts.File ?? head;
            if (!firstSeen.TryGetValue(group, out var index))
            {
                firstSeen[group] = index = firstSeen.Count;
            }

            keyed.Add(new Keyed(i, index, parts.Line ?? 0, rest, list[i]));
        }

        // A sort over a class with the index as the last key (stable), not LINQ over int indexes: those generic
        // instantiations cannot be precompiled by ReadyToRun and were JIT-compiled at every start (issue 17).
        keyed.Sort(static (x, y) =>
        {
            var c = x.File.CompareTo(y.File);
            c = c != 0 ? c : x.Line.CompareTo(y.Line);
            c = c != 0 ? c : NaturalComparer.Instance.Compare(x.Tail, y.Tail);
            return c != 0 ? c : x.Order.CompareTo(y.Order);
        });
        var sorted = new List<Problem>(keyed.Count);
        foreach (var k in keyed)
        {
            sorted.Add(k.Problem);
        }

        return sorted;
    }

    private sealed record Keyed(int Order, int File, int Line, string Tail, Problem Problem);
}

/// <summary>Compares text with runs of digits as numbers ("dòng 9" before "dòng 17"), the rest ordinally.</summary>
internal sealed class NaturalComparer : IComparer<string>
{
    public static NaturalComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                var si = i;
                var sj = j;
                while (i < x.Length && char.IsAsciiDigit(x[i]))
                {
                    i++;
                }

                while (j < y.Length && char.IsAsciiDigit(y[j]))
                {
                    j++;
                }

                var a = x[si..i].TrimStart('0');
                var b = y[sj..j].TrimStart('0');
                var byNumber = a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
                if (byNumber != 0)
                {
                    return byNumber;
                }

                continue;
            }

            if (x[i] != y[j])
            {
                return x[i].CompareTo(y[j]);
            }

            i++;
            j++;
        }

        return (x.Length - i).CompareTo(y.Length - j);
    }
}

internal static partial class LocationPatterns
{
    /// <summary>A file name the project reads or writes, optionally with ":line".</summary>
    [GeneratedRegex(@"^(?<file>.+\.(?:yaml|yml|xlsx|xlsm|xls|csv|docx|docm|doc|json|txt))(?::(?<line>\d+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex File();

    [GeneratedRegex(@"^" + LocationParts.RowWord + @" (\d+)$", RegexOptions.CultureInvariant)]
    public static partial Regex Row();
}
