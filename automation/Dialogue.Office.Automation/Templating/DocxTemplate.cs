using System.IO.Compression;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
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
/// A Word template compiled once and rendered many times (and kept compiled between runs, see <see cref="TemplateCache"/>). Compiling opens the .docx with the Open XML SDK, turns
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

    private readonly List<TemplatePart> _parts;
    private readonly string _documentPartName;
    private readonly string? _qrPartName;
    private readonly List<Segment> _segments;

    private readonly Dictionary<string, List<Segment>> _partSegments;

    private DocxTemplate(string name, List<TemplatePart> parts, string documentPartName, string? qrPartName, List<Segment> segments, IReadOnlySet<string> tags,
        Dictionary<string, List<Segment>> partSegments)
    {
        Name = name;
        _partSegments = partSegments;
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

    /// <summary>A merge field (MERGEFIELD with switches, IF, DATE …) computed from the letter's values.</summary>
    private sealed record ExprField(MergeExpr Expr) : Segment;

    private sealed record BlockField(string Tag, string ParagraphStart, string PlainRunProps, string BoldRunProps, string ParagraphEnd) : Segment;

    /// <summary>
    /// Compiles the template file at <paramref name="path"/> after the guarded opener has checked it
    /// (<see cref="InputLimits.Template"/>). Problems (unknown tags, missing required tags, a refused file…) are added
    /// to <paramref name="problems"/>; <paramref name="location"/> replaces the file name where a file-level problem is
    /// reported (the plan.yaml line that names the template).
    /// </summary>
    public static DocxTemplate? Compile(string path, ProblemList problems, IReadOnlyList<string>? requiredTags = null, string? location = null, string? displayName = null,
        IReadOnlyList<string>? columns = null)
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

        return Compile(package, problems, requiredTags, columns, TemplateCache.Default);
    }

    /// <summary>Compiles a template held in memory (a built-in one, an upload): checked by the guarded opener first.</summary>
    /// <remarks>
    /// <paramref name="columns"/> are the headers of the delegate list: a MERGEFIELD named after one of them (the way
    /// Word names fields when it connects to a list) takes that column's value (<see cref="MergeKeys.Column"/>).
    /// </remarks>
    public static DocxTemplate? Compile(byte[] bytes, string name, ProblemList problems, IReadOnlyList<string>? requiredTags = null, IReadOnlyList<string>? columns = null) =>
        Compile(bytes, name, problems, requiredTags, InputLimits.Template, columns);

    /// <summary>As above with other limits: the script's template once its rows are in is a whole document.</summary>
    internal static DocxTemplate? Compile(byte[] bytes, string name, ProblemList problems, IReadOnlyList<string>? requiredTags, PackageLimits limits, IReadOnlyList<string>? columns = null) =>
        Compile(bytes, name, problems, requiredTags, limits, columns, TemplateCache.Default);

    /// <summary>As above with the cache to use (null: compile with the Open XML SDK, store nothing).</summary>
    internal static DocxTemplate? Compile(byte[] bytes, string name, ProblemList problems, IReadOnlyList<string>? requiredTags, PackageLimits limits, IReadOnlyList<string>? columns,
        TemplateCache? cache)
    {
        try
        {
            return Compile(GuardedPackage.FromBytes(bytes, name, PackageKind.WordDocument, limits), problems, requiredTags, columns, cache);
        }
        catch (InputFileException ex)
        {
            problems.Add(ex.ToProblem());
            return null;
        }
    }

    private static DocxTemplate? CompileWithSdk(GuardedPackage package, ProblemList problems, IReadOnlyList<string>? requiredTags, IReadOnlyList<string>? columns)
    {
        var name = package.Name;
        var bytes = package.ToArray();
        using var work = new MemoryStream();
        work.Write(bytes);
        work.Position = 0;
        var tags = new HashSet<string>(StringComparer.Ordinal);
        var fieldIndex = new List<(string Tag, FieldKind Kind, string Plain, string Bold)>();
        var errorsBefore = problems.Errors.Count();
        var merge = new MergeFieldConverter(new MergeNames(columns ?? []), problems, name);
        var mergeParts = new Dictionary<string, string>(StringComparer.Ordinal);
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

                merge.Convert(body, MergeFieldConverter.BodyLabel);
                RemoveMailMergeSettings(main);
                foreach (var (part, root, label) in HeadersAndFooters(main))
                {
                    var before = merge.Exprs.Count;
                    merge.Convert(root, label);
                    if (merge.Exprs.Count > before)
                    {
                        root.Save();
                        mergeParts[part.Uri.OriginalString.TrimStart('/')] = label;
                    }
                }

                // An office's mail-merge template addresses the letter with its own columns and has no QR field: the
                // QR code is put where the office marked it, else before the signature block (templates/README.md).
                var isMailMerge = merge.MergeFieldCount > 0;
                if (isMailMerge && !body.Descendants<SdtElement>().Any(s => s.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value is { } t && TemplateFields.Find(t)?.Kind == FieldKind.Picture))
                {
                    QrPlacement.Place(body, name, problems);
                }

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

                foreach (var expr in merge.Exprs)
                {
                    foreach (var key in expr.Keys)
                    {
                        if (TemplateFields.Find(key) is { } used && used.Tag == key)
                        {
                            tags.Add(key);
                        }
                    }
                }

                foreach (var tag in requiredTags ?? [])
                {
                    // A mail-merge template addresses the letter with its own fields (the list's columns).
                    if (!tags.Contains(tag) && !(isMailMerge && TemplateFields.Find(tag)?.Kind == FieldKind.Text))
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
        var parts = new List<TemplatePart>();
        string? documentPartName = null;
        string? documentXml = null;
        string? qrPartName = null;
        var partSegments = new Dictionary<string, List<Segment>>(StringComparer.Ordinal);
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
                else if (mergeParts.ContainsKey(entry.FullName))
                {
                    partSegments[entry.FullName] = Cut(Encoding.UTF8.GetString(ms.ToArray()), fieldIndex, merge.Exprs);
                }

                parts.Add(new TemplatePart(entry.FullName, ms.ToArray()));
            }
        }

        if (documentXml is null || documentPartName is null)
        {
            problems.Error("TEMPLATE_NOT_WORD", name, "The package has no main document part.", name);
            return null;
        }

        var segments = Cut(documentXml, fieldIndex, merge.Exprs);
        var template = new DocxTemplate(name, parts, documentPartName, qrPartName, segments, tags, partSegments);
        template.PerDelegateParts = template.FindPerDelegateParts(mergeParts.Keys);
        return template;
    }

    /// <summary>Writes one filled document. <paramref name="values"/> maps tags to text ("\n" separates lines).</summary>
    public void Render(IReadOnlyDictionary<string, string> values, ReadOnlySpan<byte> qrPng, Stream output) =>
        WritePackage(RenderDocumentXml(values), qrPng, output, values);

    /// <summary>
    /// Writes the package around an already filled document.xml (and the QR picture, if any); headers and footers with
    /// merge fields are filled from <paramref name="values"/>.
    /// </summary>
    internal void WritePackage(string documentXml, ReadOnlySpan<byte> qrPng, Stream output, IReadOnlyDictionary<string, string>? values = null)
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
                s.Write(isQr ? qrPng : PartBytes(name, bytes, values));
            }
        }
    }

    /// <summary>A part as written into a letter: a header or footer with merge fields filled from <paramref name="values"/>.</summary>
    internal byte[] PartBytes(string name, byte[] bytes, IReadOnlyDictionary<string, string>? values)
    {
        if (!_partSegments.TryGetValue(name, out var segments))
        {
            return bytes;
        }

        using var writer = new StringWriter();
        Write(writer, segments, values ?? new Dictionary<string, string>());
        return Encoding.UTF8.GetBytes(writer.ToString());
    }

    /// <summary>
    /// A header or footer whose merge fields differ per delegate. The combined print file gives each letter's section
    /// its own copy of it (a new part and relationship), so every letter's header is its own.
    /// </summary>
    internal sealed record PerDelegatePart(string Name, string RelationshipId, string RelationshipType, string ContentType, string? RelsName);

    /// <summary>The headers and footers with per-delegate fields (empty for most templates).</summary>
    internal IReadOnlyList<PerDelegatePart> PerDelegateParts { get; private set; } = [];

    private List<PerDelegatePart> FindPerDelegateParts(IEnumerable<string> mergeParts)
    {
        var result = new List<PerDelegatePart>();
        var perDelegate = mergeParts.Where(p => PerDelegateKeys(p).Count > 0).ToHashSet(StringComparer.Ordinal);
        if (perDelegate.Count == 0)
        {
            return result;
        }

        var folder = _documentPartName.Contains('/') ? _documentPartName[.._documentPartName.LastIndexOf('/')] : "";
        var relsName = (folder.Length > 0 ? folder + "/" : "") + "_rels/" + Path.GetFileName(_documentPartName) + ".rels";
        var rels = _parts.FirstOrDefault(p => p.Name == relsName)?.Bytes;
        var types = _parts.FirstOrDefault(p => p.Name == "[Content_Types].xml")?.Bytes;
        if (rels is null || types is null)
        {
            return result;
        }

        // Parsed from bytes: the SDK writes a byte order mark.
        var relsXml = XDocument.Load(new MemoryStream(rels));
        var typesXml = XDocument.Load(new MemoryStream(types));
        foreach (var rel in relsXml.Root!.Elements())
        {
            var target = (string?)rel.Attribute("Target");
            if (target is null || (string?)rel.Attribute("TargetMode") == "External")
            {
                continue;
            }

            var part = target.StartsWith('/') ? target.TrimStart('/') : (folder.Length > 0 ? folder + "/" : "") + target;
            if (!perDelegate.Contains(part))
            {
                continue;
            }

            var contentType = typesXml.Root!.Elements().FirstOrDefault(e => e.Name.LocalName == "Override" && (string?)e.Attribute("PartName") == "/" + part)
                ?.Attribute("ContentType")?.Value;
            var type = (string)rel.Attribute("Type")!;
            contentType ??= type.EndsWith("/footer", StringComparison.Ordinal)
                ? "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
                : "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml";
            var partRels = $"{Path.GetDirectoryName(part)?.Replace('\\', '/')}/_rels/{Path.GetFileName(part)}.rels".TrimStart('/');
            result.Add(new PerDelegatePart(part, (string)rel.Attribute("Id")!, type, contentType, _parts.Any(p => p.Name == partRels) ? partRels : null));
        }

        return result;
    }

    /// <summary>The per-delegate values a header or footer part reads (columns, per-delegate vocabulary, the record number).</summary>
    private List<string> PerDelegateKeys(string part) =>
        _partSegments[part].OfType<ExprField>().SelectMany(e => e.Expr.Keys)
            .Where(k => k.StartsWith('@') || k == MergeKeys.RecordNumber || TemplateFields.Find(k)?.PerDelegate == true)
            .Select(k => k.TrimStart('@')).Distinct().ToList();

    /// <summary>
    /// A letter is not a mail-merge main document: Word's merge settings (w:mailMerge, the link to the office's Excel
    /// file) would make Word ask for the data source each time a delegate's letter is opened.
    /// </summary>
    private static void RemoveMailMergeSettings(MainDocumentPart main)
    {
        if (main.DocumentSettingsPart is not { Settings: { } settings } part || settings.GetFirstChild<MailMerge>() is not { } mailMerge)
        {
            return;
        }

        mailMerge.Remove();
        foreach (var rel in part.ExternalRelationships.Where(r => r.RelationshipType.EndsWith("/mailMergeSource", StringComparison.Ordinal)
            || r.RelationshipType.EndsWith("/mailMergeHeaderSource", StringComparison.Ordinal)).ToList())
        {
            part.DeleteExternalRelationship(rel);
        }

        settings.Save();
    }

    private static IEnumerable<(OpenXmlPart Part, OpenXmlPartRootElement Root, string Label)> HeadersAndFooters(MainDocumentPart main)
    {
        foreach (var header in main.HeaderParts)
        {
            if (header.Header is { } root)
            {
                yield return (header, root, $"đầu trang ({Path.GetFileName(header.Uri.OriginalString)})");
            }
        }

        foreach (var footer in main.FooterParts)
        {
            if (footer.Footer is { } root)
            {
                yield return (footer, root, $"chân trang ({Path.GetFileName(footer.Uri.OriginalString)})");
            }
        }
    }

    /// <summary>Writes the whole document.xml with the values filled.</summary>
    public void WriteDocument(TextWriter writer, IReadOnlyDictionary<string, string> values) => Write(writer, _segments, values);

    private static void Write(TextWriter writer, List<Segment> segments, IReadOnlyDictionary<string, string> values)
    {
        foreach (var segment in segments)
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
                case ExprField e:
                    WriteInline(writer, e.Expr.Eval(values));
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
    internal IReadOnlyList<TemplatePart> Parts => _parts;

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

    private static List<Segment> Cut(string xml, List<(string Tag, FieldKind Kind, string Plain, string Bold)> fields, List<MergeExpr> exprs)
    {
        var segments = new List<Segment>();
        var pos = 0;
        while (pos < xml.Length)
        {
            var inline = xml.IndexOf(InlineOpen, pos);
            var block = xml.IndexOf(BlockOpen, pos);
            var expr = xml.IndexOf(MergeFieldConverter.ExprOpen, pos);
            if (inline < 0 && block < 0 && expr < 0)
            {
                segments.Add(new Literal(xml[pos..]));
                break;
            }

            if (expr >= 0 && (inline < 0 || expr < inline) && (block < 0 || expr < block))
            {
                var close = xml.IndexOf(MergeFieldConverter.ExprClose, expr);
                var index = int.Parse(xml.AsSpan(expr + 1, close - expr - 1), provider: System.Globalization.CultureInfo.InvariantCulture);
                segments.Add(new Literal(xml[pos..expr]));
                segments.Add(new ExprField(exprs[index]));
                pos = close + 1;
            }
            else if (inline >= 0 && (block < 0 || inline < block))
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

    [GeneratedRegex(@"<Relationship\s[^>]*?Id=""(?<id>[^""]+)""[^>]*?Target=""(?<target>[^""]+)""|<Relationship\s[^>]*?Target=""(?<target>[^""]+)""[^>]*?Id=""(?<id>[^""]+)""")]
    private static partial Regex RelTarget();

    [GeneratedRegex(@"PartName=""(?<part>[^""]+)""\s+ContentType=""application/vnd\.openxmlformats-officedocument\.wordprocessingml\.document\.main\+xml""")]
    private static partial Regex MainOverride();
}

/// <summary>A part of the template's package: its name in the zip and its bytes (a class, not a tuple: collections of tuples are generic instantiations ReadyToRun cannot precompile, issue 17).</summary>
internal sealed record TemplatePart(string Name, byte[] Bytes);
