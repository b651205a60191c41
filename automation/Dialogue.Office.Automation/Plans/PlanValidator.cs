using System.Globalization;
using System.Text.RegularExpressions;
using Dialogue.Office.Automation.Diagnostics;

namespace Dialogue.Office.Automation.Plans;

/// <summary>Checks that need the whole plan: references between parts, dates in order, document numbers.</summary>
internal static partial class PlanValidator
{
    public static void Validate(ConferencePlan plan, ProblemList problems)
    {
        Unique(plan, problems, plan.Venues, v => v.Id, i => i == 0 ? "main_hall.id" : $"bridge_points[{i}].id", "venue");
        Unique(plan, problems, plan.Topics, t => t.Number.ToString(CultureInfo.InvariantCulture), i => $"topics[{i + 1}].number", "topic");
        Unique(plan, problems, plan.Units, u => u.Id, i => $"units[{i + 1}].id", "unit");
        Unique(plan, problems, plan.Deadlines, d => d.Id, i => $"deadlines[{i + 1}].id", "deadline");

        for (var i = 0; i < plan.Units.Count; i++)
        {
            var unit = plan.Units[i];
            if (unit.VenueId.Length > 0 && plan.FindVenue(unit.VenueId) is null)
            {
                var guess = Suggestions.Closest(unit.VenueId, plan.Venues.Select(v => (v.Id, v.Name)));
                problems.Error("PLAN_UNKNOWN_VENUE", plan.LocationOf($"units[{i + 1}].venue"), $"Unit '{unit.Id}' names unknown bridge point '{unit.VenueId}'.",
                    unit.VenueId, string.Join(", ", plan.Venues.Select(v => v.Id)), Suggestions.Sentence(guess, plan.FindVenue(guess ?? "")?.Name));
            }

            if (unit.DeadlineId.Length > 0 && plan.FindDeadline(unit.DeadlineId) is null)
            {
                var guess = Suggestions.Closest(unit.DeadlineId, plan.Deadlines.Select(d => (d.Id, d.Description)));
                problems.Error("PLAN_UNKNOWN_DEADLINE", plan.LocationOf($"units[{i + 1}].deadline"), $"Unit '{unit.Id}' names unknown deadline '{unit.DeadlineId}'.",
                    unit.DeadlineId, Suggestions.Sentence(guess));
            }
        }

        for (var i = 0; i < plan.Topics.Count; i++)
        {
            if (plan.Topics[i].Departments.Count == 0)
            {
                problems.Error("PLAN_MISSING_FIELD", plan.LocationOf($"topics[{i + 1}].departments"), "A topic needs at least one answering department.", $"topics[{i + 1}].departments");
            }
        }

        var date = plan.Conference.Date;
        if (date != default)
        {
            if (plan.Invitation.Date != default && plan.Invitation.Date > date)
            {
                problems.Error("PLAN_DATE_ORDER", plan.LocationOf("invitation.date"), "The invitation is dated after the conference.",
                    "invitation.date", Format(plan.Invitation.Date), "ngày hội nghị", Format(date));
            }

            for (var i = 0; i < plan.Deadlines.Count; i++)
            {
                if (plan.Deadlines[i].Date != default && plan.Deadlines[i].Date > date)
                {
                    problems.Error("PLAN_DATE_ORDER", plan.LocationOf($"deadlines[{i + 1}].date"), "A deadline falls after the conference.",
                        $"deadlines[{i + 1}].date", Format(plan.Deadlines[i].Date), "ngày hội nghị", Format(date));
                }
            }

            if (plan.Conference.ConfirmBy is { } confirm && confirm > date)
            {
                problems.Error("PLAN_DATE_ORDER", plan.LocationOf("conference.confirm_by"), "Confirmation is due after the conference.",
                    "conference.confirm_by", Format(confirm), "ngày hội nghị", Format(date));
            }
        }

        CheckNumber(plan, problems, "invitation.number", plan.Invitation.Number, "GM");
        if (plan.ProgrammeDocument is { } programme)
        {
            CheckNumber(plan, problems, "programme_document.number", programme.Number, "CTr");
        }

        if (!Uri.TryCreate(plan.Conference.PacketUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            if (plan.Conference.PacketUrl.Length > 0)
            {
                problems.Error("PLAN_BAD_URL", plan.LocationOf("conference.packet_url"), $"'{plan.Conference.PacketUrl}' is not an http(s) link.", plan.Conference.PacketUrl);
            }
        }

        foreach (var venue in plan.Venues)
        {
            if (venue.Layout is { Blocks.Count: > 0 } layout && layout.Blocks.Sum() != layout.SeatsPerRow)
            {
                var key = venue.IsMain ? "main_hall.layout.blocks" : "bridge_points";
                problems.Error("PLAN_LAYOUT_MISMATCH", plan.LocationOf(key), "Blocks do not add up to the seats per row.",
                    string.Join(" + ", layout.Blocks), layout.SeatsPerRow.ToString(CultureInfo.InvariantCulture));
            }
        }

        CheckSigner(plan, problems, "signer", plan.Signer);
        Unique(plan, problems, plan.AllIssuers, s => s.Id, i => i == 0 ? "issuer.id" : $"issuers[{i}].id", "issuer");
        for (var i = 0; i < plan.Issuers.Count; i++)
        {
            var issuer = plan.Issuers[i];
            var path = $"issuers[{i + 1}]";
            CheckNumber(plan, problems, $"{path}.invitation_number", issuer.Number, "GM");
            CheckSigner(plan, problems, $"{path}.signer", issuer.Signer);
            if (date != default && issuer.Date != default && issuer.Date > date)
            {
                problems.Error("PLAN_DATE_ORDER", plan.LocationOf($"{path}.date"), "The invitation is dated after the conference.",
                    $"{path}.date", Format(issuer.Date), "ngày hội nghị", Format(date));
            }

            foreach (var venue in issuer.Venues.Where(v => plan.FindVenue(v) is null))
            {
                var guess = Suggestions.Closest(venue, plan.Venues.Select(v => (v.Id, v.Name)));
                problems.Error("PLAN_UNKNOWN_VENUE", plan.LocationOf($"{path}.invites.venues"), $"Issuer '{issuer.Id}' invites to unknown venue '{venue}'.",
                    venue, string.Join(", ", plan.Venues.Select(v => v.Id)), Suggestions.Sentence(guess, plan.FindVenue(guess ?? "")?.Name));
            }

            // An issuer whose invites name no group or venue invites only the rows that name it: with none, it is dead.
            if (issuer.Groups.Count == 0 && issuer.Venues.Count == 0 && plan.Delegates.Count > 0
                && !plan.Delegates.Any(d => string.Equals(d.IssuerId, issuer.Id, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Warning("PLAN_ISSUER_UNUSED", plan.LocationOf($"{path}.invites"), $"Issuer '{issuer.Id}' invites nobody.", issuer.Id);
            }
        }

        if (plan.BridgePointLetter is { } letter)
        {
            CheckCongVanNumber(plan, problems, "bridge_point_letter.number", letter.Number);
            if (letter.Signer is { } own)
            {
                CheckSigner(plan, problems, "bridge_point_letter.signer", own);
            }

            if (letter.IssuerId.Length > 0 && plan.FindIssuer(letter.IssuerId) is null)
            {
                problems.Error("PLAN_BAD_VALUE", plan.LocationOf("bridge_point_letter.issuer"), $"Unknown issuer '{letter.IssuerId}'.",
                    "bridge_point_letter.issuer", $"mã một cơ quan mời của kế hoạch ({string.Join(", ", plan.AllIssuers.Select(i => i.Id))})");
            }

            if (date != default && letter.Date != default && letter.Date > date)
            {
                problems.Error("PLAN_DATE_ORDER", plan.LocationOf("bridge_point_letter.date"), "The letter is dated after the conference.",
                    "bridge_point_letter.date", Format(letter.Date), "ngày hội nghị", Format(date));
            }

            if (date != default && letter.ReportBy is { } reportBy && reportBy > date)
            {
                problems.Error("PLAN_DATE_ORDER", plan.LocationOf("bridge_point_letter.report_by"), "The list is due after the conference.",
                    "bridge_point_letter.report_by", Format(reportBy), "ngày hội nghị", Format(date));
            }
        }

        if (plan.Sharing.LinkScope is not ("organization" or "anonymous" or "users"))
        {
            problems.Error("PLAN_BAD_VALUE", plan.LocationOf("sharing.link_scope"), "link_scope must be organization, anonymous or users.",
                "sharing.link_scope", "organization, anonymous hoặc users");
        }

        if (Programme.ConferenceSchedule.Compute(plan).Dialogue is { } dialogue && plan.Topics.Count > 0)
        {
            int fixedMinutes = 0, free = 0;
            foreach (var topic in plan.Topics)
            {
                fixedMinutes += topic.Minutes ?? 0;
                free += topic.Minutes is null ? 1 : 0;
            }

            var pause = Programme.ConferenceSchedule.BreakOf(dialogue.Item);
            if (fixedMinutes + pause + free > dialogue.Item.Minutes)
            {
                // Where to look: the topic given the most minutes.
                var longest = plan.Topics.Select((t, i) => (t.Minutes ?? 0, i)).Max();
                problems.Error("PLAN_DIALOGUE_TIME", plan.LocationOf(longest.Item1 > 0 ? $"topics[{longest.i + 1}].minutes" : "topics"), "Topic minutes and the break exceed the dialogue item.",
                    fixedMinutes.ToString(CultureInfo.InvariantCulture), pause.ToString(CultureInfo.InvariantCulture), dialogue.Item.Minutes.ToString(CultureInfo.InvariantCulture));
            }
        }

        if (plan.Programme.Count > 0 && !plan.Programme.Any(p => p.IsDialogue))
        {
            problems.Warning("PLAN_NO_DIALOGUE_ITEM", plan.LocationOf("programme"), "No programme item is marked 'dialogue: true'.");
        }
    }

    /// <summary>
    /// The signature block against ND30 Điều 13 (thẩm quyền ký): TM. for a collective, KT. when a deputy signs for the
    /// head, TL./TUQ. when the head of an office signs by order or by authorisation, Q. for an acting head. Catches the
    /// forms a secretariat would send back: a deputy signing without "KT.", "KT." with a head's title, "TL. X" signed by
    /// X himself, a position or authority not in capitals.
    /// </summary>
    private static void CheckSigner(ConferencePlan plan, ProblemList problems, string key, Signer signer)
    {
        var authority = signer.Authority;
        var lines = authority.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var line in lines.Where(l => !AuthorityPattern().IsMatch(l)))
        {
            problems.Warning("PLAN_SIGNER_AUTHORITY", plan.LocationOf($"{key}.authority"), $"Signer authority '{line}' should start with TM., KT., Q., TL. or TUQ.", line);
        }

        var position = signer.Position.Trim();
        if (position.Length == 0)
        {
            return;
        }

        void Form(string reason) =>
            problems.Warning("PLAN_SIGNER_FORM", plan.LocationOf($"{key}.position"), $"Signature block '{authority}' / '{position}': {reason}", authority.Replace('\n', ' '), position, reason);

        if (position != position.ToUpperInvariant() || authority != authority.ToUpperInvariant())
        {
            Form("quyền hạn và chức vụ người ký viết bằng chữ in hoa");
        }

        var upper = position.ToUpperInvariant();
        var deputy = upper.StartsWith("PHÓ ", StringComparison.Ordinal);
        var last = lines.Length > 0 ? lines[^1].ToUpperInvariant() : "";
        if (last.StartsWith("KT.", StringComparison.Ordinal) && !deputy)
        {
            Form($"ký thay (KT.) là cấp phó ký thay người đứng đầu, nên chức vụ phải là cấp phó (\"PHÓ {last[3..].Trim()}\"), không phải \"{position}\"");
        }
        else if (deputy && !last.StartsWith("KT.", StringComparison.Ordinal) && !last.StartsWith("TUQ.", StringComparison.Ordinal)
            && !last.StartsWith("TL.", StringComparison.Ordinal) && !last.StartsWith("Q.", StringComparison.Ordinal))
        {
            Form($"cấp phó không ký trực tiếp mà ký thay người đứng đầu: thêm dòng \"KT. {upper[4..]}\" trên chức vụ");
        }
        else if ((last.StartsWith("TL.", StringComparison.Ordinal) || last.StartsWith("TUQ.", StringComparison.Ordinal))
            && last[(last.IndexOf('.') + 1)..].Trim() == upper)
        {
            Form($"\"{last}\" là thừa lệnh (ủy quyền) người đứng đầu, nên người ký là người đứng đầu văn phòng hoặc đơn vị được giao (ví dụ \"CHÁNH VĂN PHÒNG\"), không phải chính \"{position}\"");
        }
    }

    /// <summary>A công văn's number: "NN/ISSUER-UNIT" (ND30 Phụ lục I: no type abbreviation such as GM or CV).</summary>
    private static void CheckCongVanNumber(ConferencePlan plan, ProblemList problems, string key, string number)
    {
        if (number.Length == 0)
        {
            return;
        }

        var match = CongVanPattern().Match(number);
        if (!match.Success)
        {
            problems.Error("PLAN_BAD_DOC_NUMBER", plan.LocationOf(key), $"'{number}' is not 'NN/ISSUER-UNIT'.", number, "127/UBND-VX");
            return;
        }

        var digits = match.Groups["n"].Value;
        if (int.Parse(digits, CultureInfo.InvariantCulture) < 10 && !digits.StartsWith('0'))
        {
            problems.Error("PLAN_DOC_NUMBER_ZERO", plan.LocationOf(key), $"Numbers below 10 take a leading zero: '{number}'.", number);
        }

        if (match.Groups["first"].Value is "GM" or "KH" or "CTr" or "TB" or "BC" or "QĐ" or "CV" or "TTr")
        {
            problems.Warning("PLAN_CONG_VAN_NUMBER", plan.LocationOf(key), $"'{number}' carries a type abbreviation; a công văn has none.", number);
        }
    }

    private static void CheckNumber(ConferencePlan plan, ProblemList problems, string key, string number, string expectedType)
    {
        if (number.Length == 0)
        {
            return;
        }

        var match = NumberPattern().Match(number);
        if (!match.Success)
        {
            problems.Error("PLAN_BAD_DOC_NUMBER", plan.LocationOf(key), $"'{number}' is not 'NN/{expectedType}-ISSUER'.", number, $"05/{expectedType}-UBND");
            return;
        }

        var digits = match.Groups["n"].Value;
        if (int.Parse(digits, CultureInfo.InvariantCulture) < 10 && !digits.StartsWith('0'))
        {
            problems.Error("PLAN_DOC_NUMBER_ZERO", plan.LocationOf(key), $"Numbers below 10 take a leading zero: '{number}'.", number);
        }

        if (match.Groups["type"].Value != expectedType)
        {
            problems.Warning("PLAN_DOC_TYPE", plan.LocationOf(key), $"'{number}' does not carry the type '{expectedType}'.", number, expectedType);
        }
    }

    /// <summary>Reports ids used twice; <paramref name="key"/> gives the plan key of item i (no tuples: see issue 17).</summary>
    private static void Unique<T>(ConferencePlan plan, ProblemList problems, IEnumerable<T> items, Func<T, string> idOf, Func<int, string> key, string what)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        foreach (var item in items)
        {
            var id = idOf(item);
            if (id.Length > 0 && !seen.Add(id))
            {
                problems.Error("PLAN_DUPLICATE_ID", plan.LocationOf(key(i)), $"Duplicate {what} id '{id}'.", id);
            }

            i++;
        }
    }

    private static string Format(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<n>\d{1,5})/(?<type>[A-ZĐa-zđ]{1,4})-(?<issuer>[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*)$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^(?<n>\d{1,5})/(?<first>[A-ZĐa-zđ0-9]+)(?:-[A-ZĐ0-9]+)*$")]
    private static partial Regex CongVanPattern();

    [GeneratedRegex(@"^(TM|KT|Q|TL|TUQ)\. ")]
    private static partial Regex AuthorityPattern();
}
