using System.IO.Compression;
using System.Text;

namespace Dialogue.Office.Fuzzing;

/// <summary>
/// A managed mutator with a fixed seed: byte-level mutations of the whole file, and — for zip packages — mutations of
/// one part's inflated XML re-zipped (so the readers get past the zip layer), with tokens that matter to the formats:
/// YAML indicators and aliases, XML tags of sheets and documents, DTDs, formulas, error values, control and bidi
/// characters, huge numbers.
/// </summary>
public sealed class Mutator(int seed)
{
    private static readonly string[] Tokens =
    [
        "\t", ": ", "- ", "&a ", "*a", "<<: *a", "!!binary ", "{", "}", "[", "]", "'", "\"", "#", "\n", "\r\n", "? ", "|", ">", "%YAML 1.1\n", "---\n", "...\n",
        "<row r=\"1048576\">", "<row>", "</row>", "<c r=\"XFD1\" t=\"s\"><v>99999999</v></c>", "<c t=\"e\"><v>#REF!</v></c>", "<f>HYPERLINK(\"x\",\"y\")</f>",
        "<c t=\"inlineStr\"><is><t>‮abc</t></is></c>", "<w:p>", "</w:p>", "<w:sdt><w:sdtPr><w:tag w:val=\"HoTen\"/></w:sdtPr><w:sdtContent><w:r><w:t>x</w:t></w:r></w:sdtContent></w:sdt>",
        "<w:fldSimple w:instr=\" MERGEFIELD HoTen \"/>", "<!DOCTYPE a [<!ENTITY e \"ee\">]>", "&e;", "<![CDATA[", "]]>", "\u202e", "\u0000", "\u0007", "\uFEFF",
        "-1", "2147483648", "99999999999999999999", "1e308", "NaN", "=1+1", "#N/A", "Tổng cộng: 11 đại biểu", new string('A', 5000),
    ];

    private readonly Random _random = new(seed);

    public byte[] Mutate(byte[] input)
    {
        if (FuzzTargets.IsZip(input) && _random.Next(3) != 0)
        {
            try
            {
                return MutatePart(input);
            }
            catch (InvalidDataException)
            {
                // The seed itself was mutated into a broken zip: fall through to bytes.
            }
        }

        return MutateBytes(input, 1 + _random.Next(8));
    }

    private byte[] MutatePart(byte[] input)
    {
        using var source = FuzzTargets.OpenZip(input);
        var entries = source.Entries.ToList();
        var xml = entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal) || e.FullName.EndsWith(".rels", StringComparison.Ordinal)).ToList();
        var victim = (xml.Count > 0 ? xml : entries)[_random.Next((xml.Count > 0 ? xml : entries).Count)];
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, true))
        {
            foreach (var entry in entries)
            {
                if (entry.FullName == victim.FullName && _random.Next(10) == 0)
                {
                    continue; // drop the part
                }

                using var from = entry.Open();
                using var copy = new MemoryStream();
                from.CopyTo(copy);
                var bytes = copy.ToArray();
                if (entry.FullName == victim.FullName)
                {
                    bytes = _random.Next(2) == 0 ? MutateText(bytes) : MutateBytes(bytes, 1 + _random.Next(4));
                }

                using var to = zip.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
                to.Write(bytes);
            }
        }

        return buffer.ToArray();
    }

    private byte[] MutateText(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        for (var n = 1 + _random.Next(4); n > 0; n--)
        {
            var at = text.Length == 0 ? 0 : _random.Next(text.Length);
            switch (_random.Next(4))
            {
                case 0:
                    text = text.Insert(at, Tokens[_random.Next(Tokens.Length)]);
                    break;
                case 1 when text.Length > 0:
                    var length = Math.Min(text.Length - at, 1 + _random.Next(200));
                    text = text.Remove(at, length);
                    break;
                case 2 when text.Length > 0:
                    var span = Math.Min(text.Length - at, 1 + _random.Next(400));
                    var piece = text.Substring(at, span);
                    text = text.Insert(at, string.Concat(Enumerable.Repeat(piece, 1 + _random.Next(20))));
                    break;
                default:
                    var digits = text.IndexOfAny("0123456789".ToCharArray(), at);
                    if (digits >= 0)
                    {
                        text = text.Remove(digits, 1).Insert(digits, Tokens[_random.Next(Tokens.Length)]);
                    }

                    break;
            }
        }

        return Encoding.UTF8.GetBytes(text);
    }

    private byte[] MutateBytes(byte[] input, int count)
    {
        var bytes = new List<byte>(input);
        for (var i = 0; i < count; i++)
        {
            var at = bytes.Count == 0 ? 0 : _random.Next(bytes.Count);
            switch (_random.Next(5))
            {
                case 0 when bytes.Count > 0:
                    bytes[at] ^= (byte)(1 << _random.Next(8));
                    break;
                case 1 when bytes.Count > 0:
                    bytes[at] = (byte)_random.Next(256);
                    break;
                case 2 when bytes.Count > 0:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + _random.Next(64)));
                    break;
                case 3:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[_random.Next(Tokens.Length)]));
                    break;
                default:
                    if (bytes.Count > 0)
                    {
                        bytes.RemoveRange(at, bytes.Count - at); // truncated
                    }

                    break;
            }
        }

        return [.. bytes];
    }
}
