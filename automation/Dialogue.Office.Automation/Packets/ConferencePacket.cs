using Dialogue.Office.Automation.Audiences;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Invitations;
using Dialogue.Office.Automation.Letters;
using Dialogue.Office.Automation.Outputs;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Programme;
using Dialogue.Office.Automation.Questions;
using Dialogue.Office.Automation.Script;
using Dialogue.Office.Automation.Seating;
using Dialogue.Office.Automation.Sharing;

namespace Dialogue.Office.Automation.Packets;

/// <summary>One line of the packet summary: what was written, how many files, where.</summary>
public sealed record PacketStep(string Name, int Files, string Location, IReadOnlyList<Problem> Problems);

/// <summary>Progress of the main job: the step running and how far it is.</summary>
public sealed record PacketProgress(string Step, int Done, int Total);

/// <summary>Everything the main job wrote.</summary>
public sealed record PacketResult(string OutputFolder, IReadOnlyList<PacketStep> Steps)
{
    public IEnumerable<Problem> Problems => Steps.SelectMany(s => s.Problems);
    public bool HasErrors => Problems.Any(p => p.IsError);

    /// <summary>The invitations step's result (null when the step did not run).</summary>
    public InvitationResult? Invitations { get; init; }

    /// <summary>The link the invitations' QR codes carry (the published folder's, or the plan's packet URL).</summary>
    public string QrLink { get; init; } = "";

    /// <summary>What publishing did (null when nothing was published or the folder could not be made).</summary>
    public PublishResult? Published { get; init; }
}

/// <summary>Which documents a packet run writes.</summary>
[Flags]
public enum PacketParts
{
    None = 0,
    Seating = 1,
    Invitations = 2,
    Programme = 4,
    QuestionForms = 8,
    Questions = 16,
    Script = 32,

    /// <summary>The công văn to each bridge point's host (when the plan has <c>bridge_point_letter</c>).</summary>
    BridgePointLetters = 64,
    All = Seating | Invitations | Programme | QuestionForms | Questions | Script | BridgePointLetters,
}

/// <summary>Options of the main job.</summary>
public sealed record PacketRequest(ConferencePlan Plan, string OutputFolder)
{
    public IProgress<PacketProgress>? Progress { get; init; }

    /// <summary>The documents to write (all by default; <c>dialogue invitations</c> and the pane's letters: invitations only).</summary>
    public PacketParts Parts { get; init; } = PacketParts.All;

    /// <summary>The invitation template to use instead of the plan's (e.g. the draft open in Word).</summary>
    public string? InvitationTemplate { get; init; }

    /// <summary>Questions chosen for the dialogue (from the consolidated workbook); null leaves marked places in the script.</summary>
    public IReadOnlyList<SelectedQuestion>? Questions { get; init; }

    /// <summary>
    /// Where to publish the packet (its <see cref="PublishRequest.SourceFolder"/> is the output folder; build it with
    /// <see cref="PublishTargets.ForPlan"/>). The documents folder and its sharing link are made first, the invitations'
    /// QR codes carry that link when others can open it (<see cref="PublishTargets.QrCarriesFolderLink"/>), and every
    /// file is published at the end: one flow. Null: nothing is published.
    /// </summary>
    public PublishRequest? Publish { get; init; }

    /// <summary>
    /// The delegate page (<see cref="PublishTargets.DelegatePage"/>): when set, every QR code opens the delegate's own
    /// page instead of the documents folder, and the secretariat's checklist lists the door codes.
    /// </summary>
    public Attendance.DelegatePage? DelegatePage { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;
}

/// <summary>
/// The main job: builds a whole conference packet from a validated plan — every document the project can generate,
/// written into the output folder with one sub-folder per audience (<see cref="PacketLayout"/>: what delegates, leaders
/// and the secretariat may open). Each capability adds its step here; the CLI and the add-in both call it.
/// </summary>
public static class ConferencePacket
{
    /// <summary>Sub-folder of the packet with one question form per unit.</summary>
    public const string FormsFolder = "phieu-cau-hoi";

    public static PacketResult Build(PacketRequest request) => BuildAsync(request).GetAwaiter().GetResult();

    public static async Task<PacketResult> BuildAsync(PacketRequest request, CancellationToken cancellationToken = default)
    {
        var plan = request.Plan;

        // The output folder never goes stale: refused when it is a file, the plan folder or someone else's folder;
        // each step records what it wrote, and what an earlier build wrote that this one no longer makes is removed.
        var output = OutputFolder.Open(request.OutputFolder, plan.Folder);
        var completed = new List<string>();
        var stepStarted = PhaseTimings.Timestamp();
        void Done(string step, bool succeeded, IEnumerable<string?> files)
        {
            // --timings: each step's time, from the end of the one before (the first from the start of the packet).
            PhaseTimings.Since("packet step: " + step, stepStarted);
            stepStarted = PhaseTimings.Timestamp();
            output.Record(step, files);
            if (succeeded)
            {
                completed.Add(step);
            }
        }

        var steps = new List<PacketStep>();
        var parts = request.Parts;
        string FolderOf(OutputKind kind) => PacketLayout.FolderOf(plan, request.OutputFolder, kind);
        string Show(OutputKind kind, string name) => PacketLayout.Display(plan, kind, name);

        string? packetUrl = null;
        PackagePublisher? publisher = null;
        if (request.Publish is { } publish)
        {
            // The link must exist before the invitations are written: it is what their QR codes open.
            publisher = new PackagePublisher(request.Time);
            request.Progress?.Report(new PacketProgress("Thư mục tài liệu và liên kết chia sẻ", 0, 1));
            var link = await publisher.EnsureFolderLinkAsync(publish with { SourceFolder = request.OutputFolder }, cancellationToken);
            steps.Add(new PacketStep("Thư mục tài liệu và liên kết chia sẻ", 0, link.FolderLink, link.Problems));
            if (!link.Succeeded)
            {
                return new PacketResult(request.OutputFolder, steps) { QrLink = plan.Conference.PacketUrl };
            }

            // A link only this machine opens (http://localhost…/share) is no use on paper: the QR codes keep the plan's
            // packet URL then, and the files are still copied to the local share at the end.
            packetUrl = PublishTargets.QrCarriesFolderLink(publish.Target) ? link.FolderLink : null;
        }

        // Seating first: each in-person delegate's seat is printed on the invitation.
        IReadOnlyDictionary<string, string>? seats = null;
        if (parts.HasFlag(PacketParts.Seating))
        {
            var seating = SeatingGenerator.Generate(new SeatingRequest(plan, FolderOf(OutputKind.Seating)));
            seats = seating.SeatsByCode;
            steps.Add(new PacketStep("Sơ đồ chỗ ngồi và danh sách chỗ ngồi", seating.Path is null ? 0 : 1, Show(OutputKind.Seating, SeatingGenerator.FileName), seating.Problems));
            Done("seating", seating.Path is not null, [seating.Path]);
            if (seating.Seating is { } seated)
            {
                var cards = NameCards.Generate(new NameCardRequest(plan, seated, FolderOf(OutputKind.Seating))); // the cards go with the seating (issue 19)
                steps.Add(new PacketStep("Biển tên đại biểu (đoàn chủ tịch và hàng A)", cards.Path is null ? 0 : 1, Show(OutputKind.Seating, NameCards.FileName), cards.Problems));
                Done("name-cards", cards.Path is not null, [cards.Path]);
            }
        }

        InvitationResult? invitations = null;
        if (parts.HasFlag(PacketParts.Invitations))
        {
            var total = plan.Delegates.Count;
            var lettersFolder = FolderOf(OutputKind.Letters);
            invitations = InvitationGenerator.Generate(new InvitationRequest(plan, lettersFolder)
            {
                Seats = seats,
                PacketUrl = packetUrl,
                DelegatePage = request.DelegatePage,
                TemplatePath = request.InvitationTemplate,
                // Reported inline: Progress<T> would post each report to the thread pool, late and out of order.
                Progress = request.Progress is null ? null : new InlineProgress<int>(n => request.Progress.Report(new PacketProgress("Giấy mời", n, total))),
            });

            // The step is over: its bar ends full even though the signer's own letter was not written (299 of 300).
            request.Progress?.Report(new PacketProgress("Giấy mời", total, total));

            // The print file and the list of links are written beside the letters, then moved to their own audience's
            // folder when the plan puts them elsewhere.
            invitations = invitations with
            {
                PrintFile = PacketLayout.Place(plan, request.OutputFolder, OutputKind.PrintFile, invitations.PrintFile),
                ListFile = PacketLayout.Place(plan, request.OutputFolder, OutputKind.LinkList, invitations.ListFile),
            };
            steps.Add(new PacketStep("Giấy mời (mỗi đại biểu một tệp)", invitations.Invitations.Count, Show(OutputKind.Letters, InvitationGenerator.Folder + "/"), invitations.Problems));
            Done("invitations", !invitations.HasErrors,
                [.. invitations.Invitations.Select(i => Path.Combine(lettersFolder, i.RelativePath)), invitations.PrintFile, invitations.ListFile]);
            if (invitations.PrintFile is not null)
            {
                steps.Add(new PacketStep("Giấy mời – tệp in gộp", 1, Show(OutputKind.PrintFile, InvitationGenerator.PrintFileName), []));
            }

            if (invitations.ListFile is not null)
            {
                steps.Add(new PacketStep("Danh sách giấy mời và đường dẫn QR", 1, Show(OutputKind.LinkList, InvitationGenerator.ListFileName), []));
            }
        }

        if (parts.HasFlag(PacketParts.Programme))
        {
            var programme = ProgrammeGenerator.Generate(new ProgrammeRequest(plan, FolderOf(OutputKind.Programme)));
            steps.Add(new PacketStep("Chương trình hội nghị", programme.Path is null ? 0 : 1, Show(OutputKind.Programme, ProgrammeGenerator.FileName), programme.Problems));
            Done("programme", programme.Path is not null, [programme.Path]);
        }

        if (parts.HasFlag(PacketParts.BridgePointLetters) && plan.BridgePointLetter is not null)
        {
            // The công văn are the secretariat's correspondence, like the letters (issue 19).
            var letters = BridgePointLetters.Generate(new BridgePointLetterRequest(plan, FolderOf(OutputKind.Letters)));
            steps.Add(new PacketStep("Công văn gửi các điểm cầu (mỗi điểm cầu một văn bản)", letters.Letters.Count, Show(OutputKind.Letters, BridgePointLetters.Folder + "/"), letters.Problems));
            Done("bridge-point-letters", !letters.HasErrors, letters.Letters.Select(l => l.RelativePath));
        }

        if (parts.HasFlag(PacketParts.QuestionForms))
        {
            var forms = QuestionForms.WriteAll(plan, Path.Combine(FolderOf(OutputKind.QuestionForms), FormsFolder));
            steps.Add(new PacketStep("Phiếu câu hỏi gửi các đơn vị", forms.Count, Show(OutputKind.QuestionForms, FormsFolder + "/"), []));
            Done("forms", true, forms);
        }

        // The returned sheets in the plan folder (phieu-tra-ve/), consolidated; the script then lists their questions.
        var questions = request.Questions;
        if (parts.HasFlag(PacketParts.Questions))
        {
            try
            {
                if (QuestionConsolidator.MergeReturns(plan, Created(FolderOf(OutputKind.ConsolidatedQuestions)), request.Time) is { } merged)
                {
                    // A unit's broken file is the unit's problem, not the packet's: it is listed in the workbook's
                    // "Lỗi và bỏ qua" sheet and shown here as a warning, and the packet is still complete.
                    steps.Add(new PacketStep(
                        $"Tổng hợp câu hỏi: đọc {merged.RowsRead} dòng = {merged.RowsTaken} lấy vào + {merged.RowsRejected} không lấy",
                        1, Show(OutputKind.ConsolidatedQuestions, QuestionConsolidator.ConsolidatedFileName), [.. merged.Problems.Select(p => p with { Severity = ProblemSeverity.Warning })]));

                    // What the delegates see of the questions: counts per topic, no name.
                    var statistics = QuestionStatistics.Write(plan, merged, FolderOf(OutputKind.QuestionStatistics));
                    steps.Add(new PacketStep("Thống kê câu hỏi theo nhóm vấn đề (chỉ số lượng)", 1, Show(OutputKind.QuestionStatistics, QuestionStatistics.FileName), []));
                    Done("questions", true, [merged.OutputPath, statistics]);
                    var documents = QuestionDocuments.Write(plan, merged.OutputPath, FolderOf);
                    steps.AddRange(documents.Select(d => new PacketStep(d.Name, 1, Path.GetRelativePath(request.OutputFolder, d.Path).Replace('\\', '/'),
                        [.. d.Problems.Select(p => p with { Severity = ProblemSeverity.Warning })])));
                    Done("question-documents", true, documents.Select(d => d.Path));
                    if (questions is null)
                    {
                        var readProblems = new ProblemList();
                        questions = SelectedQuestionReader.Read(merged.OutputPath, plan, readProblems);
                        if (readProblems.Items.Count > 0)
                        {
                            steps.Add(new PacketStep("Câu hỏi đưa vào kịch bản", 0, QuestionConsolidator.ConsolidatedFileName, readProblems.Items));
                        }
                    }
                }
            }
            catch (ProblemException e)
            {
                steps.Add(new PacketStep("Tổng hợp câu hỏi", 0, QuestionConsolidator.ReturnsFolder + "/", e.Problems));
            }
        }

        if (parts.HasFlag(PacketParts.Script))
        {
            var script = ScriptGenerator.Generate(new ScriptRequest(plan, FolderOf(OutputKind.Script)) { Questions = questions });
            steps.Add(new PacketStep("Kịch bản chi tiết (lời dẫn chương trình)", script.Path is null ? 0 : 1, Show(OutputKind.Script, ScriptGenerator.FileName), script.Problems));
            Done("script", script.Path is not null, [script.Path]);
        }

        // Before publishing: what is published is exactly the current packet.
        var commit = output.Commit(completed);
        if (commit.Removed.Count > 0 || commit.Problems.Count > 0)
        {
            steps.Add(new PacketStep("Gỡ tệp của lần tạo trước không còn trong hồ sơ", commit.Removed.Count, OutputFolder.ManifestName, commit.Problems));
        }

        // What the wider audiences will open is checked before anything is published: nothing personal in the delegates'
        // folder (an error: it is not published), and no e-mail, phone, delegate code or link in the leaders' (a warning).
        IReadOnlyList<Problem> exposure =
        [
            .. PersonalDataScan.Check(request.OutputFolder, plan, Audience.Delegates, ProblemSeverity.Error),
            .. PersonalDataScan.Check(request.OutputFolder, plan, Audience.Leaders, ProblemSeverity.Warning),
        ];
        if (exposure.Count > 0)
        {
            steps.Add(new PacketStep("Kiểm tra dữ liệu cá nhân trong thư mục của đại biểu và lãnh đạo", 0, OutputKinds.Folder(Audience.Delegates) + "/", exposure));
        }

        PublishResult? published = null;
        if (publisher is not null && request.Publish is { } publishRequest && !(invitations?.HasErrors ?? false) && !exposure.Any(p => p.IsError))
        {
            published = await publisher.PublishAsync(
                publishRequest with { SourceFolder = request.OutputFolder },
                request.Progress is null ? null : new InlineProgress<PublishProgress>(p =>
                    request.Progress.Report(new PacketProgress("Công bố tài liệu", p.FileIndex, p.FileCount))),
                cancellationToken);
            steps.Add(new PacketStep(published.IsLocal ? "Công bố vào thư mục chia sẻ cục bộ" : "Công bố lên SharePoint", published.Files.Count, published.TargetDisplay, published.Problems));
        }

        return new PacketResult(request.OutputFolder, steps)
        {
            Invitations = invitations,
            QrLink = request.DelegatePage is { } page ? page.BaseUrl + "/" + Attendance.DelegatePage.Segment + "/" : packetUrl ?? plan.Conference.PacketUrl,
            Published = published,
        };
    }

    private static string Created(string folder)
    {
        Directory.CreateDirectory(folder);
        return folder;
    }
}
