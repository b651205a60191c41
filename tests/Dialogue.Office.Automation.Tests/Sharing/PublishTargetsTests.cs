using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Sharing;
using Dialogue.Office.Automation.Sharing.Auth;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Sharing;

/// <summary>The one resolver both shells call: plan over configuration, SharePoint only with a way to reach it, the QR rule.</summary>
public sealed class PublishTargetsTests
{
    private static readonly LocalShareTarget Local = new() { Root = "/tmp/flow-share", BaseUrl = "http://localhost:5080/share" };

    [Fact]
    public void Merge_PlanSetsAValue_ThePlanWinsElseTheConfiguration()
    {
        var configuration = new SharingSettings { SiteUrl = "https://contoso.sharepoint.com/sites/A", Library = "Documents", Folder = "Chung", Editors = ["a@contoso.vn"] };
        var plan = new SharingSettings { Library = "Tài liệu hội nghị", LinkScope = "anonymous" };

        var merged = PublishTargets.Merge(configuration, plan);

        Assert.Equal("https://contoso.sharepoint.com/sites/A", merged.SiteUrl);
        Assert.Equal("Tài liệu hội nghị", merged.Library);
        Assert.Equal("Chung", merged.Folder);
        Assert.Equal("anonymous", merged.LinkScope);
        Assert.Equal(["a@contoso.vn"], merged.Editors);
    }

    [Fact]
    public void Resolve_SiteAndAConnection_IsSharePointWithTheSettingsFolderElseTheDefault()
    {
        var sharing = new SharingSettings { SiteUrl = "https://contoso.sharepoint.com/sites/B", Library = "Documents" };

        var sp = Assert.IsType<SharePointTarget>(PublishTargets.Resolve(sharing, new GraphConnectionOptions(), Local, "YB23"));

        Assert.Equal("https://contoso.sharepoint.com/sites/B", sp.SiteUrl);
        Assert.Equal("YB23", sp.Folder);
        Assert.True(PublishTargets.PublishWithBuild(sp));
        Assert.True(PublishTargets.QrCarriesFolderLink(sp));
    }

    [Fact]
    public void Resolve_SiteButNoWayToReachSharePoint_IsTheLocalShare()
    {
        var sharing = new SharingSettings { SiteUrl = "https://contoso.sharepoint.com/sites/B", Folder = "Hội nghị/YB23" };

        var local = Assert.IsType<LocalShareTarget>(PublishTargets.Resolve(sharing, sharePoint: null, Local, "YB23"));

        Assert.Equal("Hội nghị/YB23", local.Folder);
        Assert.False(PublishTargets.PublishWithBuild(local));
    }

    [Fact]
    public void ForPlan_SamplePlan_TheLocalShareInThePlansFolderWithThePlansScope()
    {
        var plan = PlanLoader.Load(RepoPaths.SamplePlan).Require();

        var request = PublishTargets.ForPlan(plan, new SharingSettings { Folder = "Chung" }, new GraphConnectionOptions(), Local, "/tmp/out");

        Assert.Equal(plan.Sharing.Folder, Assert.IsType<LocalShareTarget>(request.Target).Folder);
        Assert.Equal(LinkScope.Organization, request.Options.Scope);
        Assert.Equal("/tmp/out", request.SourceFolder);

        // The delegate page's record of this publication: beside the local share (not served), whichever the target.
        Assert.Equal(Path.GetFullPath("/tmp/published/YB23.json"), request.DocumentsRecord);
    }

    [Theory]
    [InlineData("http://localhost:5080/share", false)]
    [InlineData("http://127.0.0.1:5080/share", false)]
    [InlineData("http://vanphong.yenbai.gov.vn/share", true)]
    public void QrCarriesFolderLink_LocalShare_OnlyWhenOthersCanOpenIt(string baseUrl, bool carries) =>
        Assert.Equal(carries, PublishTargets.QrCarriesFolderLink(Local with { BaseUrl = baseUrl }));
}
