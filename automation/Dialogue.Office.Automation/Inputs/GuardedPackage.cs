using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;

namespace Dialogue.Office.Automation.Inputs;

/// <summary>The two kinds of Open XML package the core reads.</summary>
public enum PackageKind
{
    /// <summary>.xlsx / .xlsm: the main part lives under xl/.</summary>
    Workbook,

    /// <summary>.docx / .docm / .dotx: the main part lives under word/.</summary>
    WordDocument,
}

/// <summary>
/// The one guarded opener for every Open XML package the core reads (delegate lists, templates, documents to check
/// or fix, answered and consolidated workbooks, uploads in the add-in host). Before the Open XML SDK or ClosedXML sees
/// a byte it: reads the file whole within <see cref="PackageLimits.MaxFileBytes"/> (regular files only, see
/// <see cref="InputFile"/>); refuses OLE files (encrypted packages, .xls/.doc) and non-zip files; checks the zip
/// directory (entry count, declared sizes per part and in total, compression ratio); then inflates every part once,
/// counting the bytes that really come out (a header that lies is a bomb), refusing DTDs and entity declarations,
/// and counting worksheet rows and document paragraphs. The checked bytes stay in memory, so the file cannot change
/// between the check and the read. Every refusal is an <see cref="InputFileException"/> with a stable code.
/// </summary>
/// <example><code>
/// using var package = GuardedPackage.Open(path, PackageKind.WordDocument, InputLimits.WordDocument);
/// using var document = package.OpenWord();
/// </code></example>
public sealed partial class GuardedPackage
{
    private readonly byte[] _bytes;

    private GuardedPackage(byte[] bytes, string name, PackageKind kind, PackageLimits limits)
    {
        _bytes = bytes;
        Name = name;
        Kind = kind;
        Limits = limits;
    }

    /// <summary>The file as the user knows it (for messages).</summary>
    public string Name { get; }

    public PackageKind Kind { get; }

    public PackageLimits Limits { get; }

    /// <summary>Size on disk (compressed).</summary>
    public long Length => _bytes.Length;

    public int Parts { get; private set; }

    /// <summary>Bytes of every part once inflated (counted, not declared).</summary>
    public long InflatedBytes { get; private set; }

    /// <summary>Rows of the longest worksheet (workbooks).</summary>
    public int Rows { get; private set; }

    /// <summary>Paragraphs of the main document part (Word).</summary>
    public int Paragraphs { get; private set; }

    /// <summary>The zip name of the main part (xl/workbook.xml, word/document.xml).</summary>
    public string MainPart { get; private set; } = "";

    /// <summary>Opens and checks the file at <paramref name="path"/>.</summary>
    /// <exception cref="InputFileException">The file is refused; <see cref="InputFileException.ToProblem"/> says why.</exception>
    public static GuardedPackage Open(string path, PackageKind kind, PackageLimits limits, string? displayName = null)
    {
        var name = displayName ?? Path.GetFileName(path);
        return FromBytes(InputFile.ReadAllBytes(path, limits.MaxFileBytes, name), name, kind, limits);
    }

    /// <summary>Checks a package already in memory (an upload). The array is kept, not copied: do not change it.</summary>
    /// <exception cref="InputFileException">The package is refused.</exception>
    public static GuardedPackage FromBytes(byte[] bytes, string name, PackageKind kind, PackageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var package = new GuardedPackage(bytes, name, kind, limits);
        package.Check();
        return package;
    }

    /// <summary>True when <paramref name="bytes"/> start like an OLE compound file (encrypted OOXML, .xls, .doc).</summary>
    public static bool IsOle(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 8 && bytes[..8].SequenceEqual(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 });

    /// <summary>A fresh read-only stream over the checked bytes.</summary>
    public Stream OpenRead() => new MemoryStream(_bytes, 0, _bytes.Length, writable: false, publiclyVisible: true);

    /// <summary>The checked bytes themselves, read-only (for hashing).</summary>
    internal ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>A copy of the checked bytes (for a caller that edits the package in memory).</summary>
    public byte[] ToArray() => (byte[])_bytes.Clone();

    /// <summary>Open XML SDK settings that repeat the part limit as a second guard.</summary>
    public OpenSettings SdkSettings => new() { MaxCharactersInPart = Limits.MaxXmlPartBytes };

    /// <summary>
    /// What the Open XML SDK (and System.IO.Packaging under it) throws on a package that passed the zip-level checks
    /// but is malformed inside: bad content types, URIs, relationships, XML. Callers catch these as "corrupt".
    /// </summary>
    public static bool IsPackageFault(Exception ex) => ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException
        or IOException or ArgumentException or InvalidOperationException or FormatException or NotSupportedException
        or KeyNotFoundException or UriFormatException;

    /// <summary>The checked package as a read-only Word document.</summary>
    public WordprocessingDocument OpenWord() => WordprocessingDocument.Open(OpenRead(), false, SdkSettings);

    /// <summary>The checked package as a read-only workbook.</summary>
    public SpreadsheetDocument OpenSpreadsheet() => SpreadsheetDocument.Open(OpenRead(), false, SdkSettings);

    private void Check()
    {
        var limits = Limits;
        if (_bytes.Length > limits.MaxFileBytes)
        {
            throw Refuse(InputRejection.TooLarge, $"{_bytes.Length} bytes", _bytes.Length, limits.MaxFileBytes);
        }

        if (IsOle(_bytes))
        {
            // An encrypted (password-protected) OOXML file is an OLE container with an "EncryptedPackage" stream.
            var head = _bytes.AsSpan(0, Math.Min(_bytes.Length, 1 << 20));
            throw head.IndexOf(Encoding.Unicode.GetBytes("EncryptedPackage")) >= 0
                ? Refuse(InputRejection.Encrypted, "OLE file with an EncryptedPackage stream")
                : Refuse(InputRejection.LegacyFormat, "OLE compound file (Office 97-2003)");
        }

        if (_bytes.Length < 4 || _bytes[0] != (byte)'P' || _bytes[1] != (byte)'K')
        {
            throw Refuse(InputRejection.NotPackage, "not a zip package");
        }

        try
        {
            using var zip = new ZipArchive(OpenRead(), ZipArchiveMode.Read, leaveOpen: false);
            CheckDirectory(zip);
            MainPart = FindMainPart(zip);
            Inflate(zip);
        }
        catch (InvalidDataException ex)
        {
            throw Refuse(InputRejection.Corrupt, ex.Message);
        }
        catch (IOException ex)
        {
            throw Refuse(InputRejection.Corrupt, ex.Message);
        }
    }

    private void CheckDirectory(ZipArchive zip)
    {
        var limits = Limits;
        Parts = zip.Entries.Count;
        if (Parts > limits.MaxParts)
        {
            throw Refuse(InputRejection.TooManyParts, $"{Parts} entries", Parts, limits.MaxParts);
        }

        long total = 0;
        foreach (var entry in zip.Entries)
        {
            var cap = IsXml(entry.FullName) ? limits.MaxXmlPartBytes : limits.MaxBinaryPartBytes;
            CheckSize(entry.FullName, entry.Length, entry.CompressedLength, cap);
            total += entry.Length;
            if (total > limits.MaxTotalBytes)
            {
                throw Refuse(InputRejection.TooLarge, $"{total} bytes declared in total", total, limits.MaxTotalBytes);
            }
        }
    }

    private void CheckSize(string part, long length, long compressed, long cap)
    {
        var ratio = compressed > 0 ? length / compressed : length;
        if (length > InputLimits.RatioFloorBytes && ratio > Limits.MaxRatio)
        {
            throw Refuse(InputRejection.ZipBomb, $"{part}: {length} bytes from {compressed}", length, cap);
        }

        if (length > cap)
        {
            throw Refuse(InputRejection.TooLarge, $"{part}: {length} bytes", length, cap);
        }
    }

    private string FindMainPart(ZipArchive zip)
    {
        var rels = zip.GetEntry("_rels/.rels") ?? throw Refuse(InputRejection.Corrupt, "no _rels/.rels");
        var xml = ReadSmall(rels, 256 * 1024);
        if (xml.Contains("<!DOCTYPE", StringComparison.Ordinal) || xml.Contains("<!ENTITY", StringComparison.Ordinal))
        {
            throw Refuse(InputRejection.Dtd, "_rels/.rels");
        }

        string? target = null;
        foreach (Match match in RelationshipPattern().Matches(xml))
        {
            var attributes = match.Value;
            var type = AttributeValue(attributes, "Type");
            if (type is not null && type.EndsWith("/officeDocument", StringComparison.Ordinal))
            {
                target = AttributeValue(attributes, "Target");
                break;
            }
        }

        if (target is null)
        {
            throw Refuse(InputRejection.Corrupt, "no officeDocument relationship");
        }

        target = target.TrimStart('/');
        var actual = target.StartsWith("xl/", StringComparison.OrdinalIgnoreCase) ? PackageKind.Workbook
            : target.StartsWith("word/", StringComparison.OrdinalIgnoreCase) ? PackageKind.WordDocument
            : (PackageKind?)null;
        if (actual != Kind)
        {
            throw Refuse(InputRejection.WrongKind, $"main part {target}");
        }

        if (zip.GetEntry(target) is null)
        {
            throw Refuse(InputRejection.Corrupt, $"main part {target} missing");
        }

        return target;
    }

    private void Inflate(ZipArchive zip)
    {
        var buffer = new byte[64 * 1024];
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            var xml = IsXml(entry.FullName);
            var cap = xml ? Limits.MaxXmlPartBytes : Limits.MaxBinaryPartBytes;
            MarkupCounter? counter = null;
            if (xml)
            {
                var counted = Kind == PackageKind.Workbook && entry.FullName.Contains("worksheets/", StringComparison.OrdinalIgnoreCase) ? "row"u8.ToArray()
                    : Kind == PackageKind.WordDocument && entry.FullName == MainPart ? "p"u8.ToArray()
                    : null;
                counter = new MarkupCounter(counted);
            }

            long length = 0;
            using (var stream = entry.Open())
            {
                int n;
                while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    length += n;
                    total += n;
                    if (length > entry.Length)
                    {
                        throw Refuse(InputRejection.ZipBomb, $"{entry.FullName} inflates beyond its declared {entry.Length} bytes", length, cap);
                    }

                    if (length > cap || total > Limits.MaxTotalBytes)
                    {
                        throw Refuse(InputRejection.TooLarge, $"{entry.FullName}: more than {cap} bytes", length, cap);
                    }

                    counter?.Feed(buffer.AsSpan(0, n));
                }
            }

            if (counter is null)
            {
                continue;
            }

            if (counter.SawDeclaration)
            {
                throw Refuse(InputRejection.Dtd, entry.FullName);
            }

            if (Kind == PackageKind.Workbook)
            {
                Rows = Math.Max(Rows, counter.Count);
                if (Rows > Limits.MaxRows)
                {
                    throw Refuse(InputRejection.TooManyRows, $"{entry.FullName}: {counter.Count} rows", counter.Count, Limits.MaxRows);
                }
            }
            else if (entry.FullName == MainPart)
            {
                Paragraphs = counter.Count;
                if (Paragraphs > Limits.MaxParagraphs)
                {
                    throw Refuse(InputRejection.TooManyParagraphs, $"{counter.Count} paragraphs", counter.Count, Limits.MaxParagraphs);
                }
            }
        }

        InflatedBytes = total;
    }

    private string ReadSmall(ZipArchiveEntry entry, int cap)
    {
        if (entry.Length > cap)
        {
            throw Refuse(InputRejection.TooLarge, $"{entry.FullName}: {entry.Length} bytes", entry.Length, cap);
        }

        using var stream = entry.Open();
        var bytes = new byte[cap + 1];
        var n = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        if (n > entry.Length || n > cap)
        {
            throw Refuse(InputRejection.ZipBomb, $"{entry.FullName} inflates beyond its declared size", n, cap);
        }

        return Encoding.UTF8.GetString(bytes, 0, n);
    }

    private static string? AttributeValue(string element, string name)
    {
        var match = Regex.Match(element, $"\\s{name}\\s*=\\s*(\"(?<v>[^\"]*)\"|'(?<v>[^']*)')", RegexOptions.CultureInvariant);
        return match.Success ? match.Groups["v"].Value : null;
    }

    /// <summary>Parts the SDK parses as XML; everything else (pictures, fonts, embeddings) is only copied.</summary>
    private static bool IsXml(string name)
    {
        var extension = Path.GetExtension(name);
        return extension.Length == 0 || extension.Equals(".xml", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".rels", StringComparison.OrdinalIgnoreCase) || extension.Equals(".vml", StringComparison.OrdinalIgnoreCase);
    }

    private InputFileException Refuse(InputRejection reason, string detail, long measure = 0, long limit = 0) =>
        new(reason, Name, detail, measure, limit);

    [GeneratedRegex("<(?:\\w+:)?Relationship\\s[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex RelationshipPattern();

    /// <summary>
    /// Counts start tags with one local name (any prefix) in a stream of XML bytes fed in chunks, and notices
    /// &lt;!DOCTYPE and &lt;!ENTITY. Comments and CDATA are not skipped: a tag-like text there only over-counts.
    /// </summary>
    private sealed class MarkupCounter(byte[]? localName)
    {
        private readonly byte[] _name = new byte[64];
        private int _length;
        private int _state; // 0 text, 1 after '<', 2 in a name, 3 after "<!"

        public int Count { get; private set; }

        public bool SawDeclaration { get; private set; }

        public void Feed(ReadOnlySpan<byte> chunk)
        {
            foreach (var b in chunk)
            {
                switch (_state)
                {
                    case 0:
                        if (b == (byte)'<')
                        {
                            _state = 1;
                        }

                        break;
                    case 1:
                        if (b == (byte)'!')
                        {
                            _state = 3;
                            _length = 0;
                        }
                        else if (b is (byte)'/' or (byte)'?' or (byte)'<')
                        {
                            _state = b == (byte)'<' ? 1 : 0;
                        }
                        else
                        {
                            _state = 2;
                            _length = 0;
                            Append(b);
                        }

                        break;
                    case 2:
                        if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'>' or (byte)'/')
                        {
                            EndName();
                            _state = 0;
                        }
                        else
                        {
                            Append(b);
                        }

                        break;
                    default:
                        Append(b);
                        if (_length == 7 || b is (byte)'>' or (byte)'<' or (byte)'-' or (byte)'[')
                        {
                            var text = _name.AsSpan(0, _length);
                            SawDeclaration |= text.StartsWith("DOCTYPE"u8) || text.StartsWith("ENTITY"u8);
                            _state = b == (byte)'<' ? 1 : 0;
                        }
                        else if (_length == 6 && _name.AsSpan(0, 6).SequenceEqual("ENTITY"u8))
                        {
                            SawDeclaration = true;
                            _state = 0;
                        }

                        break;
                }
            }
        }

        private void Append(byte b)
        {
            if (_length < _name.Length)
            {
                _name[_length++] = b;
            }
        }

        private void EndName()
        {
            if (localName is null)
            {
                return;
            }

            var name = _name.AsSpan(0, _length);
            var colon = name.LastIndexOf((byte)':');
            if (name[(colon + 1)..].SequenceEqual(localName))
            {
                Count++;
            }
        }
    }
}
