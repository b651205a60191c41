using System.Text;
using System.Xml;
using Dialogue.Office.Automation.Spreadsheets;

namespace Dialogue.Office.Automation.Tests.Spreadsheets;

public class Utf8MarkupTests
{
    [Fact]
    public void Text_SpecialCharactersAndVietnamese_ParsesBackAsTheSameText()
    {
        // Longer than the 64 KB buffer, with an emoji (surrogate pair) near every piece boundary.
        var long1 = string.Concat(Enumerable.Repeat("Trường mầm non & <lớp> 😀 ", 6_000));
        var texts = new[] { "=SUM(A1) & <b> \"x\" 'y' >", "dòng 1\r\ndòng 2\rdòng 3\ndòng 4", long1, "" };
        using var stream = new MemoryStream();
        using (var markup = new Utf8Markup(stream))
        {
            markup.Raw("<r>"u8);
            foreach (var text in texts)
            {
                markup.Raw("<t a=\"");
                markup.Int(-42);
                markup.Raw("\">"u8);
                markup.Text(text);
                markup.Raw("</t>"u8);
            }

            markup.Raw("</r>"u8);
        }

        var document = new XmlDocument();
        document.LoadXml(Encoding.UTF8.GetString(stream.ToArray()));
        var read = document.DocumentElement!.ChildNodes.Cast<XmlElement>().ToList();
        Assert.Equal(texts.Select(t => t.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')), read.Select(e => e.InnerText));
        Assert.All(read, e => Assert.Equal("-42", e.GetAttribute("a")));
    }
}
