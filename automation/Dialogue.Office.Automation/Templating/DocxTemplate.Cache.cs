using System.Text;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Inputs;

namespace Dialogue.Office.Automation.Templating;

/// <summary>
/// A compiled template as bytes for <see cref="TemplateCache"/>: its raw parts, its segments (literal XML, fields and
/// parsed merge fields), its tags and the warnings its compilation gave, which a run from the cache repeats.
/// </summary>
public sealed partial class DocxTemplate
{
    private const int PayloadVersion = 1;

    /// <summary>Strict UTF-8: a string that cannot round-trip (a lone surrogate) is not cached rather than changed.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    private static DocxTemplate? Compile(GuardedPackage package, ProblemList problems, IReadOnlyList<string>? requiredTags, IReadOnlyList<string>? columns, TemplateCache? cache)
    {
        byte[]? key = null;
        if (cache is not null)
        {
            key = TemplateCache.Key(package.Bytes, package.Name, requiredTags, columns, package.Limits.MaxXmlPartBytes);
            using (PhaseTimings.Start("template: looked up in the cache"))
            {
                if (FromPayload(cache.Read(key), package.Name, problems) is { } cached)
                {
                    cache.Hit();
                    PhaseTimings.Write("template: from the cache, Open XML SDK not loaded", TimeSpan.Zero);
                    return cached;
                }
            }
        }

        var first = problems.Items.Count;
        var template = CompileWithSdk(package, problems, requiredTags, columns);
        if (template is not null && cache is not null && key is not null)
        {
            var added = problems.Items.Skip(first).ToList();
            if (added.TrueForAll(p => !p.IsError) && template.ToPayload(added) is { } payload)
            {
                cache.Write(key, payload);
            }
        }

        return template;
    }

    /// <summary>The template and its compile warnings from a cache payload; null (nothing added) when it cannot be read.</summary>
    private static DocxTemplate? FromPayload(byte[]? payload, string name, ProblemList problems)
    {
        if (payload is null)
        {
            return null;
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(payload, writable: false), StrictUtf8);
            if (reader.ReadInt32() != PayloadVersion)
            {
                return null;
            }

            var parts = new List<TemplatePart>();
            for (var n = Count(reader); n > 0; n--)
            {
                var partName = reader.ReadString();
                parts.Add(new TemplatePart(partName, reader.ReadBytes(Count(reader))));
            }

            var documentPartName = reader.ReadString();
            var qrPartName = reader.ReadBoolean() ? reader.ReadString() : null;
            var tags = new HashSet<string>(StringComparer.Ordinal);
            for (var n = Count(reader); n > 0; n--)
            {
                tags.Add(reader.ReadString());
            }

            var segments = ReadSegments(reader);
            var partSegments = new Dictionary<string, List<Segment>>(StringComparer.Ordinal);
            for (var n = Count(reader); n > 0; n--)
            {
                var partName = reader.ReadString();
                partSegments[partName] = ReadSegments(reader);
            }

            var warnings = new List<Problem>();
            for (var n = Count(reader); n > 0; n--)
            {
                var code = reader.ReadString();
                var severity = (ProblemSeverity)reader.ReadByte();
                var location = reader.ReadString();
                var detail = reader.ReadString();
                var args = new string[Count(reader)];
                for (var i = 0; i < args.Length; i++)
                {
                    args[i] = reader.ReadString();
                }

                warnings.Add(new Problem(code, severity, location, detail, args));
            }

            if (reader.BaseStream.Position != payload.Length || !parts.Exists(p => p.Name == documentPartName))
            {
                return null;
            }

            var template = new DocxTemplate(name, parts, documentPartName, qrPartName, segments, tags, partSegments);
            template.PerDelegateParts = template.FindPerDelegateParts(partSegments.Keys);
            problems.AddRange(warnings);
            return template;
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or InvalidDataException or ArgumentException or FormatException
            or OverflowException or KeyNotFoundException or IndexOutOfRangeException or System.Xml.XmlException)
        {
            return null;
        }
    }

    private static int Count(BinaryReader reader)
    {
        var n = reader.ReadInt32();
        return n is >= 0 and <= 64 << 20 ? n : throw new InvalidDataException("Bad count in a cached template");
    }

    /// <summary>This template and its compile warnings as a cache payload; null when something in it cannot be stored exactly.</summary>
    private byte[]? ToPayload(IReadOnlyList<Problem> warnings)
    {
        try
        {
            using var buffer = new MemoryStream();
            using (var writer = new BinaryWriter(buffer, StrictUtf8, leaveOpen: true))
            {
                writer.Write(PayloadVersion);
                writer.Write(_parts.Count);
                foreach (var (partName, bytes) in _parts)
                {
                    writer.Write(partName);
                    writer.Write(bytes.Length);
                    writer.Write(bytes);
                }

                writer.Write(_documentPartName);
                writer.Write(_qrPartName is not null);
                if (_qrPartName is not null)
                {
                    writer.Write(_qrPartName);
                }

                // In the set's own order, so that the rebuilt set enumerates the same way.
                writer.Write(Tags.Count);
                foreach (var tag in Tags)
                {
                    writer.Write(tag);
                }

                WriteSegments(writer, _segments);
                writer.Write(_partSegments.Count);
                foreach (var (partName, segments) in _partSegments)
                {
                    writer.Write(partName);
                    WriteSegments(writer, segments);
                }

                writer.Write(warnings.Count);
                foreach (var problem in warnings)
                {
                    writer.Write(problem.Code);
                    writer.Write((byte)problem.Severity);
                    writer.Write(problem.Location);
                    writer.Write(problem.Detail);
                    writer.Write(problem.Args.Count);
                    foreach (var arg in problem.Args)
                    {
                        writer.Write(arg);
                    }
                }
            }

            return buffer.ToArray();
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return null; // EncoderFallbackException (an ArgumentException) or a segment kind unknown here
        }
    }

    private static void WriteSegments(BinaryWriter writer, List<Segment> segments)
    {
        writer.Write(segments.Count);
        foreach (var segment in segments)
        {
            switch (segment)
            {
                case Literal l:
                    writer.Write((byte)0);
                    writer.Write(l.Xml);
                    break;
                case InlineField f:
                    writer.Write((byte)1);
                    writer.Write(f.Tag);
                    break;
                case ExprField e:
                    writer.Write((byte)2);
                    WriteExpr(writer, e.Expr);
                    break;
                case BlockField b:
                    writer.Write((byte)3);
                    writer.Write(b.Tag);
                    writer.Write(b.ParagraphStart);
                    writer.Write(b.PlainRunProps);
                    writer.Write(b.BoldRunProps);
                    writer.Write(b.ParagraphEnd);
                    break;
                default:
                    throw new NotSupportedException(segment.GetType().Name);
            }
        }
    }

    private static List<Segment> ReadSegments(BinaryReader reader)
    {
        var segments = new List<Segment>();
        for (var n = Count(reader); n > 0; n--)
        {
            segments.Add(reader.ReadByte() switch
            {
                0 => new Literal(reader.ReadString()),
                1 => new InlineField(reader.ReadString()),
                2 => new ExprField(ReadExpr(reader, 0)),
                3 => new BlockField(reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString()),
                var kind => throw new InvalidDataException($"Segment kind {kind}"),
            });
        }

        return segments;
    }

    private static void WriteExpr(BinaryWriter writer, MergeExpr expr)
    {
        switch (expr)
        {
            case SequenceExpr s:
                writer.Write((byte)0);
                writer.Write(s.Parts.Count);
                foreach (var part in s.Parts)
                {
                    switch (part)
                    {
                        case string text:
                            writer.Write((byte)0);
                            writer.Write(text);
                            break;
                        case MergeExpr inner:
                            writer.Write((byte)1);
                            WriteExpr(writer, inner);
                            break;
                        default:
                            throw new NotSupportedException(part?.GetType().Name);
                    }
                }

                break;
            case ValueExpr v:
                writer.Write((byte)1);
                writer.Write(v.Key);
                WriteSwitches(writer, v.Switches);
                writer.Write(v.IsDate);
                break;
            case EmptyExpr:
                writer.Write((byte)2);
                break;
            case IfExpr i:
                writer.Write((byte)3);
                WriteExpr(writer, i.Left);
                writer.Write(i.Op);
                WriteExpr(writer, i.Right);
                WriteExpr(writer, i.Then);
                WriteExpr(writer, i.Else);
                WriteSwitches(writer, i.Switches);
                break;
            default:
                throw new NotSupportedException(expr.GetType().Name);
        }
    }

    private static MergeExpr ReadExpr(BinaryReader reader, int depth)
    {
        if (depth > 256)
        {
            throw new InvalidDataException("Merge fields nested too deep in a cached template");
        }

        switch (reader.ReadByte())
        {
            case 0:
                var parts = new List<object>();
                for (var n = Count(reader); n > 0; n--)
                {
                    parts.Add(reader.ReadByte() switch
                    {
                        0 => reader.ReadString(),
                        1 => ReadExpr(reader, depth + 1),
                        var kind => throw new InvalidDataException($"Sequence part kind {kind}"),
                    });
                }

                return new SequenceExpr(parts);
            case 1:
                return new ValueExpr(reader.ReadString(), ReadSwitches(reader), reader.ReadBoolean());
            case 2:
                return new EmptyExpr();
            case 3:
                var left = ReadExpr(reader, depth + 1);
                var op = reader.ReadString();
                var right = ReadExpr(reader, depth + 1);
                var then = ReadExpr(reader, depth + 1);
                var otherwise = ReadExpr(reader, depth + 1);
                return new IfExpr(left, op, right, then, otherwise, ReadSwitches(reader));
            case var kind:
                throw new InvalidDataException($"Merge field kind {kind}");
        }
    }

    private static void WriteSwitches(BinaryWriter writer, FieldSwitches switches)
    {
        foreach (var value in new[] { switches.Case, switches.DatePicture, switches.Before, switches.After })
        {
            writer.Write(value is not null);
            if (value is not null)
            {
                writer.Write(value);
            }
        }
    }

    private static FieldSwitches ReadSwitches(BinaryReader reader)
    {
        string? Next() => reader.ReadBoolean() ? reader.ReadString() : null;
        var (@case, date, before, after) = (Next(), Next(), Next(), Next());
        return @case is null && date is null && before is null && after is null ? FieldSwitches.None : new FieldSwitches(@case, date, before, after);
    }
}
