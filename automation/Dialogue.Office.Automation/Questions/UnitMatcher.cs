using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Questions;

/// <summary>
/// Finds which unit of the plan a returned file belongs to: the form's hidden unit id, else the unit's name in the
/// letterhead (first match in reading order, so "Kính gửi: Sở …" further down does not win), else the unit id in
/// the file name (file names are whatever the sender chose, so they come last). Names are compared folded with the usual abbreviations expanded (UBND, TP, TX, GD&amp;ĐT).
/// </summary>
internal sealed class UnitMatcher
{
    private readonly List<(Unit Unit, string Key, string IdPhrase)> _units = [];

    public UnitMatcher(IReadOnlyList<Unit> units)
    {
        foreach (var unit in units)
        {
            var key = Normalize(unit.Name);
            foreach (var prefix in new[] { "cac don vi truc thuoc ", "cac don vi thuoc ", "uy ban nhan dan " })
            {
                if (key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    key = key[prefix.Length..];
                }
            }

            _units.Add((unit, key, unit.Id.Replace('-', ' ').ToLowerInvariant()));
        }
    }

    public Unit? Match(ParsedFile file)
    {
        if (file.FormUnitId is { Length: > 0 } id && _units.FirstOrDefault(u => string.Equals(u.Unit.Id, id, StringComparison.OrdinalIgnoreCase)).Unit is { } byForm)
        {
            return byForm;
        }

        var text = " " + Normalize(string.Join(" ", file.Letterhead)) + " ";
        Unit? best = null;
        var bestIndex = int.MaxValue;
        foreach (var (unit, key, _) in _units)
        {
            var index = text.IndexOf(" " + key + " ", StringComparison.Ordinal);
            if (index >= 0 && index < bestIndex)
            {
                best = unit;
                bestIndex = index;
            }
        }

        if (best is not null)
        {
            return best;
        }

        // Last resort: the unit id in the file name ("van-yen-tong-hop.xlsx").
        var name = " " + VietnameseText.Fold(Path.GetFileNameWithoutExtension(file.FileName)) + " ";
        return _units.Where(u => name.Contains(" " + u.IdPhrase + " ", StringComparison.Ordinal)).OrderByDescending(u => u.IdPhrase.Length).FirstOrDefault().Unit;
    }

    /// <summary>Folded text with abbreviations expanded: "UBND TP. Yên Bái" → "uy ban nhan dan thanh pho yen bai".</summary>
    internal static string Normalize(string text)
    {
        var words = VietnameseText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var output = new List<string>(words.Count + 8);
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (w == "ubnd")
            {
                output.AddRange(["uy", "ban", "nhan", "dan"]);
            }
            else if (w == "tp")
            {
                output.AddRange(["thanh", "pho"]);
            }
            else if (w == "tx")
            {
                output.AddRange(["thi", "xa"]);
            }
            else if (w is "gd" or "sgd" && i + 1 < words.Count && words[i + 1] == "dt")
            {
                if (w == "sgd")
                {
                    output.Add("so");
                }

                output.AddRange(["giao", "duc", "va", "dao", "tao"]);
                i++;
            }
            else if (w == "gddt")
            {
                output.AddRange(["giao", "duc", "va", "dao", "tao"]);
            }
            else
            {
                output.Add(w);
            }
        }

        return string.Join(' ', output);
    }
}
