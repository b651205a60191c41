using System.IO.Compression;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Inputs;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Dialogue.Office.Automation.Templating;

/// <summary>
/// A Word template compiled once and rendered many times. Compiling opens the .docx with the Open XML SDK, turns
/// classic MERGEFIELDs into tagged content controls, checks every tag against <see cref="TemplateFields"/>, and cuts
/// document.xml into literal segments around each field. Rendering then only concatenates escaped values between
/// the segments and writes the zip: no XML parsing per delegate, which is what makes thousands of letters cheap.
/// The content controls stay in the output (filled), so a generated letter can still be edited in Word.
/// </summary>
public sealed partial class DocxTemplate
{
    internal const string QrRelationshipId = "rIdDlgQr";

    /// <summary>
    /// A fixed time for zip entries, so the same input gives byte-identical files: re-publishing then uploads only
    /// letters whose content changed.
    /// </summary>
    internal static readonly DateTimeOffset EntryTime = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const char InlineOpen = '\uE000';
    private const char InlineClose = '\uE001';
    private const char BlockOpen = '\uE002';
    private const char BlockClose = '\uE003';

    private readonly List<(string Name, byte[] Bytes)> _parts;
    private readonly string _documentPartName;
    private readonly string? _qrPartName;
    private readonly List<Segment> _segments;

    private DocxTemplate(string name, List<(string, byte[])> parts, string documentPartName, string? qrPartName, List<Segment> segments, IReadOnlySet<string> tags)
    {
        Name = name;
        _parts = parts;
        _documentPartName = documentPartName;
        _qrPartName = qrPartName;
        _segments = segments;
        Tags = tags;
    }

    /// <summary>The template's file name (for locations).</summary>
    public string Name { get; }

    /// <summary>The vocabulary tags this template uses.</summary>
    public IReadOnlySet<string> Tags { get; }

    public bool HasQrCode => _qrPartName is not null;

    private abstract record Segment;

    private sealed record Literal(string Xml) : Segment;

    private sealed record InlineField(string Tag) : Segment;

    private sealed record BlockField(string Tag, string ParagraphStart, string PlainRunProps, string BoldRunProps, string ParagraphEnd) : Segment;

    /// <summary>
    /// Compiles the template file at <paramref name="path"/> after the guarded opener has checked it
    /// (<see cref="InputLimits.Template"/>). Problems (unknown tags, missing required tags, a refused file…) are added
    /// to <paramref name="problems"/>; <paramref name="location"/> replaces the file name where a file-level problem is
    /// reported (the plan.yaml line that names the template).
    /// </summary>
    public static DocxTemplate? Compile(string path, ProblemList problems, IReadOnlyList<string>? requiredTags = null, string? location = null, string? displayName = null)
    {
        var name = displayName ?? Path.GetFileName(path);
        GuardedPackage package;
        try
        {
            package = GuardedPackage.Open(path, PackageKind.WordDocument, InputLimits.Template, name);
        }
        catch (InputFileException ex)
        {
            problems.Add(ex.Reason == InputRejection.Missing
                ? Problem.Error("TEMPLATE_MISSING", location ?? name, $"Template '{name}' not found at {path}.", name, ex.FullPath ?? path)
                : ex.ToProblem(location));
            return null;
        }

        return Compile(package, problems, requiredTags);
    }

    /// <summary>Compiles a template held in memory (a built-in one, an upload): checked by the guarded opener first.</summary>
    public static DocxTemplate? Compile(byte[] bytes, string name, ProblemList problems, IReadOnlyList<string>? requiredTags = null) =>
        Compile(bytes, name, problems, requiredTags, InputLimits.Template);

    /// <summary>As above with other limits: the script's template once its rows are in is a whole document.</summary>
    internal static DocxTemplate? Compile(byte[] bytes, string name, ProblemList problems, IReadOnlyList<string>? requiredTags, PackageLimits limits)
    {
        try
        {
            return Compile(GuardedPackage.FromBytes(bytes, name, PackageKind.WordDocument, limits), problems, requiredTags);
        }
        catch (InputFileException ex)
        {
            problems.Add(ex.ToProblem());
            return null;
        }
    }

    private static DocxTemplate? Compile(GuardedPackage package, ProblemList problems, IReadOnlyList<string>? requiredTags)
    {
        var name = package.Name;
        var bytes = package.ToArray();
        using var work = new MemoryStream();
        work.Write(bytes);
        work.Position = 0;
        var tags = new HashSet<string>(StringComparer.Ordinal);
        var fieldIndex = new List<(string Tag, FieldKind Kind, string Plain, string Bold)>();
        var errorsBefore = problems.Errors.Count();
        try
        {
            using (var doc = WordprocessingDocument.Open(work, true, package.SdkSettings))
            {
                var main = doc.MainDocumentPart;
                var body = main?.Document?.Body;
                if (main is null || body is null)
                {
                    problems.Error("TEMPLATE_NOT_WORD", name, "The file is not a Word document.", name);
                    return null;
                }

                ConvertMergeFields(body, name, problems);
                var needsQr = false;
                foreach (var sdt in body.Descendants<SdtElement>().ToList())
                {
                    if (!sdt.Ancestors<Body>().Any())
                    {
                        continue; // inside a field already replaced
                    }

                    var tagText = sdt.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value;
                    if (string.IsNullOrWhiteSpace(tagText))
                    {
                        continue; // the secretariat's own, untagged controls are left alone
                    }

                    var field = TemplateFields.Find(tagText);
                    if (field is null)
                    {
                        problems.Error("TEMPLATE_UNKNOWN_FIELD", $"{name} › content control \"{tagText}\"", $"Unknown field tag '{tagText}'.", tagText);
                        continue;
                    }

                    tags.Add(field.Tag);
                    CleanProperties(sdt.SdtProperties!);
                    var index = fieldIndex.Count;
                    switch (sdt)
                    {
                        case SdtRun run when field.Kind == FieldKind.Picture:
                            ReplaceContent(run, new SdtContentRun(QrRun(run)));
                            needsQr = true;
                            fieldIndex.Add((field.Tag, field.Kind, "", ""));
                            break;
                        case SdtBlock block when field.Kind == FieldKind.Picture:
                            var pp = block.Descendants<ParagraphProperties>().FirstOrDefault()?.CloneNode(true);
                            ReplaceContent(block, new SdtContentBlock(new Paragraph(pp ?? new ParagraphProperties(), QrRun(block))));
                            needsQr = true;
                            fieldIndex.Add((field.Tag, field.Kind, "", ""));
                            break;
                        case SdtRun run:
                            {
                                var rp = FirstRunProperties(run);
                                ReplaceContent(run, new SdtContentRun(new Run(rp, new WText($"{InlineOpen}{index}{InlineClose}") { Space = SpaceProcessingModeValues.Preserve })));
                                fieldIndex.Add((field.Tag, FieldKind.Text, "", ""));
                                break;
                            }

                        case SdtBlock block:
                            {
                                var paragraph = block.Descendants<Paragraph>().FirstOrDefault();
                                var pp2 = (ParagraphProperties?)paragraph?.ParagraphProperties?.CloneNode(true) ?? new ParagraphProperties();
                                // Plain text takes the sample's formatting without bold: a sample like "**Chỗ ngồi:** …"
                                // starts with a bold label, which must not make the whole value bold. "**…**" marks bold.
                                var rp = FirstRunProperties(block);
                                rp.RemoveAllChildren<Bold>();
                                rp.RemoveAllChildren<BoldComplexScript>();
                                var bold = (RunProperties)rp.CloneNode(true);
                                bold.Bold ??= new Bold();
                                bold.BoldComplexScript ??= new BoldComplexScript();
                                ReplaceContent(block, new SdtContentBlock(new Paragraph(pp2, new Run(rp, new WText($"{BlockOpen}{index}{BlockClose}") { Space = SpaceProcessingModeValues.Preserve }))));
                                fieldIndex.Add((field.Tag, FieldKind.Lines, rp.OuterXml, bold.OuterXml));
                                break;
                            }

                        default:
                            problems.Error("TEMPLATE_FIELD_PLACEMENT", $"{name} › content control \"{tagText}\"", "Field must be a text or paragraph content control, not a table cell or row control.", tagText);
                            break;
                    }
                }

                foreach (var tag in requiredTags ?? [])
                {
                    if (!tags.Contains(tag))
                    {
                        problems.Error("TEMPLATE_REQUIRED_FIELD", name, $"Template lacks the required field '{tag}'.", tag);
                    }
                }

                if (needsQr)
                {
                    foreach (var rel in main.Parts.Where(p => p.RelationshipId == QrRelationshipId).ToList())
                    {
                        main.DeletePart(rel.OpenXmlPart);
                    }

                    var image = main.AddImagePart(ImagePartType.Png, QrRelationshipId);
                    using var s = new MemoryStream(QrPlaceholderPng);
                    image.FeedData(s);
                }

                main.Document.Save();
            }
        }
        catch (Exception ex) when (GuardedPackage.IsPackageFault(ex))
        {
            problems.Error("TEMPLATE_NOT_WORD", name, $"Cannot open template: {ex.Message}", name);
            return null;
        }

        if (problems.Errors.Count() > errorsBefore)
        {
            return null;
        }

        // Read the saved package back as raw parts and cut document.xml into segments.
        work.Position = 0;
        var parts = new List<(string, byte[])>();
        string? documentPartName = null;
        string? documentXml = null;
        string? qrPartName = null;
        using (var zip = new ZipArchive(work, ZipArchiveMode.Read, true))
        {
            var docRels = zip.GetEntry("word/_rels/document.xml.rels");
            var relsXml = docRels is null ? "" : ReadText(docRels);
            var qrTarget = RelTarget().Matches(relsXml).FirstOrDefault(m => m.Groups["id"].Value == QrRelationshipId)?.Groups["target"].Value;
            if (qrTarget is not null)
            {
                qrPartName = qrTarget.StartsWith('/') ? qrTarget.TrimStart('/') : "word/" + qrTarget;
            }

            var contentTypes = zip.GetEntry("[Content_Types].xml");
            var mainName = contentTypes is null ? "word/document.xml" : MainPartName(ReadText(contentTypes));
            foreach (var entry in zip.Entries)
            {
                using var es = entry.Open();
                using var ms = new MemoryStream();
                es.CopyTo(ms);
                if (entry.FullName == mainName)
                {
                    documentPartName = entry.FullName;
                    documentXml = Encoding.UTF8.GetString(ms.ToArray());
                }

                parts.Add((entry.FullName, ms.ToArray()));
            }
        }

        if (documentXml is null || documentPartName is null)
        {
            problems.Error("TEMPLATE_NOT_WORD", name, "The package has no main document part.", name);
            return null;
        }

        var segments = Cut(documentXml, fieldIndex);
        return new DocxTemplate(name, parts, documentPartName, qrPartName, segments, tags);
    }

    /// <summary>Writes one filled document. <paramref name="values"/> maps tags to text ("\n" separates lines).</summary>
    public void Render(IReadOnlyDictionary<string, string> values, ReadOnlySpan<byte> qrPng, Stream output) =>
        WritePackage(RenderDocumentXml(values), qrPng, output);

    /// <summary>Writes the package around an already filled document.xml (and the QR picture, if any).</summary>
    internal void WritePackage(string documentXml, ReadOnlySpan<byte> qrPng, Stream output)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, true);
        foreach (var (name, bytes) in _parts)
        {
            var isQr = name == _qrPartName && !qrPng.IsEmpty;
            var entry = zip.CreateEntry(name, isQr ? CompressionLevel.NoCompression : CompressionLevel.Fastest);
            entry.LastWriteTime = EntryTime;
            using var s = entry.Open();
            if (name == _documentPartName)
            {
                s.Write(Encoding.UTF8.GetBytes(documentXml));
            }
            else
            {
                s.Write(isQr ? qrPng : bytes);
            }
        }
    }

    /// <summary>Writes the whole document.xml with the values filled.</summary>
    public void WriteDocument(TextWriter writer, IReadOnlyDictionary<string, string> values)
    {
        foreach (var segment in _segments)
        {
            switch (segment)
            {
                case Literal l:
                    writer.Write(l.Xml);
                    break;
                case InlineField f:
                    WriteInline(writer, values.GetValueOrDefault(f.Tag) ?? "");
                    break;
                case BlockField b:
                    WriteBlock(writer, b, values.GetValueOrDefault(b.Tag) ?? "");
                    break;
            }
        }
    }

    /// <summary>The filled document.xml as a string (for the print file and previews).</summary>
    public string RenderDocumentXml(IReadOnlyDictionary<string, string> values)
    {
        using var writer = new StringWriter();
        WriteDocument(writer, values);
        return writer.ToString();
    }

    /// <summary>The raw parts of the compiled template, except document.xml (for building a combined print file).</summary>
    internal IReadOnlyList<(string Name, byte[] Bytes)> Parts => _parts;

    internal string DocumentPartName => _documentPartName;

    internal string? QrPartName => _qrPartName;

    private static void WriteInline(TextWriter writer, string value)
    {
        var lines = value.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                writer.Write("</w:t><w:br/><w:t xml:space=\"preserve\">");
            }

            writer.Write(SecurityElement.Escape(lines[i]));
        }
    }

    private static void WriteBlock(TextWriter writer, BlockField b, string value)
    {
        if (value.Length == 0)
        {
            return; // an empty block field removes its paragraph: no blank line, no dangling label
        }

        foreach (var line in value.Split('\n'))
        {
            writer.Write(b.ParagraphStart);
            // "**…**" marks bold spans inside a line ("**Chỗ ngồi:** Hàng A – Ghế 05").
            var pieces = line.Split("**");
            for (var i = 0; i < pieces.Length; i++)
            {
                if (pieces[i].Length == 0)
                {
                    continue;
                }

                writer.Write("<w:r>");
                writer.Write(i % 2 == 1 ? b.BoldRunProps : b.PlainRunProps);
                writer.Write("<w:t xml:space=\"preserve\">");
                writer.Write(SecurityElement.Escape(pieces[i]));
                writer.Write("</w:t></w:r>");
            }

            writer.Write(b.ParagraphEnd);
        }
    }

    private static List<Segment> Cut(string xml, List<(string Tag, FieldKind Kind, string Plain, string Bold)> fields)
    {
        var segments = new List<Segment>();
        var pos = 0;
        while (pos < xml.Length)
        {
            var inline = xml.IndexOf(InlineOpen, pos);
            var block = xml.IndexOf(BlockOpen, pos);
            if (inline < 0 && block < 0)
            {
                segments.Add(new Literal(xml[pos..]));
                break;
            }

            if (inline >= 0 && (block < 0 || inline < block))
            {
                var close = xml.IndexOf(InlineClose, inline);
                var index = int.Parse(xml.AsSpan(inline + 1, close - inline - 1), provider: System.Globalization.CultureInfo.InvariantCulture);
                segments.Add(new Literal(xml[pos..inline]));
                segments.Add(new InlineField(fields[index].Tag));
                pos = close + 1;
            }
            else
            {
                var close = xml.IndexOf(BlockClose, block);
                var index = int.Parse(xml.AsSpan(block + 1, close - block - 1), provider: System.Globalization.CultureInfo.InvariantCulture);
                var pStart = Math.Max(xml.LastIndexOf("<w:p>", block, StringComparison.Ordinal), xml.LastIndexOf("<w:p ", block, StringComparison.Ordinal));
                var rStart = Math.Max(xml.LastIndexOf("<w:r>", block, StringComparison.Ordinal), xml.LastIndexOf("<w:r ", block, StringComparison.Ordinal));
                var rEnd = xml.IndexOf("</w:r>", close, StringComparison.Ordinal) + "</w:r>".Length;
                var pEnd = xml.IndexOf("</w:p>", close, StringComparison.Ordinal) + "</w:p>".Length;
                segments.Add(new Literal(xml[pos..pStart]));
                var (_, _, plain, bold) = fields[index];
                segments.Add(new BlockField(fields[index].Tag, xml[pStart..rStart], NoNamespace(plain), NoNamespace(bold), xml[rEnd..pEnd]));
                pos = pEnd;
            }
        }

        // Merge adjacent literals.
        var merged = new List<Segment>();
        foreach (var s in segments)
        {
            if (s is Literal l && merged.Count > 0 && merged[^1] is Literal prev)
            {
                merged[^1] = new Literal(prev.Xml + l.Xml);
            }
            else
            {
                merged.Add(s);
            }
        }

        return merged;
    }

    /// <summary>OuterXml of a detached element carries its own xmlns declaration; inside document.xml it is redundant.</summary>
    private static string NoNamespace(string xml) =>
        xml.Replace(" xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"", "", StringComparison.Ordinal);

    private static void ReplaceContent(SdtElement sdt, OpenXmlElement content)
    {
        foreach (var old in sdt.ChildElements.Where(c => c is SdtContentRun or SdtContentBlock or SdtContentCell or SdtContentRow).ToList())
        {
            old.Remove();
        }

        sdt.AppendChild(content);
    }

    private static void CleanProperties(SdtProperties props)
    {
        // Ids repeat in a combined print file and the placeholder flag would make Word show the filled text as grey prompt.
        props.RemoveAllChildren<ShowingPlaceholder>();
        props.RemoveAllChildren<SdtId>();
        props.RemoveAllChildren<DataBinding>();
        props.RemoveAllChildren<SdtPlaceholder>();
        props.RemoveAllChildren<SdtContentPicture>();
        props.RemoveAllChildren<TemporarySdt>();
    }

    private static RunProperties FirstRunProperties(OpenXmlElement sdt)
    {
        var rp = sdt.Descendants<Run>().Select(r => r.RunProperties).FirstOrDefault(r => r is not null);
        if (rp is null)
        {
            return new RunProperties();
        }

        var clone = (RunProperties)rp.CloneNode(true);
        clone.RemoveAllChildren<RunStyle>(); // placeholder style ("PlaceholderText") must not colour real values grey
        clone.RemoveAllChildren<Color>();
        return clone;
    }

    private static Run QrRun(OpenXmlElement sdt)
    {
        // Keep the size the template author gave the picture; default 2.6 cm square.
        var extent = sdt.Descendants<DW.Extent>().FirstOrDefault();
        long cx = extent?.Cx?.Value ?? 936000L;
        long cy = extent?.Cy?.Value ?? 936000L;
        return new Run(new Drawing(
            new DW.Inline(
                new DW.Extent { Cx = cx, Cy = cy },
                new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
                new DW.DocProperties { Id = 9001U, Name = "MaQR", Description = "Mã QR tài liệu hội nghị" },
                new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(new A.GraphicData(
                    new PIC.Picture(
                        new PIC.NonVisualPictureProperties(
                            new PIC.NonVisualDrawingProperties { Id = 0U, Name = "qr.png" },
                            new PIC.NonVisualPictureDrawingProperties()),
                        new PIC.BlipFill(new A.Blip { Embed = QrRelationshipId }, new A.Stretch(new A.FillRectangle())),
                        new PIC.ShapeProperties(
                            new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                            new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
                { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            {
                DistanceFromTop = 0U,
                DistanceFromBottom = 0U,
                DistanceFromLeft = 0U,
                DistanceFromRight = 0U,
            }));
    }

    /// <summary>Turns MERGEFIELDs (simple and complex) into tagged inline content controls, so both template kinds take one path.</summary>
    private static void ConvertMergeFields(Body body, string name, ProblemList problems)
    {
        foreach (var simple in body.Descendants<SimpleField>().ToList())
        {
            var field = MergeFieldName(simple.Instruction?.Value);
            if (field is null)
            {
                continue;
            }

            var rp = simple.Descendants<RunProperties>().FirstOrDefault()?.CloneNode(true) as RunProperties ?? new RunProperties();
            simple.InsertBeforeSelf(MergeControl(field, rp));
            simple.Remove();
        }

        foreach (var paragraph in body.Descendants<Paragraph>().ToList())
        {
            var runs = paragraph.Elements<Run>().ToList();
            for (var i = 0; i < runs.Count; i++)
            {
                if (runs[i].GetFirstChild<FieldChar>()?.FieldCharType?.Value != FieldCharValues.Begin)
                {
                    continue;
                }

                var end = -1;
                var instruction = new StringBuilder();
                RunProperties? resultProps = null;
                var inResult = false;
                for (var j = i + 1; j < runs.Count; j++)
                {
                    var fc = runs[j].GetFirstChild<FieldChar>()?.FieldCharType?.Value;
                    if (fc == FieldCharValues.End)
                    {
                        end = j;
                        break;
                    }

                    if (fc == FieldCharValues.Separate)
                    {
                        inResult = true;
                    }
                    else if (!inResult)
                    {
                        instruction.Append(string.Concat(runs[j].Elements<FieldCode>().Select(c => c.Text)));
                    }
                    else
                    {
                        resultProps ??= runs[j].RunProperties;
                    }
                }

                var fieldName = MergeFieldName(instruction.ToString());
                if (end < 0 || fieldName is null)
                {
                    continue;
                }

                var rp = (RunProperties?)(resultProps ?? runs[i].RunProperties)?.CloneNode(true) ?? new RunProperties();
                runs[i].InsertBeforeSelf(MergeControl(fieldName, rp));
                for (var j = i; j <= end; j++)
                {
                    runs[j].Remove();
                }

                i = end;
            }
        }

        _ = name;
        _ = problems;
    }

    private static SdtRun MergeControl(string field, RunProperties rp) =>
        new(new SdtProperties(new SdtAlias { Val = field }, new Tag { Val = field }),
            new SdtContentRun(new Run(rp, new WText($"«{field}»"))));

    private static string? MergeFieldName(string? instruction)
    {
        if (instruction is null)
        {
            return null;
        }

        var match = MergeFieldPattern().Match(instruction);
        return match.Success ? match.Groups["name"].Value.Trim('"') : null;
    }

    private static string ReadText(ZipArchiveEntry entry)
    {
        using var s = entry.Open();
        using var r = new StreamReader(s, Encoding.UTF8);
        return r.ReadToEnd();
    }

    private static string MainPartName(string contentTypesXml)
    {
        var m = MainOverride().Match(contentTypesXml);
        return m.Success ? m.Groups["part"].Value.TrimStart('/') : "word/document.xml";
    }

    /// <summary>A 1×1 white PNG used until a delegate's QR code is put in.</summary>
    private static readonly byte[] QrPlaceholderPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC");

    [GeneratedRegex(@"^\s*MERGEFIELD\s+(?<name>""[^""]+""|\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex MergeFieldPattern();

    [GeneratedRegex(@"<Relationship\s[^>]*?Id=""(?<id>[^""]+)""[^>]*?Target=""(?<target>[^""]+)""|<Relationship\s[^>]*?Target=""(?<target>[^""]+)""[^>]*?Id=""(?<id>[^""]+)""")]
    private static partial Regex RelTarget();

    [GeneratedRegex(@"PartName=""(?<part>[^""]+)""\s+ContentType=""application/vnd\.openxmlformats-officedocument\.wordprocessingml\.document\.main\+xml""")]
    private static partial Regex MainOverride();
}
