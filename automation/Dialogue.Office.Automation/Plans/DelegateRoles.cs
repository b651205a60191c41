using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Plans;

/// <summary>
/// What a delegate does at the conference (vai trò). The seed plan: "Kính mời Thường trực Tỉnh ủy và đồng chí Chủ tịch
/// UBND tỉnh đồng chủ trì Hội nghị"; "Tham gia đồng chủ trì Hội nghị: … Phó Chủ tịch UBND tỉnh …; Giám đốc các Sở …".
/// </summary>
public enum DelegateRole
{
    /// <summary>Đại biểu (the default).</summary>
    Delegate,

    /// <summary>Chủ trì.</summary>
    Chair,

    /// <summary>Đồng chủ trì.</summary>
    CoChair,

    /// <summary>Tham gia đồng chủ trì.</summary>
    JoinsCoChair,

    /// <summary>Điều hành (chairs the dialogue part).</summary>
    Moderator,

    /// <summary>Báo cáo viên (presents a report).</summary>
    Speaker,

    /// <summary>Thư ký hội nghị.</summary>
    Secretary,

    /// <summary>Người dẫn chương trình.</summary>
    MasterOfCeremonies,

    /// <summary>Khách mời.</summary>
    Guest,

    /// <summary>Phóng viên.</summary>
    Press,
}

/// <summary>One rule of the plan's <c>roles:</c> section: a role, and the delegates it names (by title, group or name).</summary>
public sealed record RoleRule(DelegateRole Role, IReadOnlyList<string> Titles, IReadOnlyList<ProtocolGroup> Groups, IReadOnlyList<string> Names);

/// <summary>
/// Roles: the list's "Vai trò" column, else the plan's <c>roles:</c> rules (docs/protocol.md). A chairing role seats the
/// delegate at the presidium and changes the letter ("trân trọng kính mời đồng chí đồng chủ trì Hội nghị", no arrival
/// or confirmation chore); a role that does not fit the title held is a warning with the row.
/// </summary>
internal static class DelegateRoles
{
    /// <summary>The roles that sit at the presidium.</summary>
    public static bool IsChairing(DelegateRole role) => role is DelegateRole.Chair or DelegateRole.CoChair or DelegateRole.JoinsCoChair;

    /// <summary>The label written in the list and in messages.</summary>
    public static string Label(DelegateRole role) => role switch
    {
        DelegateRole.Chair => "Chủ trì",
        DelegateRole.CoChair => "Đồng chủ trì",
        DelegateRole.JoinsCoChair => "Tham gia đồng chủ trì",
        DelegateRole.Moderator => "Điều hành",
        DelegateRole.Speaker => "Báo cáo viên",
        DelegateRole.Secretary => "Thư ký hội nghị",
        DelegateRole.MasterOfCeremonies => "Người dẫn chương trình",
        DelegateRole.Guest => "Khách mời",
        DelegateRole.Press => "Phóng viên",
        _ => "Đại biểu",
    };

    public static string AllLabels => string.Join(", ", Enum.GetValues<DelegateRole>().Select(Label));

    /// <summary>Reads a "Vai trò" cell or a plan role name; null when it names no role.</summary>
    public static DelegateRole? Parse(string? text)
    {
        var f = VietnameseText.Fold(text).Replace('_', ' ').Trim();
        return f switch
        {
            "" => null,
            "chu tri" or "chair" => DelegateRole.Chair,
            "dong chu tri" or "co chair" => DelegateRole.CoChair,
            "tham gia dong chu tri" or "joins co chair" => DelegateRole.JoinsCoChair,
            "dieu hanh" or "moderator" => DelegateRole.Moderator,
            "bao cao vien" or "bao cao" or "speaker" => DelegateRole.Speaker,
            "thu ky" or "thu ky hoi nghi" or "secretary" => DelegateRole.Secretary,
            "dan chuong trinh" or "nguoi dan chuong trinh" or "mc" => DelegateRole.MasterOfCeremonies,
            "khach moi" or "guest" => DelegateRole.Guest,
            "phong vien" or "bao chi" or "press" => DelegateRole.Press,
            "dai bieu" or "delegate" => DelegateRole.Delegate,
            _ => null,
        };
    }

    /// <summary>
    /// What the letter invites the delegate to do, after "trân trọng kính mời đồng chí": "chủ trì", "đồng chủ trì",
    /// "tham gia đồng chủ trì", or "tới dự".
    /// </summary>
    public static string InvitationVerb(DelegateRole role) => role switch
    {
        DelegateRole.Chair => "chủ trì",
        DelegateRole.CoChair => "đồng chủ trì",
        DelegateRole.JoinsCoChair => "tham gia đồng chủ trì",
        DelegateRole.Moderator => "điều hành",
        DelegateRole.Speaker => "báo cáo tại",
        DelegateRole.Secretary => "làm thư ký",
        DelegateRole.Press => "tới dự và đưa tin",
        _ => "tới dự",
    };

    /// <summary>The role a plan rule gives <paramref name="d"/>, or null.</summary>
    public static DelegateRole? FromRules(IReadOnlyList<RoleRule> rules, ConferenceDelegate d)
    {
        var position = VietnameseText.Fold(d.Kind == AddresseeKind.Person ? d.Position : d.Addressee);
        var parts = position.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var name = VietnameseText.Fold(d.FullName);
        foreach (var rule in rules)
        {
            if ((name.Length > 0 && rule.Names.Any(n => VietnameseText.Fold(n) == name))
                || rule.Titles.Any(t => parts.Any(p => p.StartsWith(VietnameseText.Fold(t), StringComparison.Ordinal)))
                || rule.Groups.Contains(d.Group))
            {
                return rule.Role;
            }
        }

        return null;
    }

    /// <summary>
    /// Gives every delegate its role (column first, then the plan's rules) and seats the chairing roles at the presidium;
    /// warns, with the row, when a role contradicts the title held.
    /// </summary>
    internal static IReadOnlyList<ConferenceDelegate> Apply(ConferencePlan plan, IReadOnlyList<ConferenceDelegate> delegates, ProblemList problems)
    {
        var result = new List<ConferenceDelegate>(delegates.Count);
        foreach (var d in delegates)
        {
            var role = d.Role != DelegateRole.Delegate ? d.Role : FromRules(plan.Roles, d) ?? DelegateRole.Delegate;
            var who = d.Kind == AddresseeKind.Person ? $"{d.FullName} ({d.Position})" : d.Addressee;
            var where = Locations.Row(plan.DelegateFile, DelegateColumns.SheetName, d.Row, DelegateColumns.All.First(c => c.Key == "role").Header);
            if (IsChairing(role) && (d.Level is TitleLevel.Office or TitleLevel.Staff || d.Group is ProtocolGroup.Press))
            {
                problems.Warning("DELEGATE_ROLE_CONTRADICTS_TITLE", where, $"Role {role} does not fit the title of {who}.", Label(role), who,
                    "vai trò chủ trì dành cho lãnh đạo");
            }
            else if (role == DelegateRole.Press && d.Group != ProtocolGroup.Press)
            {
                problems.Warning("DELEGATE_ROLE_CONTRADICTS_TITLE", where, $"Role {role} does not fit the title of {who}.", Label(role), who,
                    "phóng viên thuộc cơ quan báo chí");
            }

            result.Add(d with { Role = role, IsPresidium = d.IsPresidium || IsChairing(role) });
        }

        return result;
    }
}
