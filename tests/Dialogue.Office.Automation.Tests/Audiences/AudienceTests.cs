using Dialogue.Office.Automation.Audiences;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Outputs;
using Dialogue.Office.Automation.Packets;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Script;
using Dialogue.Office.Automation.Sharing;
using Dialogue.Office.Automation.Tests.Plans;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Audiences;

public sealed class AudienceTests
{
    [Fact]
    public void Defaults_EveryKindHasOneAudience_AndOnlyKindsWithoutPersonalDataGoToDelegates()
    {
        var settings = new AudienceSettings();
        Assert.Equal([OutputKind.Programme, OutputKind.QuestionStatistics], settings.KindsFor(Audience.Delegates));
        Assert.All(settings.KindsFor(Audience.Delegates), k => Assert.False(OutputKinds.HoldsPersonalData(k)));
        Assert.Equal(Audience.Secretariat, settings.Of(OutputKind.LinkList));
        Assert.Equal(Audience.Leaders, settings.Of(OutputKind.AnswerBook));

        // Folder names are fixed ASCII and distinct; plan keys round-trip.
        Assert.Equal(["dai-bieu", "lanh-dao", "thu-ky"], OutputKinds.Audiences.Select(OutputKinds.Folder));
        Assert.All(OutputKinds.All, k => Assert.Equal(k, OutputKinds.FromKey(OutputKinds.Key(k))));
    }

    [Fact]
    public void Load_AudiencesSection_MovesKindsAndReadsTheLeadersAndTheSecretariat()
    {
        using var b = new PlanFolderBuilder();
        b.Replace("  kinds: {}", "  kinds:\n    script: secretariat\n    question_forms: \"đại biểu\"");
        b.Replace("  leaders: []", "  leaders: [\"pct.ubnd@yenbai.gov.vn\"]");
        var plan = b.Load().Require();

        Assert.Equal(Audience.Secretariat, plan.Audiences.Of(OutputKind.Script));
        Assert.Equal(Audience.Delegates, plan.Audiences.Of(OutputKind.QuestionForms));
        Assert.Equal(Audience.Leaders, plan.Audiences.Of(OutputKind.AnswerBook));
        Assert.Equal(["pct.ubnd@yenbai.gov.vn"], plan.Audiences.Leaders);
        Assert.Equal(["vanphong.sgddt@yenbai.gov.vn"], plan.Audiences.Secretariat);
        Assert.Contains("pct.ubnd@yenbai.gov.vn", PublishTargets.SharingByAudience(plan).Leaders);
    }

    [Fact]
    public void Load_BadAudiences_EachReportedWithItsCodeAndLine()
    {
        using var b = new PlanFolderBuilder();
        b.Replace("  kinds: {}", "  kinds:\n    kich_ban: leaders\n    script: everyone\n    link_list: delegates");
        b.Replace("  leaders: []", "  leaders: [\"Chủ tịch UBND tỉnh\"]");
        var kindLine = b.LineOf("kich_ban:");
        var valueLine = b.LineOf("script: everyone");
        var personalLine = b.LineOf("link_list: delegates");
        var emailLine = b.LineOf("Chủ tịch UBND tỉnh");

        var result = b.Load();

        Assert.True(result.HasErrors);
        var errors = result.Problems.Where(p => p.IsError).ToList();
        Assert.Contains(errors, p => p.Code == "PLAN_AUDIENCE_UNKNOWN_KIND" && p.Location == $"plan.yaml:{kindLine}");
        Assert.Contains(errors, p => p.Code == "PLAN_BAD_VALUE" && p.Location == $"plan.yaml:{valueLine}");
        Assert.Contains(errors, p => p.Code == "PLAN_AUDIENCE_PERSONAL_DATA" && p.Location == $"plan.yaml:{personalLine}");
        Assert.Contains(errors, p => p.Code == "PLAN_AUDIENCE_BAD_EMAIL" && p.Location == $"plan.yaml:{emailLine}");

        // Each has its Vietnamese text, naming what to fix.
        var personal = errors.Single(p => p.Code == "PLAN_AUDIENCE_PERSONAL_DATA");
        Assert.Contains("link_list", ProblemMessages.Vietnamese(personal), StringComparison.Ordinal);
        Assert.Contains("thông tin cá nhân", ProblemMessages.Vietnamese(personal), StringComparison.Ordinal);
        Assert.Contains("answer_book", ProblemMessages.Vietnamese(errors.Single(p => p.Code == "PLAN_AUDIENCE_UNKNOWN_KIND")), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_AfterAKindMovesToAnotherAudience_LeavesOneCopyInTheNewFolderOnly()
    {
        using var b = new PlanFolderBuilder();
        using var output = new TempDir();
        var first = ConferencePacket.Build(new PacketRequest(b.Load().Require(), output.Path) { Parts = PacketParts.Script | PacketParts.Programme });
        Assert.False(first.HasErrors, string.Join("; ", first.Problems));
        Assert.True(File.Exists(Path.Combine(output.Path, "lanh-dao", ScriptGenerator.FileName)));

        b.Replace("  kinds: {}", "  kinds:\n    script: secretariat");
        var second = ConferencePacket.Build(new PacketRequest(b.Load().Require(), output.Path) { Parts = PacketParts.Script | PacketParts.Programme });

        Assert.False(second.HasErrors, string.Join("; ", second.Problems));
        Assert.True(File.Exists(Path.Combine(output.Path, "thu-ky", ScriptGenerator.FileName)));
        Assert.False(Directory.Exists(Path.Combine(output.Path, "lanh-dao")), "the old copy and its empty folder are gone");
        Assert.Contains(OutputFolder.Manifest(output.Path), e => e.Path == "thu-ky/" + ScriptGenerator.FileName);
        Assert.Contains(second.Steps, s => s.Location == "thu-ky/" + ScriptGenerator.FileName);
    }
}
