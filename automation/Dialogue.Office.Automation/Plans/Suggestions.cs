using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Plans;

/// <summary>
/// "Did you mean …": the plan's id closest to what was typed — a name instead of the id ("huyện Mù Cang Chải" for
/// mu-cang-chai), part of the name, or the id with a typo (two letters off at most). Null when nothing is close.
/// </summary>
internal static class Suggestions
{
    public static string? Closest(string typed, IEnumerable<(string Id, string Name)> candidates)
    {
        var folded = VietnameseText.Fold(typed);
        var slug = Slug(typed);
        if (folded.Length == 0)
        {
            return null;
        }

        string? best = null;
        var bestScore = int.MaxValue;
        foreach (var (id, name) in candidates)
        {
            var foldedId = Slug(id);
            var foldedName = VietnameseText.Fold(name);
            int score;
            if (foldedName.Length > 0 && (foldedName.Contains(folded, StringComparison.Ordinal) || folded.Contains(foldedName, StringComparison.Ordinal)))
            {
                score = 0;
            }
            else if (slug.Length > 2 && (slug.EndsWith(foldedId, StringComparison.Ordinal) || foldedId.EndsWith(slug, StringComparison.Ordinal)))
            {
                score = 1;
            }
            else
            {
                var distance = Distance(slug, foldedId);
                score = distance <= Math.Max(1, Math.Min(2, foldedId.Length / 4)) ? 1 + distance : int.MaxValue;
            }

            if (score < bestScore)
            {
                bestScore = score;
                best = id;
            }
        }

        return best;
    }

    private static string Slug(string text) =>
        string.Join('-', VietnameseText.Fold(text).Split([' ', '-', '_', '.', ',', '/'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The Vietnamese "did you mean" sentence for a problem's last argument ("" when nothing is close).</summary>
    public static string Sentence(string? id, string? name = null) =>
        id is null ? "" : name is { Length: > 0 } && name != id ? $" Có phải là \"{id}\" ({name})?" : $" Có phải là \"{id}\"?";

    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 3 || a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
