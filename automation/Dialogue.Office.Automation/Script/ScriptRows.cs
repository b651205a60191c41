using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Templating;

namespace Dialogue.Office.Automation.Script;

/// <summary>
/// Puts the generated script rows into a template: the row marked by the <c>NoiDungKichBan</c> control (a row control,
/// or any control inside a table row) is the pattern; each generated row copies its row and cell properties and the
/// paragraph and run formatting of each cell, and the pattern row is removed. With three or more cells the rows are
/// time | words | who; with two, words | who (the time leads the words); with one, everything in one cell.
/// </summary>
internal static class ScriptRows
{
    public const string Tag = "NoiDungKichBan";

    public static byte[]? Expand(byte[] template, string name, IReadOnlyList<ScriptRow> rows, ProblemList problems)
    {
        using var work = new MemoryStream();
        work.Write(template);
        work.Position = 0;
        try
        {
            using var doc = WordprocessingDocument.Open(work, true);
            var body = doc.MainDocumentPart?.Document?.Body;
            if (body is null)
            {
                problems.Error("TEMPLATE_NOT_WORD", name, "The file is not a Word document.", name);
                return null;
            }

            var markers = body.Descendants<SdtElement>()
                .Where(s => string.Equals(s.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value?.Trim(), Tag, StringComparison.OrdinalIgnoreCase))
                .ToList();
            TableRow? pattern;
            OpenXmlElement anchor;
            if (markers.Count > 0)
            {
                var marker = markers[0];
                pattern = marker is SdtRow sdtRow ? sdtRow.Descendants<TableRow>().FirstOrDefault() : marker.Ancestors<TableRow>().FirstOrDefault();
                if (pattern is null)
                {
                    problems.Error("SCRIPT_ROWS_PLACEMENT", $"{name} › content control \"{Tag}\"", "The script rows control must be a table row or sit inside one.", Tag);
                    return null;
                }

                anchor = marker is SdtRow ? marker : pattern.Parent is SdtContentRow ? pattern.Parent.Parent! : pattern;
            }
            else
            {
                // LibreOffice (7.x) drops content controls when it saves a .docx; a MERGEFIELD or the visible
                // "«NoiDungKichBan»" in a row still marks the place.
                pattern = body.Descendants<TableRow>().FirstOrDefault(IsMarkedRow);
                if (pattern is null)
                {
                    problems.Error("TEMPLATE_REQUIRED_FIELD", name, $"Template lacks the required field '{Tag}'.", Tag);
                    return null;
                }

                anchor = pattern;
            }
            var cells = pattern.Elements<TableCell>().Select(CellPattern.From).ToList();
            foreach (var row in rows)
            {
                anchor.InsertBeforeSelf(Build(pattern, cells, row));
            }

            // Later copies of the marker (a template edited twice) would otherwise print the sample text.
            foreach (var extra in markers.Skip(1).Where(m => m.Parent is not null))
            {
                (extra is SdtRow ? extra : (OpenXmlElement?)extra.Ancestors<TableRow>().FirstOrDefault() ?? extra).Remove();
            }

            anchor.Remove();
            doc.MainDocumentPart!.Document.Save();
        }
        catch (Exception ex) when (Inputs.GuardedPackage.IsPackageFault(ex))
        {
            problems.Error("TEMPLATE_NOT_WORD", name, $"Cannot open template: {ex.Message}", name);
            return null;
        }

        return work.ToArray();
    }

    private static bool IsMarkedRow(TableRow row) =>
        row.InnerText.Contains($"«{Tag}»", StringComparison.OrdinalIgnoreCase)
        || row.Descendants<SimpleField>().Any(f => IsMergeField(f.Instruction?.Value))
        || IsMergeField(string.Concat(row.Descendants<FieldCode>().Select(c => c.Text)));

    private static bool IsMergeField(string? instruction) =>
        instruction is not null && System.Text.RegularExpressions.Regex.IsMatch(instruction, $@"MERGEFIELD\s+""?{Tag}\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    private static TableRow Build(TableRow pattern, IReadOnlyList<CellPattern> cells, ScriptRow row)
    {
        var result = new TableRow();
        if (pattern.TableRowProperties?.CloneNode(true) is TableRowProperties rp)
        {
            // A long row (the list of delegates) must be allowed to break across pages.
            rp.RemoveAllChildren<CantSplit>();
            rp.RemoveAllChildren<TableHeader>();
            result.Append(rp);
        }

        var time = row.Time.Length > 0 ? new[] { new ScriptLine(row.Time, LineStyle.Heading) } : [];
        IReadOnlyList<IReadOnlyList<ScriptLine>> contents = cells.Count switch
        {
            >= 3 => [time, row.Lines, row.Who.Length > 0 ? [new ScriptLine(row.Who)] : []],
            2 => [[.. time, .. row.Lines], row.Who.Length > 0 ? [new ScriptLine(row.Who)] : []],
            _ => [[.. time, .. row.Lines, .. (row.Who.Length > 0 ? new[] { new ScriptLine($"({row.Who})", LineStyle.Stage) } : [])]],
        };
        for (var i = 0; i < cells.Count; i++)
        {
            result.Append(cells[i].Fill(i < contents.Count ? contents[i] : []));
        }

        return result;
    }

    /// <summary>The formatting of one cell of the pattern row.</summary>
    private sealed record CellPattern(TableCellProperties? Properties, ParagraphProperties? Paragraph, RunProperties Run)
    {
        public static CellPattern From(TableCell cell)
        {
            var paragraph = cell.Descendants<Paragraph>().FirstOrDefault();
            var run = cell.Descendants<Run>().Select(r => r.RunProperties).FirstOrDefault(r => r is not null);
            var rp = (RunProperties?)run?.CloneNode(true) ?? new RunProperties();
            rp.RemoveAllChildren<RunStyle>(); // the placeholder style would grey real text
            rp.RemoveAllChildren<Color>();
            rp.RemoveAllChildren<Bold>();
            rp.RemoveAllChildren<BoldComplexScript>();
            rp.RemoveAllChildren<Italic>();
            rp.RemoveAllChildren<ItalicComplexScript>();
            return new CellPattern(
                (TableCellProperties?)cell.TableCellProperties?.CloneNode(true),
                (ParagraphProperties?)paragraph?.ParagraphProperties?.CloneNode(true),
                rp);
        }

        public TableCell Fill(IReadOnlyList<ScriptLine> lines)
        {
            var cell = new TableCell();
            if (Properties?.CloneNode(true) is TableCellProperties tcp)
            {
                tcp.RemoveAllChildren<VerticalMerge>();
                cell.Append(tcp);
            }

            if (lines.Count == 0)
            {
                cell.Append(new Paragraph(CloneParagraph(LineStyle.Speech)));
                return cell;
            }

            foreach (var line in lines)
            {
                cell.Append(new Paragraph(CloneParagraph(line.Style), new Run(RunFor(line.Style), new Text(line.Text) { Space = SpaceProcessingModeValues.Preserve })));
            }

            return cell;
        }

        private ParagraphProperties CloneParagraph(LineStyle style)
        {
            var pp = (ParagraphProperties?)Paragraph?.CloneNode(true) ?? new ParagraphProperties();
            if (style == LineStyle.Item)
            {
                // Names in a list hang under their dash, ragged right (justified short lines stretch the spaces).
                pp.Indentation = new Indentation { Left = "284", Hanging = "142" };
                pp.Justification = new Justification { Val = JustificationValues.Left };
            }

            if (style == LineStyle.Heading && pp.Justification?.Val?.Value == JustificationValues.Both)
            {
                pp.Justification = new Justification { Val = JustificationValues.Left };
            }

            return pp;
        }

        private RunProperties RunFor(LineStyle style)
        {
            var rp = (RunProperties)Run.CloneNode(true);
            var bold = style is LineStyle.Heading or LineStyle.Placeholder;
            var italic = style is LineStyle.Stage or LineStyle.Placeholder;
            // Schema order: rStyle, rFonts, b, bCs, i, iCs … — insert after rFonts when present.
            var after = (OpenXmlElement?)rp.GetFirstChild<RunFonts>() ?? rp.GetFirstChild<RunStyle>();
            var add = new List<OpenXmlElement>();
            if (bold)
            {
                add.Add(new Bold());
                add.Add(new BoldComplexScript());
            }

            if (italic)
            {
                add.Add(new Italic());
                add.Add(new ItalicComplexScript());
            }

            foreach (var element in Enumerable.Reverse(add))
            {
                if (after is null)
                {
                    rp.PrependChild(element);
                }
                else
                {
                    after.InsertAfterSelf(element);
                }
            }

            return rp;
        }
    }
}
