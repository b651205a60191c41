using Dialogue.Office.Automation.Compliance;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Inputs;
using Dialogue.Office.Automation.Invitations;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Script;

namespace Dialogue.Office.Automation.Templating;

/// <summary>
/// What <c>dialogue validate</c> checks beyond the plan and the list: every template the plan uses is loaded the way
/// <c>build</c> will load it (inside the plan folder, through the guarded opener), its tags are checked against the
/// vocabulary, the script template's row marker is found, and a template of the secretariat's own is checked against
/// ND30 (its findings are warnings: the letters inherit them). Problems with a file point at the plan.yaml line that
/// names it and give the resolved path.
/// </summary>
public static class PlanTemplateCheck
{
    public static IReadOnlyList<Problem> Check(ConferencePlan plan)
    {
        var problems = new ProblemList();
        var invitation = InvitationGenerator.LoadTemplate(plan, null, problems);
        if (invitation is not null && plan.Invitation.Template.Length > 0)
        {
            Nd30(plan, "invitation.template", plan.Invitation.Template, problems);
        }

        var request = new ScriptRequest(plan, Path.GetTempPath());
        var (name, bytes) = ScriptGenerator.LoadTemplate(request, problems);
        if (bytes is not null)
        {
            var expanded = ScriptRows.Expand(bytes, name, [], problems);
            if (expanded is not null && DocxTemplate.Compile(expanded, name, problems, null, InputLimits.WordDocument) is not null
                && plan.ScriptDocument?.Template is { Length: > 0 } value)
            {
                Nd30(plan, "script_document.template", value, problems);
            }
        }

        return problems.Items;
    }

    private static void Nd30(ConferencePlan plan, string key, string value, ProblemList problems)
    {
        var path = ContainedPath.Resolve(plan.Folder, value);
        var report = Nd30Checker.Check(path);
        foreach (var finding in report.Errors)
        {
            problems.Warning("TEMPLATE_ND30", Locations.Join(plan.LocationOf(key), value, finding.Location), $"{finding.Code}: {finding.Rule.English}",
                finding.Code, finding.Message);
        }
    }
}
