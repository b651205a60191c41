using System.IO.Compression;
using System.Security;
using System.Text;

namespace Dialogue.Office.Automation.Tests.Inputs;

/// <summary>
/// Hostile and odd input files made in code: minimal workbooks with any cell markup (formulas, error values, control
/// characters), zip bombs, packages with too many parts or a DTD, OLE files. Also the seeds of the fuzz run.
/// </summary>
internal static class HostileFiles
{
    public const string DelegateHeader = """<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c><c r="B1" t="inlineStr"><is><t>Mã đại biểu</t></is></c><c r="C1" t="inlineStr"><is><t>Họ và tên</t></is></c><c r="D1" t="inlineStr"><is><t>Chức vụ</t></is></c><c r="E1" t="inlineStr"><is><t>Cơ quan, đơn vị</t></is></c><c r="F1" t="inlineStr"><is><t>Điểm cầu</t></is></c></row>""";

    /// <summary>An inline-string cell.</summary>
    public static string Text(string reference, string text) =>
        $"""<c r="{reference}" t="inlineStr"><is><t xml:space="preserve">{SecurityElement.Escape(text)}</t></is></c>""";

    /// <summary>A formula cell; <paramref name="cached"/> null = saved without a value; <paramref name="type"/> "str" for text results.</summary>
    public static string Formula(string reference, string formula, string? cached, string? type = null) =>
        $"""<c r="{reference}"{(type is null ? "" : $" t=\"{type}\"")}><f>{SecurityElement.Escape(formula)}</f>{(cached is null ? "" : $"<v>{SecurityElement.Escape(cached)}</v>")}</c>""";

    public static string Error(string reference, string value) => $"""<c r="{reference}" t="e"><v>{value}</v></c>""";

    /// <summary>A delegate row (row number, code, name, position, organisation, venue) with plain text cells.</summary>
    public static string DelegateRow(int row, string code, string name, string position, string org, string venue) =>
        $"<row r=\"{row}\">{Text($"A{row}", (row - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))}{Text($"B{row}", code)}{Text($"C{row}", name)}"
        + $"{Text($"D{row}", position)}{Text($"E{row}", org)}{Text($"F{row}", venue)}</row>";

    /// <summary>A minimal .xlsx whose first sheet ("Đại biểu") holds <paramref name="rows"/> (row markup).</summary>
    public static byte[] Workbook(params string[] rows) => Workbook("Đại biểu", string.Concat(rows));

    public static byte[] Workbook(string sheetName, string sheetData, string? sheetPartOverride = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, true))
        {
            Add(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Add(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add(zip, "xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{SecurityElement.Escape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            Add(zip, "xl/worksheets/sheet1.xml", sheetPartOverride
                ?? $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheetData}</sheetData></worksheet>""");
        }

        return buffer.ToArray();
    }

    /// <summary>A delegate workbook: the header then the given rows.</summary>
    public static byte[] DelegateWorkbook(params string[] rows) => Workbook([DelegateHeader, .. rows]);

    /// <summary>
    /// <paramref name="source"/> with its <paramref name="part"/> replaced by <paramref name="megabytes"/> MB of
    /// repeated markup that deflates about 1000 to 1: a zip bomb of the issue's kind, small enough for a test.
    /// </summary>
    public static byte[] Bomb(byte[] source, string part, int megabytes)
    {
        using var input = new ZipArchive(new MemoryStream(source), ZipArchiveMode.Read);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, true))
        {
            foreach (var entry in input.Entries)
            {
                var target = zip.CreateEntry(entry.FullName, CompressionLevel.SmallestSize);
                using var to = target.Open();
                if (entry.FullName == part)
                {
                    var chunk = Encoding.UTF8.GetBytes(new string('A', 1 << 20));
                    for (var i = 0; i < megabytes; i++)
                    {
                        to.Write(chunk);
                    }
                }
                else
                {
                    using var from = entry.Open();
                    from.CopyTo(to);
                }
            }
        }

        return buffer.ToArray();
    }

    /// <summary><paramref name="source"/> with <paramref name="extra"/> more empty parts.</summary>
    public static byte[] WithExtraParts(byte[] source, int extra, string xmlFirstLine = "")
    {
        using var buffer = new MemoryStream();
        buffer.Write(source);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, true))
        {
            for (var i = 0; i < extra; i++)
            {
                Add(zip, $"customXml/item{i}.xml", xmlFirstLine + "<a/>");
            }
        }

        return buffer.ToArray();
    }

    /// <summary>An OLE compound file header; with the EncryptedPackage stream name it is a password-protected .docx/.xlsx.</summary>
    public static byte[] Ole(bool encrypted)
    {
        var bytes = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        if (encrypted)
        {
            Encoding.Unicode.GetBytes("EncryptedPackage").CopyTo(bytes, 1024);
        }

        return bytes;
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var s = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        s.Write(Encoding.UTF8.GetBytes(text));
    }
}
