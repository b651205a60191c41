using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Vietnamese;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Dialogue.Office.Automation.Templating;

/// <summary>
/// Replaces the merge fields of one part (the body, a header, a footer — text boxes included) by marker runs that
/// <see cref="DocxTemplate"/> cuts into computed segments. Reads fields as Word writes them: <c>w:fldSimple</c>, and
/// complex fields whose <c>w:fldChar</c> begin/separate/end and <c>w:instrText</c> are split over any number of runs,
/// spell-check marks (<c>w:proofErr</c>), bookmarks and insertions (<c>w:ins</c>) between them, nested fields (IF with a
/// MERGEFIELD inside); deleted text (<c>w:del</c>) is ignored. Fields that are not merge fields (PAGE, TOC …) stay.
/// </summary>
internal sealed class MergeFieldConverter
{
    internal const char ExprOpen = '\uE004';
    internal const char ExprClose = '\uE005';

    private readonly MergeFieldParser _parser;
    private readonly MergeNames _names;
    private readonly ProblemList _problems;
    private readonly string _templateName;

    public MergeFieldConverter(MergeNames names, ProblemList problems, string templateName)
    {
        _names = names;
        _parser = new MergeFieldParser(names);
        _problems = problems;
        _templateName = templateName;
    }

    /// <summary>The computed fields, by marker index.</summary>
    public List<MergeExpr> Exprs { get; } = [];

    /// <summary>How many merge fields were found (a MERGEFIELD MaQR counts, though it becomes the picture).</summary>
    public int MergeFieldCount { get; private set; }

    public void Convert(OpenXmlElement root, string partLabel)
    {
        foreach (var simple in root.Descendants<SimpleField>().ToList())
        {
            var instruction = simple.Instruction?.Value ?? "";
            var rp = simple.Descendants<RunProperties>().FirstOrDefault()?.CloneNode(true) as RunProperties;
            if (Replacement([instruction], instruction, rp, partLabel, Excerpt(simple.Ancestors<Paragraph>().FirstOrDefault())) is { } replacement)
            {
                simple.InsertBeforeSelf(replacement);
                simple.Remove();
            }
        }

        foreach (var paragraph in root.Descendants<Paragraph>().ToList())
        {
            var runs = paragraph.Descendants<Run>()
                .Where(r => ReferenceEquals(r.Ancestors<Paragraph>().FirstOrDefault(), paragraph) && !r.Ancestors<DeletedRun>().Any())
                .ToList();
            for (var i = 0; i < runs.Count; i++)
            {
                if (Char(runs[i]) != FieldCharValues.Begin)
                {
                    continue;
                }

                var start = i;
                var code = new StringBuilder();
                var (items, resultProps) = Scan(runs, ref i, code, partLabel, paragraph, 0);
                if (i >= runs.Count)
                {
                    // No end in this paragraph: a field spread over paragraphs (or a broken one).
                    var type = MergeFieldParser.FieldType([code.ToString()]);
                    if (type is "MERGEFIELD" or "IF" || MergeFieldParser.UnsupportedFields.Contains(type))
                    {
                        _problems.Error("TEMPLATE_FIELD_UNCLOSED", Where(partLabel, type), $"Field {type} does not end in its paragraph.", code.ToString().Trim(), Excerpt(paragraph));
                    }

                    break;
                }

                var rp = (RunProperties?)(resultProps ?? runs[start].RunProperties)?.CloneNode(true);
                if (Replacement(items, code.ToString(), rp, partLabel, Excerpt(paragraph)) is not { } replacement)
                {
                    continue;
                }

                runs[start].InsertBeforeSelf(replacement);
                for (var j = start; j <= i; j++)
                {
                    var parent = runs[j].Parent;
                    runs[j].Remove();
                    if (parent is InsertedRun && !parent.HasChildren)
                    {
                        parent.Remove();
                    }
                }
            }
        }
    }

    /// <summary>
    /// Reads the field that begins at <paramref name="i"/>: its instruction (text and nested fields, parsed) and the
    /// formatting of its shown result. Leaves <paramref name="i"/> on the end run, or past the last run when there is none.
    /// </summary>
    private (List<object> Items, RunProperties? ResultProps) Scan(List<Run> runs, ref int i, StringBuilder code, string partLabel, Paragraph paragraph, int depth)
    {
        var items = new List<object>();
        var text = new StringBuilder();
        RunProperties? resultProps = null;
        var inResult = false;
        for (i++; i < runs.Count; i++)
        {
            var fc = Char(runs[i]);
            if (fc == FieldCharValues.Begin)
            {
                if (inResult)
                {
                    SkipField(runs, ref i);
                    continue;
                }

                if (depth >= MaxNesting)
                {
                    // Real letters nest two or three fields; a file nesting hundreds is hostile (the stack is finite).
                    SkipField(runs, ref i);
                    _problems.Error("TEMPLATE_FIELD_UNREADABLE", Where(partLabel, "IF"), "Fields nested too deeply.", "IF", $"> {MaxNesting} trường lồng nhau");
                    items.Add(new EmptyExpr());
                    continue;
                }

                var nestedCode = new StringBuilder();
                var (nestedItems, _) = Scan(runs, ref i, nestedCode, partLabel, paragraph, depth + 1);
                code.Append(" { ").Append(nestedCode).Append(" } ");
                if (text.Length > 0)
                {
                    items.Add(text.ToString());
                    text.Clear();
                }

                var (verdict, expr, reason) = _parser.Parse(nestedItems);
                Count(nestedItems, partLabel, nestedCode.ToString(), verdict, reason);
                items.Add(verdict == FieldVerdict.Merge ? expr! : new EmptyExpr());
                if (i >= runs.Count)
                {
                    break;
                }
            }
            else if (fc == FieldCharValues.Separate)
            {
                inResult = true;
            }
            else if (fc == FieldCharValues.End)
            {
                break;
            }
            else if (!inResult)
            {
                foreach (var instr in runs[i].Elements<FieldCode>())
                {
                    text.Append(instr.Text);
                    code.Append(instr.Text);
                }
            }
            else if (resultProps is null && runs[i].RunProperties is { } props && runs[i].Elements<WText>().Any())
            {
                resultProps = props;
            }
        }

        if (text.Length > 0)
        {
            items.Add(text.ToString());
        }

        return (items, resultProps);
    }

    private static void SkipField(List<Run> runs, ref int i)
    {
        var depth = 1;
        for (i++; i < runs.Count && depth > 0; i++)
        {
            var fc = Char(runs[i]);
            depth += fc == FieldCharValues.Begin ? 1 : fc == FieldCharValues.End ? -1 : 0;
            if (depth == 0)
            {
                return;
            }
        }
    }

    private OpenXmlElement? Replacement(IReadOnlyList<object> items, string code, RunProperties? rp, string partLabel, string excerpt)
    {
        var (verdict, expr, reason) = _parser.Parse(items);
        Count(items, partLabel, code, verdict, reason);
        if (verdict != FieldVerdict.Merge)
        {
            return null;
        }

        rp ??= new RunProperties();
        rp.RemoveAllChildren<NoProof>();
        if (expr is ValueExpr { Key: "MaQR" })
        {
            if (partLabel != BodyLabel)
            {
                _problems.Error("TEMPLATE_FIELD_PLACEMENT", Where(partLabel, "MaQR"), "The QR code must be in the body.", "MaQR");
                return null;
            }

            return new SdtRun(new SdtProperties(new SdtAlias { Val = "MaQR" }, new Tag { Val = "MaQR" }), new SdtContentRun(new Run(rp, new WText("«MaQR»"))));
        }

        _ = excerpt;
        var index = Exprs.Count;
        Exprs.Add(expr!);
        return new Run(rp, new WText(string.Create(CultureInfo.InvariantCulture, $"{ExprOpen}{index}{ExprClose}")) { Space = SpaceProcessingModeValues.Preserve });
    }

    private int _unmatchedSeen;

    private void Count(IReadOnlyList<object> items, string partLabel, string code, FieldVerdict verdict, string? reason)
    {
        if (verdict == FieldVerdict.Merge)
        {
            MergeFieldCount++;
        }
        else if (verdict == FieldVerdict.Unsupported)
        {
            if (reason is "IF" or "MERGEFIELD")
            {
                _problems.Error("TEMPLATE_FIELD_UNREADABLE", Where(partLabel, reason), $"Cannot read the {reason} field.", reason, Squeeze(code));
            }
            else
            {
                _problems.Error("TEMPLATE_UNSUPPORTED_FIELD", Where(partLabel, reason ?? "?"), $"Field {reason} is not supported in a letter.", reason ?? "?", Squeeze(code));
            }
        }

        for (; _unmatchedSeen < _parser.Unmatched.Count; _unmatchedSeen++)
        {
            var name = _parser.Unmatched[_unmatchedSeen];
            var suggestions = _names.Suggest(name);
            var sentence = suggestions.Count == 0 ? "" : $" Có phải là {string.Join(" hoặc ", suggestions)}?";
            var columns = _names.Columns.Count == 0 ? "(chưa đọc được danh sách đại biểu)" : string.Join(", ", _names.Columns.Select(c => $"\"{c}\""));
            _problems.Error("TEMPLATE_UNKNOWN_MERGEFIELD", Where(partLabel, $"MERGEFIELD \"{name}\""), $"MERGEFIELD '{name}' matches no list column and no vocabulary field.",
                name, sentence, columns);
        }

        _ = items;
    }

    internal const string BodyLabel = "thân văn bản";

    private const int MaxNesting = 16;

    private string Where(string partLabel, string field) => Locations.Join(_templateName, partLabel, field);

    private static string Squeeze(string code) => string.Join(' ', code.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Excerpt(Paragraph? paragraph)
    {
        var text = paragraph is null ? "" : VietnameseText.Clean(string.Concat(paragraph.Descendants<WText>().Select(t => t.Text)));
        return text.Length > 50 ? text[..50] + "…" : text;
    }

    private static FieldCharValues? Char(Run run) => run.GetFirstChild<FieldChar>()?.FieldCharType?.Value;
}
