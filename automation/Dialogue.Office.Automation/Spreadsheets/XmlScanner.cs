using System.Buffers;
using System.Globalization;
using System.Text;

namespace Dialogue.Office.Automation.Spreadsheets;

/// <summary>
/// A forward-only scanner over the UTF-8 bytes of one worksheet or shared-string part: start tags (local name and
/// attributes), end tags and text, nothing else. Worksheet and shared-string XML is flat, machine-written and
/// DTD-free (a DOCTYPE is rejected), so this is all the reading needs; it is about three times faster than
/// XmlReader on returned sheets, which matters when a merge reads 1 000 files. Prefixed names ("x:c") are read by
/// their local name; the five XML entities and numeric character references are decoded.
/// </summary>
internal ref struct XmlScanner
{
    private readonly ReadOnlySpan<byte> _xml;
    private int _pos;
    private ReadOnlySpan<byte> _attributes;

    public XmlScanner(ReadOnlySpan<byte> xml)
    {
        _xml = xml;
        _pos = xml.StartsWith("\uFEFF"u8) ? 3 : 0;
        Name = default;
        _attributes = default;
        IsEnd = false;
        IsEmpty = false;
        TextStart = 0;
        TextLength = 0;
    }

    /// <summary>Local name of the current tag (empty for text).</summary>
    public ReadOnlySpan<byte> Name { get; private set; }

    public bool IsEnd { get; private set; }

    /// <summary>A self-closing start tag (&lt;c/&gt;).</summary>
    public bool IsEmpty { get; private set; }

    private int TextStart { get; set; }
    private int TextLength { get; set; }

    public enum Token
    {
        None,
        Start,
        End,
        Text,
    }

    /// <summary>Moves to the next start tag, end tag or text run.</summary>
    public Token Next()
    {
        while (_pos < _xml.Length)
        {
            if (_xml[_pos] != (byte)'<')
            {
                var end = _xml[_pos..].IndexOf((byte)'<');
                TextStart = _pos;
                TextLength = end < 0 ? _xml.Length - _pos : end;
                _pos += TextLength;
                Name = default;
                return Token.Text;
            }

            var next = _pos + 1 < _xml.Length ? _xml[_pos + 1] : (byte)0;
            if (next == (byte)'?')
            {
                Skip("?>"u8);
                continue;
            }

            if (next == (byte)'!')
            {
                if (_xml[_pos..].StartsWith("<!--"u8))
                {
                    Skip("-->"u8);
                    continue;
                }

                if (_xml[_pos..].StartsWith("<![CDATA["u8))
                {
                    var close = _xml[(_pos + 9)..].IndexOf("]]>"u8);
                    if (close < 0)
                    {
                        throw new InvalidDataException("Unclosed CDATA");
                    }

                    TextStart = _pos + 9;
                    TextLength = close;
                    _pos += 9 + close + 3;
                    Name = default;
                    return Token.Text; // note: CDATA text is returned as is (no entities inside)
                }

                throw new InvalidDataException("DTD or declaration in a part"); // DTDs are prohibited
            }

            var tagEnd = _xml[_pos..].IndexOf((byte)'>');
            if (tagEnd < 0)
            {
                throw new InvalidDataException("Unclosed tag");
            }

            var tag = _xml.Slice(_pos + 1, tagEnd - 1);
            _pos += tagEnd + 1;
            IsEnd = tag.Length > 0 && tag[0] == (byte)'/';
            if (IsEnd)
            {
                tag = tag[1..];
            }

            IsEmpty = tag.Length > 0 && tag[^1] == (byte)'/';
            if (IsEmpty)
            {
                tag = tag[..^1];
            }

            var nameEnd = tag.IndexOfAny(" \t\r\n"u8);
            var qualified = nameEnd < 0 ? tag : tag[..nameEnd];
            var colon = qualified.IndexOf((byte)':');
            Name = colon < 0 ? qualified : qualified[(colon + 1)..];
            _attributes = nameEnd < 0 ? default : tag[nameEnd..];
            return IsEnd ? Token.End : Token.Start;
        }

        return Token.None;
    }

    public readonly bool Is(ReadOnlySpan<byte> name) => Name.SequenceEqual(name);

    /// <summary>The value of an attribute of the current start tag (by local name), decoded; null when absent.</summary>
    public readonly string? Attribute(ReadOnlySpan<byte> name)
    {
        var raw = RawAttribute(name);
        return raw.IsEmpty && !HasAttribute(name) ? null : Decode(raw);
    }

    /// <summary>An attribute parsed as a non-negative integer, or -1.</summary>
    public readonly int IntAttribute(ReadOnlySpan<byte> name) => Digits(RawAttribute(name));

    /// <summary>A run of ASCII digits as a non-negative integer (at most 100 000 000), or -1.</summary>
    public static int Digits(ReadOnlySpan<byte> raw)
    {
        if (raw.IsEmpty)
        {
            return -1;
        }

        var value = 0;
        foreach (var b in raw)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return -1;
            }

            value = (value * 10) + (b - '0');
            if (value > 100_000_000)
            {
                return -1;
            }
        }

        return value;
    }

    /// <summary>The column of a cell reference attribute ("AB12" → 27), or -1.</summary>
    public readonly int ColumnAttribute(ReadOnlySpan<byte> name)
    {
        var raw = RawAttribute(name);
        var column = 0;
        var any = false;
        foreach (var b in raw)
        {
            if (b is >= (byte)'A' and <= (byte)'Z')
            {
                column = (column * 26) + (b - 'A' + 1);
                any = true;
            }
            else if (b is >= (byte)'a' and <= (byte)'z')
            {
                column = (column * 26) + (b - 'a' + 1);
                any = true;
            }
            else
            {
                break;
            }

            if (column > 20_000)
            {
                return -1;
            }
        }

        return any ? column - 1 : -1;
    }

    private readonly bool HasAttribute(ReadOnlySpan<byte> name) => Find(name, out _);

    private readonly ReadOnlySpan<byte> RawAttribute(ReadOnlySpan<byte> name) => Find(name, out var value) ? value : default;

    private readonly bool Find(ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        var rest = _attributes;
        while (true)
        {
            rest = rest.TrimStart(" \t\r\n"u8);
            var eq = rest.IndexOf((byte)'=');
            if (eq < 0)
            {
                value = default;
                return false;
            }

            var key = rest[..eq].TrimEnd(" \t\r\n"u8);
            var colon = key.IndexOf((byte)':');
            var local = colon < 0 ? key : key[(colon + 1)..];
            var afterEq = rest[(eq + 1)..].TrimStart(" \t\r\n"u8);
            if (afterEq.IsEmpty)
            {
                value = default;
                return false;
            }

            var quote = afterEq[0];
            var close = afterEq[1..].IndexOf(quote);
            if (close < 0)
            {
                value = default;
                return false;
            }

            var candidate = afterEq.Slice(1, close);
            // "xml:space" and namespaced attributes only match when asked for with their prefix-free local name.
            if (local.SequenceEqual(name) && (colon < 0 || !key[..colon].SequenceEqual("xmlns"u8)))
            {
                value = candidate;
                return true;
            }

            rest = afterEq[(close + 2)..];
        }
    }

    /// <summary>The raw bytes of an attribute of the current start tag (entities not decoded); false when absent.</summary>
    public readonly bool TryRawAttribute(ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value) => Find(name, out value);

    /// <summary>The current text run, entities decoded.</summary>
    public readonly string Text() => Decode(_xml.Slice(TextStart, TextLength));

    /// <summary>The current text run as raw bytes (entities not decoded).</summary>
    public readonly ReadOnlySpan<byte> RawText => _xml.Slice(TextStart, TextLength);

    /// <summary>Appends the current text run to <paramref name="builder"/>, entities decoded.</summary>
    public readonly void AppendText(StringBuilder builder)
    {
        var raw = _xml.Slice(TextStart, TextLength);
        if (raw.Length <= 512 && raw.IndexOf((byte)'&') < 0)
        {
            // The common case (a cell value): decoded straight into the builder, no string in between.
            Span<char> chars = stackalloc char[raw.Length];
            builder.Append(chars[..Encoding.UTF8.GetChars(raw, chars)]);
            return;
        }

        builder.Append(Text());
    }

    private void Skip(ReadOnlySpan<byte> terminator)
    {
        var end = _xml[_pos..].IndexOf(terminator);
        _pos = end < 0 ? _xml.Length : _pos + end + terminator.Length;
    }

    internal static string Decode(ReadOnlySpan<byte> raw)
    {
        if (raw.IsEmpty)
        {
            return "";
        }

        if (raw.IndexOf((byte)'&') < 0)
        {
            return Encoding.UTF8.GetString(raw);
        }

        var text = Encoding.UTF8.GetString(raw);
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch != '&')
            {
                builder.Append(ch);
                continue;
            }

            var semi = text.IndexOf(';', i);
            if (semi < 0 || semi - i > 12)
            {
                builder.Append(ch);
                continue;
            }

            var entity = text.AsSpan(i + 1, semi - i - 1);
            switch (entity)
            {
                case "amp": builder.Append('&'); break;
                case "lt": builder.Append('<'); break;
                case "gt": builder.Append('>'); break;
                case "quot": builder.Append('"'); break;
                case "apos": builder.Append('\''); break;
                default:
                    if (entity.Length > 1 && entity[0] == '#'
                        && (entity[1] is 'x' or 'X'
                            ? int.TryParse(entity[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code)
                            : int.TryParse(entity[1..], NumberStyles.None, CultureInfo.InvariantCulture, out code))
                        && code is > 0 and <= 0x10FFFF)
                    {
                        builder.Append(char.ConvertFromUtf32(code is >= 0xD800 and <= 0xDFFF ? 0xFFFD : code));
                    }
                    else
                    {
                        builder.Append('&').Append(entity).Append(';');
                    }

                    break;
            }

            i = semi;
        }

        return builder.ToString();
    }
}

/// <summary>Reads a zip entry fully into a pooled buffer (sizes were checked against the limits beforehand).</summary>
internal sealed class PartBuffer : IDisposable
{
    private byte[] _buffer;

    public PartBuffer(Stream stream, long declaredLength, long limit)
    {
        var capacity = (int)Math.Min(Math.Max(declaredLength, 4096), limit) + 1;
        _buffer = ArrayPool<byte>.Shared.Rent(capacity);
        var total = 0;
        while (true)
        {
            if (total == _buffer.Length)
            {
                if (_buffer.Length >= limit)
                {
                    throw new FileReadException(FileRejection.ZipBomb, "Entry inflates beyond its declared size");
                }

                var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, limit + 1));
                _buffer.AsSpan(0, total).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = bigger;
            }

            var n = stream.Read(_buffer, total, _buffer.Length - total);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        Length = total;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }
}
