using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;

namespace Dialogue.Office.Automation.Audiences;

/// <summary>What the scan found: the file (relative to the scanned folder), the part inside it, what kind of datum, and the datum.</summary>
internal sealed record PersonalDataFinding(string File, string Part, string Kind, string Value);

/// <summary>
/// Looks through every file of a folder — every part of every .docx/.xlsx/.pptx package (document properties, hidden
/// sheets, shared strings, relationships, comments included), and plain text files — for what must not reach a wider
/// audience: e-mail addresses, phone numbers, the codes of the plan's delegates, and per-delegate links or tokens.
/// The plan's own public contacts (conference.contact, the venues' technical contacts) are the organisers' published
/// addresses and are allowed. The packet runs it on the delegates' and the leaders' folders before publishing.
/// </summary>
internal static partial class PersonalDataScan
{
    /// <summary>Kinds of finding.</summary>
    public const string Email = "email", Phone = "phone", DelegateCode = "delegate-code", Token = "token";

    // Larger parts are not XML text a person wrote (images, fonts); a part this big is still read, capped.
    private const int MaxPartChars = 64 << 20;

    /// <summary>Scans every file under <paramref name="folder"/> (none when it does not exist).</summary>
    public static IReadOnlyList<PersonalDataFinding> Scan(string folder, ConferencePlan plan)
    {
        var findings = new List<PersonalDataFinding>();
        if (!Directory.Exists(folder))
        {
            return findings;
        }

        var rules = new Rules(plan);
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');
            foreach (var (part, text) in Texts(path))
            {
                findings.AddRange(rules.Find(text).Select(f => new PersonalDataFinding(relative, part, f.Kind, f.Value)));
            }
        }

        return findings;
    }

    /// <summary>
    /// Scans an audience's folder of a build and returns each finding as a problem (PACKET_PERSONAL_DATA) of
    /// <paramref name="severity"/>, located at the file and part.
    /// </summary>
    public static IReadOnlyList<Problem> Check(string outputFolder, ConferencePlan plan, Audience audience, ProblemSeverity severity)
    {
        var folder = OutputKinds.Folder(audience);
        return Scan(Path.Combine(outputFolder, folder), plan)
            .Select(f => new Problem("PACKET_PERSONAL_DATA", severity, Locations.Join($"{folder}/{f.File}", f.Part),
                $"{f.Kind} in {folder}/{f.File} › {f.Part}", [$"{folder}/{f.File}", KindText(f.Kind), Mask(f.Value)]))
            .ToList();
    }

    private static string KindText(string kind) => kind switch
    {
        Email => "địa chỉ thư điện tử",
        Phone => "số điện thoại",
        DelegateCode => "mã đại biểu",
        _ => "đường dẫn hoặc mã bí mật riêng của đại biểu",
    };

    /// <summary>Shows enough to find the datum, not the datum itself (the problem list may be shared).</summary>
    private static string Mask(string value) => value.Length <= 4 ? value : value[..3] + new string('•', Math.Min(8, value.Length - 3));

    /// <summary>The texts of a file: one per package part (XML text and attribute values), or the file's text.</summary>
    private static IEnumerable<(string Part, string Text)> Texts(string path)
    {
        ZipArchive? zip = null;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException)
        {
            // Not a package: read as text (a .csv, a .txt, a .json).
        }

        if (zip is null)
        {
            yield return ("", ReadCapped(File.OpenRead(path)));
            yield break;
        }

        using (zip)
        {
            foreach (var entry in zip.Entries.Where(e => e.Length > 0).OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                string raw;
                using (var stream = entry.Open())
                {
                    raw = ReadCapped(stream);
                }

                yield return (entry.FullName, IsXml(entry.FullName) ? XmlText(raw) : raw);
            }
        }
    }

    private static bool IsXml(string name) => name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".vml", StringComparison.OrdinalIgnoreCase);

    private static string ReadCapped(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var buffer = new char[MaxPartChars];
        var n = reader.ReadBlock(buffer, 0, buffer.Length);
        return new string(buffer, 0, n);
    }

    /// <summary>
    /// The words of an XML part as a reader sees them: text runs of one paragraph joined (Word splits a number across
    /// runs), paragraphs, cells and attribute values on lines of their own. Unreadable XML is scanned raw.
    /// </summary>
    private static string XmlText(string xml)
    {
        var text = new StringBuilder();
        var attributes = new StringBuilder();
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        if (reader.LocalName is "p" or "c" or "si" or "row" or "tc" or "br" or "tab")
                        {
                            text.Append('\n');
                        }

                        for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
                        {
                            attributes.Append(reader.Value).Append('\n');
                        }

                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                        text.Append(reader.Value);
                        break;
                    case XmlNodeType.EndElement when reader.LocalName is "p" or "c" or "si":
                        text.Append('\n');
                        break;
                }
            }
        }
        catch (XmlException)
        {
            return xml;
        }

        return text.Append('\n').Append(attributes).ToString();
    }

    private sealed class Rules
    {
        private readonly HashSet<string> _allowedEmails = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _allowedPhones = new(StringComparer.Ordinal);
        private readonly Regex? _codes;

        public Rules(ConferencePlan plan)
        {
            var contacts = plan.Venues.Select(v => v.TechnicalContact).Append(plan.Conference.Contact).OfType<Contact>();
            foreach (var contact in contacts)
            {
                if (contact.Email.Length > 0)
                {
                    _allowedEmails.Add(contact.Email.Trim());
                }

                if (Digits(contact.Phone) is { Length: > 0 } digits)
                {
                    _allowedPhones.Add(digits);
                }
            }

            var codes = plan.Delegates.Select(d => d.Code).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (codes.Count > 0)
            {
                _codes = new Regex($@"(?<![A-Za-z0-9-])(?:{string.Join('|', codes.OrderByDescending(c => c.Length).Select(Regex.Escape))})(?![A-Za-z0-9])",
                    RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(10));
            }
        }

        public IEnumerable<(string Kind, string Value)> Find(string text)
        {
            foreach (Match m in EmailPattern().Matches(text))
            {
                if (!_allowedEmails.Contains(m.Value.TrimEnd('.')))
                {
                    yield return (Email, m.Value);
                }
            }

            foreach (Match m in PhonePattern().Matches(text))
            {
                if (!_allowedPhones.Contains(Digits(m.Value)))
                {
                    yield return (Phone, m.Value);
                }
            }

            foreach (Match m in TokenPattern().Matches(text))
            {
                yield return (Token, m.Value);
            }

            if (_codes is not null)
            {
                foreach (Match m in _codes.Matches(text))
                {
                    yield return (DelegateCode, m.Value);
                }
            }
        }

        /// <summary>The digits of a phone number in national form ("+84 216…" and "0216…" are the same number).</summary>
        private static string Digits(string phone)
        {
            var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
            return digits.StartsWith("84", StringComparison.Ordinal) && phone.TrimStart().StartsWith('+') ? "0" + digits[2..] : digits;
        }
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    /// <summary>
    /// A Vietnamese phone number: 0 or +84, then 8–10 more digits, grouped by spaces, dots or dashes (not line breaks),
    /// never inside a word: the SDK's random relationship ids ("R0c91234567890ab") hold digit runs that are not numbers.
    /// </summary>
    [GeneratedRegex(@"(?<![\w/.,])(?:\+84|0)(?:[ .\-]?\d){8,10}(?![\w/,]|\.\d)", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    /// <summary>A link that carries a delegate's code or token: "?db=…", "&amp;db=…", "?k=…", or the delegate page "/d/{code}".</summary>
    [GeneratedRegex(@"[?&](?:db|k)=[^\s&""'<>]+|/d/[A-Za-z0-9][A-Za-z0-9_-]*", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
