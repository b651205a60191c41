using Dialogue.Office.AddIn.Hosting;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Programme;
using Dialogue.Office.Automation.Script;

namespace Dialogue.Office.AddIn.Apis;

/// <summary><c>api/programme</c>: the programme (Chương trình hội nghị) and the MC's script (Kịch bản chi tiết) as .docx, to insert into Word or download.</summary>
public static class ProgrammeApi
{
    public static RouteGroupBuilder MapProgrammeApi(this RouteGroupBuilder api)
    {
        var programme = api.MapGroup("programme");
        programme.MapGet("{planId}/programme", (string planId, PlanStore store) =>
            Document(store, planId, ProgrammeGenerator.FileName, (plan, problems) => ProgrammeGenerator.Build(plan, problems)));
        programme.MapGet("{planId}/script", (string planId, PlanStore store, JobStore jobs) =>
            Document(store, planId, ScriptGenerator.FileName, (plan, problems) => ScriptGenerator.Build(new ScriptRequest(plan, jobs.Root), problems)));
        return programme;
    }

    private static IResult Document(PlanStore store, string planId, string fileName, Func<Automation.Plans.ConferencePlan, ProblemList, byte[]?> build)
    {
        if (PlansApi.Usable(store, planId, out var plan) is { } problem)
        {
            return problem;
        }

        var problems = new ProblemList();
        var bytes = build(plan!, problems);
        return bytes is null || problems.HasErrors
            ? ApiProblem.Result("PROGRAMME_FAILED", StatusCodes.Status422UnprocessableEntity, problems.Items)
            : TypedResults.File(bytes, InvitationsApi.Docx, fileName);
    }
}
