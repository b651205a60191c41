using System.Text;
using Dialogue.Office.Automation.Spreadsheets;

namespace Dialogue.Office.Automation.Tests.Spreadsheets;

public class XmlScannerTests
{
    [Fact]
    public void Scan_PrefixedTagsAttributesAndEntities_ReadAsXmlReaderWould()
    {
        var xml = Encoding.UTF8.GetBytes("""<?xml version="1.0"?><x:row r="7" xmlns:x="urn:x"><x:c r="AB7" s='3' t="inlineStr"><x:is><x:t xml:space="preserve"> A &amp; B &lt;c&gt; &#7879;&#x1EC7; </x:t></x:is></x:c><x:c r="B7"/></x:row>""");
        var scanner = new XmlScanner(xml);
        var seen = new List<string>();
        string? text = null;
        while (scanner.Next() is var token && token != XmlScanner.Token.None)
        {
            if (token == XmlScanner.Token.Start && scanner.Is("c"u8))
            {
                seen.Add($"c:{scanner.ColumnAttribute("r"u8)}:{scanner.IntAttribute("s"u8)}:{scanner.Attribute("t"u8)}:{scanner.IsEmpty}");
            }
            else if (token == XmlScanner.Token.Start && scanner.Is("row"u8))
            {
                seen.Add($"row:{scanner.IntAttribute("r"u8)}");
            }
            else if (token == XmlScanner.Token.Text)
            {
                text = scanner.Text();
            }
        }

        Assert.Equal(["row:7", "c:27:3:inlineStr:False", "c:1:-1::True"], seen);
        Assert.Equal(" A & B <c> ệệ ", text);
    }

    [Fact]
    public void Scan_DocumentTypeDeclaration_IsRejected()
    {
        var xml = Encoding.UTF8.GetBytes("""<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaa">]><worksheet/>""");

        Assert.Throws<InvalidDataException>(() =>
        {
            var scanner = new XmlScanner(xml);
            while (scanner.Next() != XmlScanner.Token.None)
            {
            }
        });
    }
}
