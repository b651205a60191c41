using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Questions;

/// <summary>What a column of a question table holds.</summary>
internal enum ColumnKind
{
    None,
    Number,
    Asker,
    Position,
    Workplace,
    Level,
    Topic,
    Content,
    Answerer,
    Note,

    // Columns of a consolidated workbook (merge of merges, split, answers).
    Id,
    Source,
    SubmittingUnit,
    Status,
    Answer,
    Lead,
    DuplicateGroup,

    /// <summary>A known column of our own outputs that is not read back (duplicate group, review flag…).</summary>
    Other,
}

/// <summary>
/// Matches header texts to column kinds regardless of case, diacritics, spacing and common variants
/// ("Nội dung", "Nội dung câu hỏi/kiến nghị", "NOI DUNG", "Họ tên người hỏi"). Order matters: the answer column
/// ("Nội dung trả lời") must be tried before the question column ("Nội dung").
/// </summary>
internal static class QuestionColumns
{
    private static readonly (ColumnKind Kind, string[] Patterns, bool Exact)[] Rules =
    [
        (ColumnKind.DuplicateGroup, ["nhom trung"], true),
        (ColumnKind.Other, ["can xem lai", "co quan phoi hop", "ten nhom", "sua ma"], false),
        (ColumnKind.Id, ["ma cau hoi", "ma so cau hoi", "ma ch"], false),
        (ColumnKind.Source, ["nguon", "tep nguon"], false),
        (ColumnKind.SubmittingUnit, ["don vi gui", "don vi cap tren", "don vi tong hop"], false),
        (ColumnKind.Answer, ["noi dung tra loi", "tra loi cua", "y kien tra loi", "ket qua tra loi"], false),
        (ColumnKind.Status, ["trang thai", "tinh trang"], false),
        (ColumnKind.Lead, ["co quan chu tri"], false),
        (ColumnKind.Answerer, ["co quan tra loi", "don vi tra loi", "co quan giai quyet", "de nghi co quan", "co quan tham muu tra loi", "noi tra loi"], false),
        (ColumnKind.Number, ["stt", "tt", "so tt", "so thu tu", "thu tu", "no"], true),
        (ColumnKind.Asker, ["ho va ten", "ho ten", "nguoi hoi", "nguoi gui", "nguoi de xuat", "ten nguoi", "ten can bo", "nguoi kien nghi"], false),
        (ColumnKind.Position, ["chuc vu", "chuc danh"], false),
        (ColumnKind.Level, ["cap hoc", "bac hoc", "cap"], false),
        (ColumnKind.Topic, ["nhom van de", "nhom", "linh vuc", "chu de"], false),
        (ColumnKind.Content, ["noi dung", "cau hoi", "y kien", "kien nghi", "de xuat"], false),
        (ColumnKind.Workplace, ["don vi", "co quan cong tac", "noi cong tac", "don vi cong tac", "truong", "co quan"], false),
        (ColumnKind.Note, ["ghi chu"], false),
    ];

    /// <summary>The kind of a header cell, or None.</summary>
    public static ColumnKind Match(string header)
    {
        var folded = VietnameseText.Fold(header);
        if (folded.Length == 0 || folded.Length > 80)
        {
            return ColumnKind.None;
        }

        foreach (var (kind, patterns, exact) in Rules)
        {
            foreach (var pattern in patterns)
            {
                if (exact ? folded == pattern : ContainsPhrase(folded, pattern))
                {
                    return kind;
                }
            }
        }

        return ColumnKind.None;
    }

    private static bool ContainsPhrase(string folded, string phrase)
    {
        var index = folded.IndexOf(phrase, StringComparison.Ordinal);
        while (index >= 0)
        {
            var before = index == 0 || folded[index - 1] == ' ';
            var end = index + phrase.Length;
            var after = end == folded.Length || folded[end] == ' ';
            if (before && after)
            {
                return true;
            }

            index = folded.IndexOf(phrase, index + 1, StringComparison.Ordinal);
        }

        return false;
    }
}
