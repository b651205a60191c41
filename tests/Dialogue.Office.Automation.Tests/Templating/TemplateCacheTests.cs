using System.Security.Cryptography;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Inputs;
using Dialogue.Office.Automation.Invitations;
using Dialogue.Office.Automation.QrCodes;
using Dialogue.Office.Automation.Templating;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Templating;

/// <summary>
/// The compiled-template cache (issue 17): a template from the cache writes the same bytes and repeats the same warnings
/// as one compiled with the Open XML SDK; a damaged, truncated or foreign entry is ignored and written again.
/// </summary>
public sealed class TemplateCacheTests : IDisposable
{
    private readonly TempDir _dir = new("dialogue-cache-test-");

    public void Dispose() => _dir.Dispose();

    /// <summary>The office's mail-merge letter (IF, switches, a header with a per-delegate field, a text box) and the built-in Giấy mời.</summary>
    public static TheoryData<string> Templates => new() { "office", "built-in" };

    [Theory]
    [MemberData(nameof(Templates))]
    public void Compile_Twice_SecondFromTheCacheWritesTheSameBytesAndWarnings(string which)
    {
        var (bytes, name, columns) = Template(which);
        var cache = new TemplateCache(_dir.Path);

        var (fresh, freshProblems) = Compile(bytes, name, columns, null);
        var (stored, storedProblems) = Compile(bytes, name, columns, cache);
        var (cached, cachedProblems) = Compile(bytes, name, columns, cache);

        Assert.Equal(1, cache.Hits);
        Assert.Single(Directory.GetFiles(_dir.Path, "*.dlgtpl"));
        Assert.Equal(freshProblems, storedProblems);
        Assert.Equal(freshProblems, cachedProblems);
        Assert.Equal(fresh.Tags.Order(), cached.Tags.Order());
        Assert.Equal(fresh.PerDelegateParts, cached.PerDelegateParts);
        Assert.Equal(Letter(fresh), Letter(stored));
        Assert.Equal(Letter(fresh), Letter(cached));
    }

    [Theory]
    [InlineData("flipped byte")]
    [InlineData("truncated")]
    [InlineData("empty")]
    [InlineData("foreign")]
    public void Compile_DamagedOrForeignEntry_IsIgnoredAndWrittenAgain(string damage)
    {
        var (bytes, name, columns) = Template("office");
        var cache = new TemplateCache(_dir.Path);
        var (fresh, freshProblems) = Compile(bytes, name, columns, cache);
        var entry = Directory.GetFiles(_dir.Path, "*.dlgtpl").Single();
        var good = File.ReadAllBytes(entry);
        switch (damage)
        {
            case "flipped byte":
                var flipped = (byte[])good.Clone();
                flipped[flipped.Length / 2] ^= 0x20;
                File.WriteAllBytes(entry, flipped);
                break;
            case "truncated":
                File.WriteAllBytes(entry, good[..(good.Length / 3)]);
                break;
            case "empty":
                File.WriteAllBytes(entry, []);
                break;
            default:
                // A whole, intact entry of another template (the built-in Giấy mời) under this template's name.
                var (other, otherName, otherColumns) = Template("built-in");
                Compile(other, otherName, otherColumns, cache);
                var otherEntry = Directory.GetFiles(_dir.Path, "*.dlgtpl").Single(f => f != entry);
                File.Copy(otherEntry, entry, overwrite: true);
                break;
        }

        var (again, againProblems) = Compile(bytes, name, columns, cache);

        Assert.Equal(0, cache.Hits);
        Assert.Equal(freshProblems, againProblems);
        Assert.Equal(Letter(fresh), Letter(again));
        Assert.Equal(good, File.ReadAllBytes(entry)); // written again, whole
        Compile(bytes, name, columns, cache);
        Assert.Equal(1, cache.Hits);
    }

    [Fact]
    public void Key_ChangesWithTheColumnsTheRequiredTagsTheNameAndEveryByte()
    {
        var (bytes, name, columns) = Template("office");
        var key = Key(bytes, name, TemplateFields.RequiredForInvitation, columns);
        var changed = (byte[])bytes.Clone();
        changed[^1] ^= 1;

        Assert.Equal(key, Key(bytes, name, TemplateFields.RequiredForInvitation, [.. columns]));
        Assert.NotEqual(key, Key(changed, name, TemplateFields.RequiredForInvitation, columns));
        Assert.NotEqual(key, Key(bytes, "khac.docx", TemplateFields.RequiredForInvitation, columns));
        Assert.NotEqual(key, Key(bytes, name, [], columns));
        Assert.NotEqual(key, Key(bytes, name, TemplateFields.RequiredForInvitation, columns[..^1]));
        Assert.NotEqual(key, Key(bytes, name, TemplateFields.RequiredForInvitation, [.. columns[..^1], columns[^1] + " "]));
    }

    [Fact]
    public void Compile_TemplateWithErrors_IsNotStored()
    {
        var cache = new TemplateCache(_dir.Path);
        var problems = new ProblemList();

        Assert.Null(DocxTemplate.Compile(InvitationTemplate.Build(), "giay-moi.docx", problems, ["KhongCo"], InputLimits.Template, [], cache));

        Assert.Contains(problems.Errors, p => p.Code == "TEMPLATE_REQUIRED_FIELD");
        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    private static string Key(byte[] bytes, string name, IReadOnlyList<string> tags, IReadOnlyList<string> columns) =>
        Convert.ToHexString(TemplateCache.Key(bytes, name, tags, columns, InputLimits.Template.MaxXmlPartBytes));

    private static (byte[] Bytes, string Name, string[] Columns) Template(string which) => which == "office"
        ? (MailMergeTemplateTests.OfficeLetter(), "thu-moi-cu.docx", MailMergeTemplateTests.Columns)
        : (InvitationTemplate.Build(), "giay-moi.docx", []);

    /// <summary>Compiles; the problems come back as text (a record's list of arguments compares by reference).</summary>
    private static (DocxTemplate Template, List<string> Problems) Compile(byte[] bytes, string name, string[] columns, TemplateCache? cache)
    {
        var problems = new ProblemList();
        var template = DocxTemplate.Compile(bytes, name, problems, TemplateFields.RequiredForInvitation, InputLimits.Template, columns, cache);
        Assert.NotNull(template);
        return (template, problems.Items.Select(p => $"{p} [{string.Join(" | ", p.Args)}]").ToList());
    }

    /// <summary>The SHA-256 of a letter and of the print file's document.xml rendered from <paramref name="template"/> with fixed values.</summary>
    private static string Letter(DocxTemplate template)
    {
        var values = MailMergeTemplateTests.Values("Nam", "Nguyễn Văn An", "Giám đốc Sở Nội vụ");
        foreach (var tag in template.Tags)
        {
            values.TryAdd(tag, "Giá trị của " + tag + "\n**dòng hai** & <ba>");
        }

        using var letter = new MemoryStream();
        template.Render(values, QrCodeRenderer.Png("https://x.vn/?db=YB23-0007"), letter);
        return Convert.ToHexString(SHA256.HashData(letter.ToArray())) + " " + Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(template.RenderDocumentXml(values))));
    }
}
