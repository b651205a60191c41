namespace Dialogue.Office.Automation.Audiences;

/// <summary>
/// The plan's <c>audiences:</c> section: kinds moved from their default audience, and who besides the list's chairs
/// gets the leaders' folder, and who gets the secretariat's folder (docs in the README, "Ai được mở gì").
/// </summary>
public sealed record AudienceSettings
{
    /// <summary>Kinds the plan moves to another audience (<c>audiences.kinds</c>); the rest keep <see cref="OutputKinds.Default"/>.</summary>
    public IReadOnlyDictionary<OutputKind, Audience> Moves { get; init; } = new Dictionary<OutputKind, Audience>();

    /// <summary>E-mail addresses invited to the leaders' folder, besides the delegates marked "Chủ trì" in the list (<c>audiences.leaders</c>).</summary>
    public IReadOnlyList<string> Leaders { get; init; } = [];

    /// <summary>E-mail addresses (a group or people) given the secretariat's folder (<c>audiences.secretariat</c>).</summary>
    public IReadOnlyList<string> Secretariat { get; init; } = [];

    /// <summary>Who <paramref name="kind"/> is for in this plan.</summary>
    public Audience Of(OutputKind kind) => Moves.TryGetValue(kind, out var moved) ? moved : OutputKinds.Default(kind);

    /// <summary>The output sub-folder of <paramref name="kind"/> in this plan (<see cref="OutputKinds.Folder"/>).</summary>
    public string FolderOf(OutputKind kind) => OutputKinds.Folder(Of(kind));

    /// <summary>The kinds this plan gives to <paramref name="audience"/>.</summary>
    public IEnumerable<OutputKind> KindsFor(Audience audience) => OutputKinds.All.Where(k => Of(k) == audience);
}
