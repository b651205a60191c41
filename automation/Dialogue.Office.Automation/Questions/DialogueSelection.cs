using System.Globalization;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Questions;

/// <summary>
/// The one selection for the dialogue, written into the consolidated workbook ("Chọn", "Câu hỏi đưa ra đối thoại",
/// "Người hỏi (đối thoại)") and read back by the script, the reports and the answer book: by default one question per
/// duplicate group (its first member) and every question in no group; the text cleaned for reading aloud; the askers
/// of the group joined. The clerk edits the workbook; nothing downstream re-selects.
/// </summary>
internal static class DialogueSelection
{
    /// <summary>The mark a selected row carries in the "Chọn" column.</summary>
    public const string Mark = "x";

    /// <summary>Acronyms kept in capitals when an ALL-CAPS question is put in sentence case.</summary>
    private static readonly HashSet<string> Acronyms = new(StringComparer.Ordinal)
    {
        "UBND", "HĐND", "GD&ĐT", "GDĐT", "THCS", "THPT", "PTDTBT", "PTDTNT", "MN", "TH", "SGK", "CBQL", "GV", "BHXH", "BHYT",
        "CNTT", "NĐ", "NĐ-CP", "TT", "QĐ", "KH", "ĐBQH", "MTTQ", "TW", "CP", "TP", "TX", "BGH", "BCH", "UBMTTQ", "GDPT", "STEM",
    };

    /// <summary>Marks the selection on the records: the first member of each duplicate group and every ungrouped question.</summary>
    public static void Select(List<QuestionRecord> records, IReadOnlyList<DuplicateGroup> groups)
    {
        var others = new Dictionary<int, List<QuestionRecord>>();
        var skipped = new HashSet<int>();
        foreach (var group in groups)
        {
            others[group.Members[0]] = [.. group.Members.Skip(1).Select(i => records[i])];
            foreach (var member in group.Members.Skip(1))
            {
                skipped.Add(member);
            }
        }

        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            record.Selected = !skipped.Contains(i);
            if (record.Selected)
            {
                record.DialogueText = Clean(record.Text);
                record.DialogueAsker = Askers(record, others.GetValueOrDefault(i) ?? []);
            }
        }
    }

    /// <summary>
    /// The question as an MC reads it: leading bullets, arrows and numbering removed ("- ", "+ ", "=> ", "1. ",
    /// "a) "), ALL CAPS put in sentence case (acronyms kept), a capital first letter and closing punctuation.
    /// </summary>
    public static string Clean(string text)
    {
        var t = VietnameseText.Clean(text);
        var start = 0;
        while (start < t.Length)
        {
            var rest = t.AsSpan(start);
            if (rest[0] is '-' or '+' or '•' or '*' or '–' or '—' or '·' or '→' or '►' or '>' or '=' or ' ' or '.' or ':')
            {
                start++;
            }
            else if (rest.Length > 2 && char.IsAsciiDigit(rest[0]) && (rest[1] is '.' or ')' || (char.IsAsciiDigit(rest[1]) && rest[2] is '.' or ')')) && !(rest[1] == '.' && rest.Length > 2 && char.IsAsciiDigit(rest[2])))
            {
                start += rest[1] is '.' or ')' ? 2 : 3;
            }
            else if (rest.Length > 2 && char.IsAsciiLetterLower(rest[0]) && rest[1] == ')')
            {
                start += 2;
            }
            else
            {
                break;
            }
        }

        t = t[start..].Trim();
        if (t.Length == 0)
        {
            return "";
        }

        // Counted in one pass, not through a list of letters: this runs for every selected question.
        var letters = 0;
        var capitals = 0;
        foreach (var ch in t)
        {
            if (char.IsLetter(ch))
            {
                letters++;
                capitals += char.IsUpper(ch) ? 1 : 0;
            }
        }

        if (letters >= 8 && capitals >= letters * 0.9)
        {
            t = string.Join(' ', t.Split(' ').Select(w => Acronyms.Contains(w.TrimEnd(',', '.', ';', ':', '?', '!', ')').TrimStart('(')) ? w : w.ToLower(VietnameseText.Culture)));
        }

        var first = char.ToUpper(t[0], VietnameseText.Culture);
        t = first == t[0] ? t : string.Concat(new ReadOnlySpan<char>(in first), t.AsSpan(1));
        if (t[^1] is not ('.' or '?' or '!' or '…' or ')' or '"' or '”'))
        {
            t = t.TrimEnd(',', ';', ':', ' ') + ".";
        }

        return t;
    }

    /// <summary>
    /// "đồng chí Nguyễn Văn A (Trường THCS X)", "… và 3 ý kiến tương tự"; a name of one word ("Bé") or none is
    /// not read out as a person: "ý kiến của Trường THCS X".
    /// </summary>
    public static string Askers(QuestionRecord first, IReadOnlyList<QuestionRecord> similar)
    {
        var name = first.Asker.Trim();
        var place = first.Workplace.Length > 0 ? first.Workplace : first.UnitName;
        var who = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2
            ? place.Length > 0 ? $"đồng chí {name} ({place})" : $"đồng chí {name}"
            : place.Length > 0 ? $"ý kiến của {place}" : "ý kiến của đơn vị";
        return similar.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $"{who} và {similar.Count} ý kiến tương tự") : who;
    }

    /// <summary>True when a "Chọn" cell selects its row (x, X, có, 1, chọn…).</summary>
    public static bool IsMark(string? cell) => VietnameseText.Fold(cell) is "x" or "co" or "1" or "chon" or "dung" or "yes" or "v";
}
