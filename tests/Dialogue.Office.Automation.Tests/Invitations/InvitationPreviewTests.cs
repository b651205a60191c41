using Dialogue.Office.Automation.Invitations;
using Diagnostics = Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.QrCodes;
using Dialogue.Office.Automation.Templating;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Invitations;

public class InvitationPreviewTests
{
    private static readonly ConferencePlan Plan = PlanLoader.Load(RepoPaths.SamplePlan).Require();

    [Fact]
    public void Values_KnownDelegate_CarriesEveryTextFieldOfTheInvitationTemplate()
    {
        var d = Plan.Delegates[5];
        var values = InvitationPreview.Values(Plan, d.Code)!;

        var template = DocxTemplate.Compile(InvitationTemplate.Build(), InvitationTemplate.FileName, new Automation.Diagnostics.ProblemList())!;
        var textTags = template.Tags.Where(t => TemplateFields.Find(t)!.Kind != FieldKind.Picture).ToList();
        Assert.NotEmpty(textTags);
        Assert.Empty(textTags.Except(values.Keys));
        Assert.Equal(d.Addressee, values["KinhGui"]);
        Assert.Equal(d.Code, values["MaDaiBieu"]);
        Assert.Equal(DelegateQrLink.For(Plan.Conference.PacketUrl, d.Code), values["DuongDan"]);
    }

    [Fact]
    public void Values_SeatedDelegateInMainHall_ShowsSeatWithoutBoldMarkers()
    {
        var d = Plan.Delegates.First(x => (Plan.FindVenue(x.VenueId) ?? Plan.MainHall).IsMain);
        var values = InvitationPreview.Values(Plan, d.Code, seats: new Dictionary<string, string> { [d.Code] = "Hàng A – Ghế 05" })!;

        Assert.Equal("Chỗ ngồi: Hàng A – Ghế 05.", values["ChoNgoi"]);
    }

    [Fact]
    public void Values_UnknownDelegate_ReturnsNull() =>
        Assert.Null(InvitationPreview.Values(Plan, "KHONG-CO"));
}
