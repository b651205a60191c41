using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Sharing;
using Dialogue.Office.Automation.Sharing.Auth;

namespace Dialogue.Office.Automation.Tests.Sharing;

public sealed class QuickXorHashTests
{
    // Vectors from rclone's quickxorhash tests, which are checked against Microsoft's reference implementation.
    [Theory]
    [InlineData("", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("Sg==", "SgAAAAAAAAAAAAAAAQAAAAAAAAA=")]
    [InlineData("0pZP", "0rDEEwAAAAAAAAAAAwAAAAAAAAA=")]
    [InlineData("T6LYJIfDh81JrAK309H2JMJTXis=", "zBTHrspn3mEcohlJdIUAbjGNaNg=")]
    [InlineData("NbYXsp5/K6mR+NmHwExjvWeWDJFnXTKWVlzYHoesp2E=", "wjuAuWDiq04qDt1R8hHWDDcwVoQ=")]
    [InlineData("jyibxJSzO6ZiZ0O1qe3tG/bvIAYssvukh9suIT5wEy1JBINVgPiqdsTW0cOpP0aUfP7mgqLfADkzI/m/GgCuVhr8oFLrOCoTx1/psBOWwhltCbhUx51Icm9aH8tY4Z3ccU+6BKpYQkLCy0B/A9Zc", "hZfLIilSITC6N3e3tQ/iSgEzkto=")]
    public void Compute_KnownVector_MatchesReference(string input, string expected)
    {
        var bytes = Convert.FromBase64String(input);

        Assert.Equal(expected, QuickXorHash.Compute(bytes));

        // Fed in pieces, the same.
        var h = new QuickXorHash();
        for (var i = 0; i < bytes.Length; i += 7)
        {
            h.Append(bytes.AsSpan(i, Math.Min(7, bytes.Length - i)));
        }

        Assert.Equal(expected, Convert.ToBase64String(h.Finish()));
    }
}

public sealed class SharePointNamesTests
{
    [Theory]
    [InlineData("Giấy mời.docx", "Giấy mời.docx")]
    [InlineData("a:b*c?.txt", "a_b_c_.txt")]
    [InlineData("  tên có dấu cách  ", "tên có dấu cách")]
    [InlineData("tệp.", "tệp")]
    [InlineData("CON", "_CON")]
    [InlineData("lpt1.docx", "_lpt1.docx")]
    [InlineData("desktop.ini", "_desktop.ini")]
    [InlineData(".lock", "_.lock")]
    [InlineData("x_vti_y.docx", "x-vti-y.docx")]
    [InlineData("~$abc.docx", "_$abc.docx")]
    [InlineData("\u0047iâ\u0301y.docx", "Giấy.docx")]
    public void MapSegment_ForbiddenForms_BecomeSafe(string name, string expected) =>
        Assert.Equal(expected.Normalize(), SharePointNames.MapSegment(name));

    [Fact]
    public void Unique_TwoNamesMappingAlike_GetNumberedSuffix()
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        Assert.Equal("a_b.txt", SharePointNames.Unique("a_b.txt", taken));
        Assert.Equal("A_B (2).txt", SharePointNames.Unique("A_B.txt", taken));
    }

    [Fact]
    public void SiteKey_SiteUrl_BecomesHostColonPath()
    {
        Assert.Equal("contoso.sharepoint.com:/sites/Hội nghị", SharePointDestination.SiteKey("https://contoso.sharepoint.com/sites/H%E1%BB%99i%20ngh%E1%BB%8B/"));
        Assert.Equal("contoso.sharepoint.com", SharePointDestination.SiteKey("https://contoso.sharepoint.com"));
    }
}

public sealed class SharingCatalogTests
{
    [Fact]
    public void EveryCodeTheSharingCodeEmits_HasVietnameseText()
    {
        var source = Path.Combine(Support.RepoPaths.Root, "automation", "Dialogue.Office.Automation", "Sharing");
        var codes = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "\"(SHARING_[A-Z_]+)\"").Select(m => m.Groups[1].Value))
            .ToHashSet();

        Assert.True(codes.Count > 20);
        Assert.All(codes, c => Assert.True(ProblemMessages.All.ContainsKey(c), c));
    }

    [Fact]
    public void FromPlan_AnonymousScopeAndEditors_AreCarriedOver()
    {
        var sharing = new SharingSettings { LinkScope = "anonymous", LinkExpires = new DateOnly(2026, 12, 31), Editors = ["a@b.vn"], SiteUrl = "https://t.sharepoint.com/sites/x", Library = "Tài liệu", Folder = "YB23" };

        var options = PublishOptions.FromPlan(sharing);
        var target = PublishTarget.FromPlan(sharing, new GraphConnectionOptions());
        var local = PublishTarget.FromPlan(new SharingSettings(), new GraphConnectionOptions(), defaultFolder: "YB23");

        Assert.Equal(LinkScope.Anonymous, options.Scope);
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.Zero), options.LinkExpires);
        Assert.Equal(["a@b.vn"], options.Editors);
        var sp = Assert.IsType<SharePointTarget>(target);
        Assert.Equal(("Tài liệu", "YB23"), (sp.Library, sp.Folder));
        Assert.Equal("YB23", Assert.IsType<LocalShareTarget>(local).Folder);
    }
}
