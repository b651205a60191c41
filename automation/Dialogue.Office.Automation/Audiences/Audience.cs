namespace Dialogue.Office.Automation.Audiences;

/// <summary>Who an output of the packet is for, and so who may open it.</summary>
public enum Audience
{
    /// <summary>Every delegate: what the QR codes and the delegate page open. Nothing personal of anyone.</summary>
    Delegates,

    /// <summary>The chairs and leaders (chủ trì, đồng chủ trì, đoàn chủ tịch): invited by name, sign-in required.</summary>
    Leaders,

    /// <summary>The secretariat (Văn phòng, tổ thư ký): the named group or people, never a link.</summary>
    Secretariat,
}

/// <summary>Every kind of file the packet writes; each has a default <see cref="Audience"/> (<see cref="OutputKinds"/>).</summary>
public enum OutputKind
{
    /// <summary>One Giấy mời per delegate (<c>giay-moi/</c>).</summary>
    Letters,

    /// <summary>Every letter in one file, to print.</summary>
    PrintFile,

    /// <summary>The list of letters with every delegate's e-mail, seat and QR link.</summary>
    LinkList,

    /// <summary>The seating chart and the list of seats by name.</summary>
    Seating,

    /// <summary>Chương trình hội nghị.</summary>
    Programme,

    /// <summary>The question forms sent to the units (<c>phieu-cau-hoi/</c>).</summary>
    QuestionForms,

    /// <summary>The consolidated questions, with each asker's name, position and school.</summary>
    ConsolidatedQuestions,

    /// <summary>The consolidation with the departments' answers merged in.</summary>
    AnsweredQuestions,

    /// <summary>The report of the questions to the issuer (the 15/4 report).</summary>
    QuestionReport,

    /// <summary>The answer book for the chairs.</summary>
    AnswerBook,

    /// <summary>How many questions came in, per topic: counts only, no name.</summary>
    QuestionStatistics,

    /// <summary>The MC's script.</summary>
    Script,
}

/// <summary>The fixed facts of each <see cref="OutputKind"/> and <see cref="Audience"/>: plan keys, folders, defaults.</summary>
public static class OutputKinds
{
    /// <summary>Every kind, in the order the packet writes them.</summary>
    public static IReadOnlyList<OutputKind> All { get; } = Enum.GetValues<OutputKind>();

    /// <summary>Every audience, from the widest to the narrowest.</summary>
    public static IReadOnlyList<Audience> Audiences { get; } = Enum.GetValues<Audience>();

    /// <summary>
    /// The sub-folder of the output (and of the published conference folder) for <paramref name="audience"/>: fixed
    /// ASCII names, never taken from input.
    /// </summary>
    public static string Folder(Audience audience) => audience switch
    {
        Audience.Delegates => "dai-bieu",
        Audience.Leaders => "lanh-dao",
        _ => "thu-ky",
    };

    /// <summary>The audience whose folder is <paramref name="folder"/> (the first segment of an output path), or null.</summary>
    public static Audience? OfFolder(string folder) =>
        Audiences.Select(a => (Audience?)a).FirstOrDefault(a => string.Equals(Folder(a!.Value), folder, StringComparison.Ordinal));

    /// <summary>The key of a kind in the plan's <c>audiences.kinds</c> section (snake_case, ASCII).</summary>
    public static string Key(OutputKind kind) => kind switch
    {
        OutputKind.Letters => "letters",
        OutputKind.PrintFile => "print_file",
        OutputKind.LinkList => "link_list",
        OutputKind.Seating => "seating",
        OutputKind.Programme => "programme",
        OutputKind.QuestionForms => "question_forms",
        OutputKind.ConsolidatedQuestions => "consolidated_questions",
        OutputKind.AnsweredQuestions => "answered_questions",
        OutputKind.QuestionReport => "question_report",
        OutputKind.AnswerBook => "answer_book",
        OutputKind.QuestionStatistics => "question_statistics",
        _ => "script",
    };

    /// <summary>The kind whose plan key is <paramref name="key"/>, or null.</summary>
    public static OutputKind? FromKey(string key) =>
        All.Select(k => (OutputKind?)k).FirstOrDefault(k => string.Equals(Key(k!.Value), key.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The key of an audience in the plan (<c>delegates</c>, <c>leaders</c>, <c>secretariat</c>).</summary>
    public static string Key(Audience audience) => audience switch
    {
        Audience.Delegates => "delegates",
        Audience.Leaders => "leaders",
        _ => "secretariat",
    };

    /// <summary>An audience named in the plan, in English or Vietnamese (accents optional), or null.</summary>
    public static Audience? ParseAudience(string text) => Vietnamese.VietnameseText.Fold(text).Trim().Replace('_', ' ').Replace('-', ' ') switch
    {
        "delegates" or "dai bieu" => Audience.Delegates,
        "leaders" or "chairs" or "lanh dao" or "chu tri" => Audience.Leaders,
        "secretariat" or "thu ky" or "to thu ky" or "van phong" or "ban to chuc" => Audience.Secretariat,
        _ => null,
    };

    /// <summary>Who a kind is for unless the plan moves it.</summary>
    public static Audience Default(OutputKind kind) => kind switch
    {
        OutputKind.Programme or OutputKind.QuestionStatistics => Audience.Delegates,
        OutputKind.Script or OutputKind.AnswerBook or OutputKind.ConsolidatedQuestions or OutputKind.AnsweredQuestions
            or OutputKind.QuestionReport => Audience.Leaders,
        _ => Audience.Secretariat,
    };

    /// <summary>
    /// Whether a kind holds personal data of people other than its reader (names with positions and schools, e-mails,
    /// phones, seats, per-delegate links): such a kind never goes to the delegates, whatever the plan says.
    /// </summary>
    public static bool HoldsPersonalData(OutputKind kind) => kind is not (OutputKind.Programme or OutputKind.QuestionStatistics or OutputKind.QuestionForms);
}
