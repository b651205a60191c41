using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Inputs;
using Dialogue.Office.Automation.Outputs;
using Dialogue.Office.Automation.Invitations;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Programme;
using Dialogue.Office.Automation.Templating;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Script;

/// <summary>What to write the MC's script for, from which template, with which selected questions.</summary>
public sealed record ScriptRequest(ConferencePlan Plan, string OutputFolder)
{
    /// <summary>A template file; null = the plan's <c>script_document.template</c>, else the built-in template.</summary>
    public string? TemplatePath { get; init; }

    /// <summary>Questions chosen for the dialogue; null leaves a marked place in each topic to fill later.</summary>
    public IReadOnlyList<SelectedQuestion>? Questions { get; init; }

    /// <summary>How many of the sector's own delegates (highest rank first) are introduced by name; the rest collectively.</summary>
    public int NamedSectorDelegates { get; init; } = 5;

    /// <summary>
    /// How many delegates checked in at each bridge point (by venue id), from the attendance register: a point listed
    /// is greeted with who is there (its highest delegate and the count of the others); null or a point not listed:
    /// the greeting from the list of delegates.
    /// </summary>
    public IReadOnlyDictionary<string, int>? PresentAtBridgePoints { get; init; }
}

/// <summary>
/// Writes the Kịch bản chi tiết (the MC's script) from a template the secretariat can edit: the header fields are
/// content controls of the template vocabulary, and the script rows are generated in place of the row tagged
/// <c>NoiDungKichBan</c>. Times come from <see cref="ConferenceSchedule"/>, as in the programme.
/// </summary>
public static class ScriptGenerator
{
    public const string FileName = "kich-ban-chi-tiet.docx";

    public static DocumentResult Generate(ScriptRequest request)
    {
        var problems = new ProblemList();
        var bytes = Build(request, problems);
        if (bytes is null || problems.HasErrors)
        {
            return new DocumentResult(null, problems.Items);
        }

        Directory.CreateDirectory(request.OutputFolder);
        var path = Path.Combine(request.OutputFolder, FileName);
        AtomicFile.WriteAllBytes(path, bytes);
        return new DocumentResult(path, problems.Items);
    }

    public static byte[]? Build(ScriptRequest request, ProblemList problems)
    {
        var plan = request.Plan;
        if (plan.Programme.Count == 0)
        {
            problems.Error("SCRIPT_NO_PROGRAMME", plan.LocationOf("programme"), "The plan has no programme items.");
            return null;
        }

        var (name, bytes) = LoadTemplate(request, problems);
        if (bytes is null)
        {
            return null;
        }

        var questions = request.Questions is null ? null : KnownTopics(plan, request.Questions, problems);
        var rows = new ScriptComposer(plan, questions, request.NamedSectorDelegates, request.PresentAtBridgePoints).Compose();
        var expanded = ScriptRows.Expand(bytes, name, rows, problems);
        if (expanded is null)
        {
            return null;
        }

        var template = DocxTemplate.Compile(expanded, name, problems, null, Inputs.InputLimits.WordDocument);
        if (template is null)
        {
            return null;
        }

        if (template.Tags.Count == 0)
        {
            problems.Warning("SCRIPT_TEMPLATE_NO_FIELDS", name, "The script template has no content controls left; its header keeps the sample text.", name);
        }

        using var output = new MemoryStream();
        template.Render(Values(plan), ReadOnlySpan<byte>.Empty, output);
        return output.ToArray();
    }

    /// <summary>The header values of the script (shared vocabulary with the invitation).</summary>
    internal static Dictionary<string, string> Values(ConferencePlan plan)
    {
        var schedule = ConferenceSchedule.Compute(plan);
        var values = InvitationGenerator.CommonValues(plan);
        var settings = plan.ScriptDocument;
        // A script is dated the day of the conference unless the plan says otherwise; it usually carries no number.
        values["DiaDanhNgayThang"] = VietnameseText.DateLine(plan.Issuer.Place, settings is { Date: var d } && d != default ? d : plan.Conference.Date);
        values["SoKyHieu"] = settings?.Number ?? "";
        values["TrichYeu"] = settings is { Subject.Length: > 0 } ? settings.Subject : plan.Conference.Title;
        values["ThoiGian"] = VietnameseText.UpperFirst(schedule.Sentence(plan.Conference.Date));
        values["DiaDiemHoiNghi"] = ProgrammeDocument.Place(plan);
        var mc = schedule.Find("reason")?.Item.Lead ?? "";
        values["DanChuongTrinh"] = mc.Length > 0 ? mc : "Ban Tổ chức Hội nghị";
        return values;
    }

    /// <summary>
    /// The script template's bytes, checked by the guarded opener: the request's file, else the plan's
    /// <c>script_document.template</c> (inside the plan folder), else the built-in one.
    /// </summary>
    internal static (string Name, byte[]? Bytes) LoadTemplate(ScriptRequest request, ProblemList problems)
    {
        var plan = request.Plan;
        string path;
        string name;
        string? location = null;
        if (!string.IsNullOrEmpty(request.TemplatePath))
        {
            path = request.TemplatePath;
            name = Path.GetFileName(path);
        }
        else
        {
            var value = plan.ScriptDocument?.Template ?? "";
            var resolved = TemplateFiles.FromPlan(plan, "script_document.template", value, problems);
            if (resolved.Kind == TemplateFiles.Source.BuiltIn)
            {
                return (ScriptTemplate.FileName, TemplateFiles.BuiltIn(ScriptTemplate.FileName));
            }

            if (resolved.Path is null)
            {
                return (value, null);
            }

            path = resolved.Path;
            name = value;
            location = plan.LocationOf("script_document.template");
        }

        try
        {
            return (name, GuardedPackage.Open(path, PackageKind.WordDocument, InputLimits.Template, name).ToArray());
        }
        catch (InputFileException ex)
        {
            problems.Add(ex.Reason == InputRejection.Missing
                ? Problem.Error("TEMPLATE_MISSING", location ?? name, $"Template '{name}' not found at {path}.", name, ex.FullPath ?? path)
                : ex.ToProblem(location));
            return (name, null);
        }
    }

    private static List<SelectedQuestion> KnownTopics(ConferencePlan plan, IReadOnlyList<SelectedQuestion> questions, ProblemList problems)
    {
        var known = plan.Topics.Select(t => t.Number).ToHashSet();
        var kept = new List<SelectedQuestion>(questions.Count);
        for (var i = 0; i < questions.Count; i++)
        {
            if (known.Contains(questions[i].TopicNumber))
            {
                kept.Add(questions[i]);
            }
            else
            {
                problems.Warning("SCRIPT_UNKNOWN_TOPIC", $"câu hỏi {i + 1}", "A selected question names a topic the plan does not have.",
                    (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), questions[i].TopicNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return kept;
    }
}
