using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Programme;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Script;

/// <summary>
/// Writes the MC's words, row by row, from the plan: ổn định tổ chức, văn nghệ, the greeting of the main hall, the
/// reason, the introduction of the main hall's delegates in protocol order, the greeting of each bridge point, the
/// invitation to open, the dialogue topic by topic, the conclusion, the thanks and the close. Times come from
/// <see cref="ConferenceSchedule"/>, the same computation as the programme.
/// </summary>
internal sealed class ScriptComposer(ConferencePlan plan, IReadOnlyList<SelectedQuestion>? questions, int namedSectorDelegates, IReadOnlyDictionary<string, int>? presentAtBridgePoints = null)
{
    /// <summary>The marked place left in each topic when no consolidated questions are given.</summary>
    public const string QuestionsPlaceholder = "[Câu hỏi được chọn sẽ điền sau khi tổng hợp]";

    private const string Mc = "Người dẫn chương trình";
    private const string Applause = "Đề nghị Hội nghị nhiệt liệt hoan nghênh.";

    private readonly ConferenceSchedule _schedule = ConferenceSchedule.Compute(plan);
    private readonly string _area = Area(plan.Issuer.NameInText);

    public IReadOnlyList<ScriptRow> Compose()
    {
        var rows = new List<ScriptRow> { Settle() };
        var number = 0;
        foreach (var slot in _schedule.Slots)
        {
            number++;
            var heading = new ScriptLine($"{number}. {VietnameseText.Upper(slot.Item.Title.TrimEnd('.'))}", LineStyle.Heading);
            var kind = slot.Item.Kind.ToLowerInvariant();
            if (slot.Item.IsDialogue || kind == "dialogue")
            {
                rows.AddRange(Dialogue(slot, heading));
                continue;
            }

            switch (kind)
            {
                case "welcome":
                    rows.Add(Welcome(slot, heading));
                    break;
                case "reason":
                    rows.AddRange(Reason(slot, heading));
                    break;
                case "opening":
                    rows.Add(Speech(slot, heading, "phát biểu khai mạc Hội nghị", []));
                    break;
                case "closing":
                    rows.Add(Speech(slot, heading, "phát biểu kết luận Hội nghị", DialogueWrapUp()));
                    break;
                default:
                    rows.Add(Other(slot, heading));
                    break;
            }
        }

        rows.Add(Close());
        return rows;
    }

    private ScriptRow Settle()
    {
        var points = plan.BridgePoints.Count;
        var lines = new List<ScriptLine>
        {
            new("ỔN ĐỊNH TỔ CHỨC", LineStyle.Heading),
            new(points > 0
                ? $"(Ban Tổ chức đón tiếp, hướng dẫn đại biểu vào chỗ ngồi theo sơ đồ; kiểm tra âm thanh, màn hình và đường truyền tới {ProgrammeDocument.Count(points)} điểm cầu trực tuyến.)"
                : "(Ban Tổ chức đón tiếp, hướng dẫn đại biểu vào chỗ ngồi theo sơ đồ; kiểm tra âm thanh, màn hình.)", LineStyle.Stage),
            new("Đã đến giờ làm việc, Ban Tổ chức xin kính mời các đồng chí đại biểu ổn định chỗ ngồi để Hội nghị chuẩn bị bắt đầu."
                + (points > 0 ? $" Đề nghị các điểm cầu trực tuyến kiểm tra âm thanh, hình ảnh và sẵn sàng kết nối với điểm cầu {plan.MainHall.Name}." : "")),
        };
        return new ScriptRow($"Trước {VietnameseText.CompactTime(_schedule.Start)}", lines, points > 0 ? $"{Mc}; bộ phận kỹ thuật" : Mc);
    }

    private ScriptRow Welcome(ScheduleSlot slot, ScriptLine heading)
    {
        var by = slot.Item.Lead.Length > 0 ? $" do {slot.Item.Lead} thể hiện" : "";
        var lines = new List<ScriptLine>
        {
            heading,
            new("Kính thưa các đồng chí đại biểu!"),
            new($"Mở đầu Hội nghị, xin mời các đồng chí cùng thưởng thức chương trình văn nghệ chào mừng{by}."),
            new("(Biểu diễn các tiết mục văn nghệ chào mừng.)", LineStyle.Stage),
            new(slot.Item.Lead.Length > 0 ? $"Xin cảm ơn các tiết mục văn nghệ đặc sắc của {slot.Item.Lead}." : "Xin cảm ơn các tiết mục văn nghệ đặc sắc."),
        };
        return new ScriptRow(slot.Range, lines, slot.Item.Lead.Length > 0 ? $"{Mc}; {slot.Item.Lead}" : Mc);
    }

    private IEnumerable<ScriptRow> Reason(ScheduleSlot slot, ScriptLine heading)
    {
        var points = plan.BridgePoints.Count;
        var lines = new List<ScriptLine>
        {
            heading,
            new($"Kính thưa các đồng chí lãnh đạo {_area}!"),
            new("Kính thưa các đồng chí đại biểu!"),
            new(points > 0
                ? $"Thưa toàn thể các đồng chí dự Hội nghị tại điểm cầu {plan.MainHall.Name} và {ProgrammeDocument.Count(points)} điểm cầu trực tuyến!"
                : $"Thưa toàn thể các đồng chí dự Hội nghị tại {plan.MainHall.Name}!"),
        };
        var reason = plan.Conference.Reason.Trim();
        if (reason.Length > 0)
        {
            lines.Add(new(Sentence(reason)));
        }
        else
        {
            lines.Add(new($"Hôm nay, {plan.Issuer.NameInText} tổ chức {plan.Conference.Title}."));
        }

        lines.Add(new("Đó là lý do của Hội nghị hôm nay."));
        var who = slot.Item.Lead.Length > 0 ? $"{Mc} ({slot.Item.Lead})" : Mc;
        yield return new ScriptRow(slot.Range, lines, who);
        yield return new ScriptRow("", Introductions(), who);
        if (points > 0)
        {
            yield return new ScriptRow("", BridgePoints(), who);
        }
    }

    /// <summary>
    /// The main hall's delegates in protocol order. Leaders are named one by one; in the other sections people are named
    /// down to the plan's level (<see cref="ProtocolSettings.IntroduceDownTo"/>, default heads of sở, ngành) and the rest
    /// read collectively by body, each body once in the whole introduction; the sector's units and the press by count
    /// and name of outlet.
    /// </summary>
    internal List<ScriptLine> Introductions()
    {
        var lines = new List<ScriptLine>
        {
            new("Giới thiệu đại biểu", LineStyle.Heading),
            new("Về dự Hội nghị hôm nay, thay mặt Ban Tổ chức, tôi xin trân trọng giới thiệu:"),
        };
        var inHall = ProtocolOrder.Sort(plan.Delegates.Where(d => string.Equals(d.VenueId, plan.MainHall.Id, StringComparison.OrdinalIgnoreCase))).ToList();
        var covered = new Covered();
        var downTo = plan.Protocol.IntroduceDownTo;
        var sectorName = plan.Protocol.SectorName.Trim();
        var sections = new (string Heading, Func<ProtocolGroup, bool> Has, bool Leaders)[]
        {
            (_area == "tỉnh" ? "Về phía các cơ quan Trung ương, có:" : "Về phía lãnh đạo cấp trên, có:", g => g == ProtocolGroup.Central, true),
            ($"Về phía lãnh đạo {_area}, có:", ProtocolTitles.IsLeadership, true),
            ("Về phía các ban, sở, ngành, đoàn thể, có:", g => g is ProtocolGroup.PartyBoards or ProtocolGroup.Departments, false),
            ("Về phía các địa phương, có:", g => g == ProtocolGroup.LowerTier, false),
        };
        var hasLeaders = inHall.Any(d => ProtocolTitles.IsLeadership(d.Group));
        foreach (var (heading, has, leaders) in sections)
        {
            var members = inHall.Where(d => has(d.Group)).ToList();
            if (members.Count == 0)
            {
                continue;
            }

            var items = new List<string>();
            var named = members.Where(d => IsNamed(d) && (leaders || d.Level <= downTo)).ToList();
            foreach (var d in members)
            {
                if (named.Contains(d))
                {
                    items.Add(Introduce(d));
                    covered.Add(d);
                }
                else if (leaders && d.Kind == AddresseeKind.Body && !covered.Has(d))
                {
                    items.Add(Introduce(d));
                    covered.Add(d);
                }
            }

            if (!leaders)
            {
                var bodies = Collective(members.Where(d => !named.Contains(d)), covered, out var underCovered, byBody: members[0].Group != ProtocolGroup.LowerTier);
                if (bodies.Count > 0)
                {
                    items.Add($"Đại diện lãnh đạo: {string.Join(", ", bodies)}");
                }

                if (underCovered)
                {
                    items.Add("Đại diện lãnh đạo các phòng, đơn vị chuyên môn");
                }
            }

            if (items.Count == 0)
            {
                continue;
            }

            lines.Add(new(heading));
            AddList(lines, items);

            // Applause after the leaders; central guests share it, or have their own when no provincial leader attends.
            if ((leaders && members[0].Group != ProtocolGroup.Central) || (members[0].Group == ProtocolGroup.Central && !hasLeaders))
            {
                lines.Add(new(Applause));
            }
        }

        var sector = inHall.Where(d => d.Group == ProtocolGroup.Sector).ToList();
        if (sector.Count > 0)
        {
            // The host sector's own leaders (deputies of its sở, its union) are named one level further down than the others:
            // the seed's list for the sector starts with "Lãnh đạo Sở Giáo dục và Đào tạo, Thường trực Công đoàn ngành".
            var sectorDownTo = downTo < TitleLevel.Deputy ? TitleLevel.Deputy : downTo;
            var named = sector.Where(d => IsNamed(d) && d.Level <= sectorDownTo).Take(namedSectorDelegates).ToList();
            var units = sector.Where(d => !named.Contains(d) && IsUnit(d)).ToList();
            var leadership = sector.Where(d => !named.Contains(d) && !IsUnit(d)).ToList();
            var items = named.Select(Introduce).ToList();
            foreach (var d in named)
            {
                covered.Add(d);
            }

            var bodies = Collective(leadership, covered, out var underCovered);
            if (bodies.Count > 0)
            {
                items.Add($"Đại diện lãnh đạo: {string.Join(", ", bodies)}");
            }

            if (underCovered)
            {
                items.Add("Đại diện lãnh đạo các phòng chuyên môn");
            }

            if (items.Count > 0)
            {
                lines.Add(new(sectorName.Length > 0 ? $"Về phía {sectorName}, có:" : "Về phía cán bộ, công chức, viên chức và người lao động, có:"));
                AddList(lines, items, last: units.Count == 0 ? "." : ";");
            }

            if (units.Count > 0)
            {
                var count = units.Select(d => VietnameseText.Fold(d.Organization)).Where(o => o.Length > 0).Distinct().Count();
                var from = count > 1 ? $" của {count} cơ quan, đơn vị" : units[0].Organization.Length > 0 ? $" của {units[0].Organization}" : "";
                lines.Add(new(items.Count > 0
                    ? $"Cùng {units.Count} đồng chí đại biểu đại diện cho cán bộ, công chức, viên chức và người lao động{from}."
                    : $"Cùng dự Hội nghị có {units.Count} đồng chí đại biểu đại diện cho cán bộ, công chức, viên chức và người lao động{from}."));
            }
        }

        var press = inHall.Where(d => d.Group == ProtocolGroup.Press).ToList();
        if (press.Count > 0)
        {
            var outlets = press.OrderBy(d => d.BodyOrder).Select(d => d.Organization.Length > 0 ? d.Organization : d.Addressee)
                .Where(o => o.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            lines.Add(new(outlets.Count > 0
                ? $"Cùng dự và đưa tin về Hội nghị có các đồng chí phóng viên: {string.Join(", ", outlets)}."
                : "Cùng dự và đưa tin về Hội nghị có các đồng chí phóng viên báo chí."));
        }

        lines.Add(new("Đề nghị Hội nghị nhiệt liệt hoan nghênh các đồng chí đại biểu."));
        return lines;
    }

    private static bool IsNamed(ConferenceDelegate d) => d.Kind == AddresseeKind.Person && d.FullName.Length > 0;

    /// <summary>A school or centre of the sector: its people are counted, not listed body by body.</summary>
    private static bool IsUnit(ConferenceDelegate d)
    {
        var org = VietnameseText.Fold(d.Organization);
        return org.StartsWith("truong ", StringComparison.Ordinal) || org.StartsWith("trung tam ", StringComparison.Ordinal) || d.Level == TitleLevel.Staff;
    }

    /// <summary>
    /// The bodies of <paramref name="rest"/> not introduced yet, each once, in protocol order; <paramref name="underCovered"/>
    /// tells whether some of <paramref name="rest"/> belong to bodies already introduced (their offices are then read as one line).
    /// </summary>
    private static List<string> Collective(IEnumerable<ConferenceDelegate> rest, Covered covered, out bool underCovered, bool byBody = true)
    {
        var names = new List<(string Name, int Order)>();
        underCovered = false;
        foreach (var d in rest)
        {
            if (covered.Has(d))
            {
                underCovered |= d.Kind == AddresseeKind.Person;
                continue;
            }

            names.Add((BodyName(d), byBody ? d.BodyOrder : 0));
            covered.Add(d);
        }

        // Bodies in their official order (offices, ban Đảng, sở …), not in the order their first delegate happens to rank.
        return names.Select((n, i) => (n, i)).OrderBy(x => x.n.Order).ThenBy(x => x.i).Select(x => x.n.Name).ToList();
    }

    /// <summary>The body a delegate stands for, as read aloud: "Ban Tổ chức Tỉnh ủy", "Ban Thường vụ Tỉnh đoàn Yên Bái".</summary>
    private static string BodyName(ConferenceDelegate d)
    {
        if (d.Kind == AddresseeKind.Body && d.AddresseeOverride.Length > 0)
        {
            var over = d.AddresseeOverride;
            foreach (var prefix in new[] { "Đại diện lãnh đạo ", "Lãnh đạo " })
            {
                if (over.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    return over[prefix.Length..];
                }
            }

            return over;
        }

        return d.Organization.Length > 0 ? d.Organization : d.Addressee;
    }

    /// <summary>Bodies already introduced, by name (folded), with the texts of the people introduced (a body named in a title is covered too).</summary>
    private sealed class Covered
    {
        private readonly HashSet<string> _bodies = new(StringComparer.Ordinal);
        private readonly List<string> _texts = [];

        public void Add(ConferenceDelegate d)
        {
            _bodies.Add(VietnameseText.Fold(BodyName(d)));
            if (d.Organization.Length > 0)
            {
                _bodies.Add(VietnameseText.Fold(d.Organization));
            }

            _texts.Add(" " + VietnameseText.Fold($"{d.Position} {d.Organization} {d.AddresseeOverride}") + " ");
        }

        public bool Has(ConferenceDelegate d)
        {
            var body = VietnameseText.Fold(BodyName(d));
            var org = VietnameseText.Fold(d.Organization);
            return _bodies.Contains(body) || (org.Length > 0 && _bodies.Contains(org))
                || (body.Length > 0 && _texts.Any(t => t.Contains(" " + body + " ", StringComparison.Ordinal)));
        }
    }

    /// <summary>"Đồng chí Nguyễn Văn A, Giám đốc Sở Nội vụ" or "Đại diện lãnh đạo Ban Tổ chức Tỉnh ủy".</summary>
    internal static string Introduce(ConferenceDelegate d)
    {
        if (d.Kind == AddresseeKind.Person && d.FullName.Length > 0)
        {
            var form = VietnameseText.UpperFirst(d.Honorific.Length > 0 ? d.Honorific.ToLowerInvariant() : "đồng chí");
            var what = d.Position.Length > 0 ? d.Position : d.Organization;
            return what.Length > 0 ? $"{form} {d.FullName}, {what}" : $"{form} {d.FullName}";
        }

        if (d.AddresseeOverride.Length > 0)
        {
            var over = d.AddresseeOverride;
            return over.StartsWith("Đại diện", StringComparison.OrdinalIgnoreCase) ? over
                : over.StartsWith("Lãnh đạo ", StringComparison.Ordinal) ? "Đại diện " + VietnameseText.LowerFirst(over)
                : "Đại diện " + over;
        }

        return d.Organization.Length > 0 ? $"Đại diện lãnh đạo {d.Organization}" : d.Addressee;
    }

    private static void AddList(List<ScriptLine> lines, IReadOnlyList<string> items, string last = ".")
    {
        for (var i = 0; i < items.Count; i++)
        {
            lines.Add(new($"- {items[i]}{(i == items.Count - 1 ? last : ";")}", LineStyle.Item));
        }
    }

    /// <summary>Each bridge point by name, with its highest-ranked delegate when the list has one.</summary>
    private List<ScriptLine> BridgePoints()
    {
        var points = plan.BridgePoints;
        var lines = new List<ScriptLine>
        {
            new("Chào mừng các điểm cầu trực tuyến", LineStyle.Heading),
            new($"Hội nghị được tổ chức theo hình thức trực tiếp tại điểm cầu {plan.MainHall.Name}, kết hợp trực tuyến tới {ProgrammeDocument.Count(points.Count)} điểm cầu. Tham dự Hội nghị tại các điểm cầu trực tuyến có:"),
        };
        var items = new List<string>();
        foreach (var point in points)
        {
            var top = ProtocolOrder.Sort(plan.Delegates.Where(d => string.Equals(d.VenueId, point.Id, StringComparison.OrdinalIgnoreCase)))
                .FirstOrDefault(d => d.Kind == AddresseeKind.Person && d.FullName.Length > 0);
            if (presentAtBridgePoints?.GetValueOrDefault(point.Id) is > 0 and var present)
            {
                // From the door's check-ins: who is there, and how many with them.
                var where = $"Tại {VietnameseText.LowerFirst(point.Name)}: ";
                items.Add(top is null ? $"{where}{present} đồng chí đại biểu"
                    : present > 1 ? $"{where}{VietnameseText.LowerFirst(Introduce(top))} cùng {present - 1} đồng chí đại biểu"
                    : $"{where}{VietnameseText.LowerFirst(Introduce(top))}");
                continue;
            }

            items.Add(top is not null
                ? $"Tại {VietnameseText.LowerFirst(point.Name)}: {VietnameseText.LowerFirst(Introduce(top))} cùng các đồng chí đại biểu"
                : point.Host.Length > 0 ? $"Tại {VietnameseText.LowerFirst(point.Name)}: các đồng chí đại biểu do {point.Host} mời dự" : $"Tại {VietnameseText.LowerFirst(point.Name)}: các đồng chí đại biểu");
        }

        AddList(lines, items);
        lines.Add(new("Xin nhiệt liệt chào mừng các đồng chí đại biểu dự Hội nghị tại các điểm cầu trực tuyến."));
        lines.Add(new(Applause));
        return lines;
    }

    private ScriptRow Speech(ScheduleSlot slot, ScriptLine heading, string what, IReadOnlyList<ScriptLine> before)
    {
        var (full, shortName) = Resolve(slot.Item.Lead);
        var lines = new List<ScriptLine> { heading };
        lines.AddRange(before);
        if (before.Count == 0)
        {
            lines.Add(new("Kính thưa các đồng chí!"));
        }

        lines.Add(new($"Thay mặt Ban Tổ chức, xin trân trọng kính mời {full} {what}."));
        lines.Add(new($"({VietnameseText.UpperFirst(shortName)} {what}.)", LineStyle.Stage));
        lines.Add(new($"Xin trân trọng cảm ơn {shortName}."));
        return new ScriptRow(slot.Range, lines, $"{Mc}; {shortName}");
    }

    private IReadOnlyList<ScriptLine> DialogueWrapUp() =>
        _schedule.Dialogue is null
            ? []
            : [new("Kính thưa các đồng chí! Phần đối thoại của Hội nghị đã diễn ra thẳng thắn, cởi mở. Những ý kiến chưa có điều kiện trả lời trực tiếp tại Hội nghị sẽ được Ban Tổ chức tiếp thu, tổng hợp và chuyển cơ quan có thẩm quyền trả lời bằng văn bản.")];

    private IEnumerable<ScriptRow> Dialogue(ScheduleSlot slot, ScriptLine heading)
    {
        var topics = plan.Topics.OrderBy(t => t.Number).ToList();
        var lines = new List<ScriptLine>
        {
            heading,
            new("Kính thưa các đồng chí!"),
            new(topics.Count > 0
                ? $"Tiếp theo chương trình, Hội nghị chuyển sang phần đối thoại. Các câu hỏi, ý kiến, kiến nghị gửi Hội nghị đã được tổng hợp theo {ProgrammeDocument.Count(topics.Count)} nhóm vấn đề. Để phần đối thoại đạt hiệu quả, đề nghị các đại biểu nêu ý kiến ngắn gọn, đúng trọng tâm; các cơ quan được phân công trả lời rõ ràng, đi thẳng vào vấn đề."
                : "Tiếp theo chương trình, Hội nghị chuyển sang phần đối thoại. Đề nghị các đại biểu nêu ý kiến ngắn gọn, đúng trọng tâm; các cơ quan được phân công trả lời rõ ràng, đi thẳng vào vấn đề."),
            new("Xin trân trọng kính mời đồng chí chủ trì Hội nghị điều hành phần đối thoại."),
        };
        yield return new ScriptRow(slot.Range, lines, slot.Item.Lead.Length > 0 ? $"{Mc}; {VietnameseText.LowerFirst(slot.Item.Lead)}" : Mc);

        var parts = _schedule.DialogueParts.Count > 0 ? _schedule.DialogueParts : topics.Select(t => new DialoguePart(t, slot.Start, slot.Start, [])).ToList();
        foreach (var part in parts)
        {
            if (part.Topic is not { } topic)
            {
                yield return part.Open ? OpenTurn(part) : Pause(part, parts);
                continue;
            }

            var minutes = (int)(part.End - part.Start).TotalMinutes;
            var topicLines = new List<ScriptLine>
            {
                new($"Nhóm vấn đề {topic.Number}: {topic.ShortName}{(minutes > 0 ? $" ({minutes} phút)" : "")}", LineStyle.Heading),
                new($"Đề nghị các đại biểu nêu câu hỏi, ý kiến về {VietnameseText.LowerFirst(topic.Title.TrimEnd('.'))}."),
            };
            var chosen = questions?.Where(q => q.TopicNumber == topic.Number).ToList();
            if (plan.BridgePoints.Count > 0)
            {
                topicLines.Add(new($"Lượt câu hỏi tại điểm cầu {plan.MainHall.Name}:", LineStyle.Stage));
            }

            if (chosen is null)
            {
                topicLines.Add(new(QuestionsPlaceholder, LineStyle.Placeholder));
            }
            else if (chosen.Count == 0)
            {
                topicLines.Add(new("(Nhóm vấn đề này chưa có câu hỏi được chọn; đại biểu nêu ý kiến trực tiếp tại Hội nghị.)", LineStyle.Stage));
            }
            else
            {
                for (var i = 0; i < chosen.Count; i++)
                {
                    var q = chosen[i];
                    var asker = string.Join(", ", new[] { q.Asker, q.Unit }.Where(s => s.Length > 0));
                    // "Câu hỏi 1 của đồng chí A (Trường X): …" as the MC says it; not "(đồng chí A (Trường X))".
                    var by = asker.Length == 0 ? "" : asker.StartsWith("đồng chí ", StringComparison.Ordinal) ? $" của {asker}" : $" ({asker})";
                    topicLines.Add(new($"Câu hỏi {i + 1}{by}: {Sentence(q.Text)}", LineStyle.Item));
                    topicLines.Add(new($"Cơ quan trả lời: {(q.Department.Length > 0 ? q.Department : (topic.Departments.Count > 0 ? topic.Departments[0] : "chủ trì Hội nghị"))}.", LineStyle.Stage));
                }
            }

            if (part.BridgeTurn.Count > 0)
            {
                var names = string.Join(", ", part.BridgeTurn.Select(p => $"điểm cầu {ProgrammeDocument.BridgeName(p.Name)}"));
                topicLines.Add(new($"Lượt câu hỏi từ các điểm cầu trực tuyến: xin mời {names} nêu câu hỏi, ý kiến về nhóm vấn đề này. Đề nghị bộ phận kỹ thuật kết nối âm thanh, hình ảnh.", LineStyle.Stage));
            }

            if (topic.Departments.Count > 0)
            {
                var others = topic.Departments.Skip(1).ToList();
                topicLines.Add(new($"Xin mời đại diện lãnh đạo {topic.Departments[0]} trả lời"
                    + (others.Count > 0 ? $"; đại diện lãnh đạo {string.Join(", ", others)} bổ sung (nếu có)." : ".")));
            }

            yield return new ScriptRow(minutes > 0 ? part.Range : "", topicLines, topic.Departments.Count > 0 ? $"Chủ trì Hội nghị điều hành; {string.Join(", ", topic.Departments)} trả lời" : "Chủ trì Hội nghị điều hành, trả lời");
        }
    }

    /// <summary>The giải lao inside the dialogue: the MC announces it and the time the dialogue resumes.</summary>
    private ScriptRow Pause(DialoguePart part, IReadOnlyList<DialoguePart> parts)
    {
        var minutes = (int)(part.End - part.Start).TotalMinutes;
        var nextTopic = parts.SkipWhile(p => p != part).Skip(1).FirstOrDefault(p => p.Topic is not null)?.Topic;
        var lines = new List<ScriptLine>
        {
            new("GIẢI LAO", LineStyle.Heading),
            new($"Kính thưa các đồng chí! Hội nghị xin giải lao {minutes} phút. Đúng {VietnameseText.Time(part.End)}, Hội nghị tiếp tục phần đối thoại"
                + (nextTopic is not null ? $" với nhóm vấn đề {nextTopic.Number}: {nextTopic.ShortName}." : ".")),
        };
        if (plan.BridgePoints.Count > 0)
        {
            lines.Add(new("(Các điểm cầu trực tuyến giữ kết nối trong thời gian giải lao.)", LineStyle.Stage));
        }

        return new ScriptRow(part.Range, lines, Mc);
    }

    /// <summary>Time left when every topic has fixed minutes: questions from the hall and every bridge point.</summary>
    private ScriptRow OpenTurn(DialoguePart part)
    {
        var lines = new List<ScriptLine>
        {
            new("Ý kiến khác", LineStyle.Heading),
            new(part.BridgeTurn.Count > 0
                ? $"Đề nghị các đại biểu tại điểm cầu {plan.MainHall.Name} và các điểm cầu trực tuyến nêu những câu hỏi, ý kiến chưa thuộc các nhóm vấn đề trên hoặc cần trao đổi thêm."
                : "Đề nghị các đại biểu nêu những câu hỏi, ý kiến chưa thuộc các nhóm vấn đề trên hoặc cần trao đổi thêm."),
        };
        return new ScriptRow(part.Range, lines, "Chủ trì Hội nghị điều hành");
    }

    private ScriptRow Other(ScheduleSlot slot, ScriptLine heading)
    {
        var (full, shortName) = Resolve(slot.Item.Lead);
        var lines = new List<ScriptLine>
        {
            heading,
            new(slot.Item.Lead.Length > 0
                ? $"Tiếp theo chương trình, xin trân trọng kính mời {full} thực hiện nội dung: {VietnameseText.LowerFirst(slot.Item.Title.TrimEnd('.'))}."
                : $"Tiếp theo chương trình là nội dung: {VietnameseText.LowerFirst(slot.Item.Title.TrimEnd('.'))}."),
        };
        if (slot.Item.Lead.Length > 0)
        {
            lines.Add(new($"Xin trân trọng cảm ơn {shortName}."));
        }

        return new ScriptRow(slot.Range, lines, slot.Item.Lead.Length > 0 ? $"{Mc}; {shortName}" : Mc);
    }

    private ScriptRow Close()
    {
        var points = plan.BridgePoints.Count;
        var where = points > 0
            ? $"tại điểm cầu {plan.MainHall.Name} và {ProgrammeDocument.Count(points)} điểm cầu trực tuyến"
            : $"tại {plan.MainHall.Name}";
        var hasPress = plan.Delegates.Any(d => d.Group == ProtocolGroup.Press);
        var lines = new List<ScriptLine>
        {
            new("BẾ MẠC HỘI NGHỊ", LineStyle.Heading),
            new($"Kính thưa các đồng chí lãnh đạo {_area}!"),
            new("Kính thưa các đồng chí đại biểu!"),
            new($"{plan.Conference.Title} đã hoàn thành toàn bộ nội dung chương trình đề ra. Thay mặt Ban Tổ chức, xin trân trọng cảm ơn các đồng chí lãnh đạo, các đồng chí đại biểu đã dự Hội nghị {where}"
                + (hasPress ? "; cảm ơn các cơ quan báo chí đã đến dự và đưa tin về Hội nghị." : ".")),
            new("Kính chúc các đồng chí sức khỏe, hạnh phúc và thành công."),
            new("Hội nghị xin được bế mạc. Xin trân trọng cảm ơn!"),
        };
        return new ScriptRow(VietnameseText.CompactTime(_schedule.End), lines, Mc);
    }

    /// <summary>
    /// A lead such as "Đồng chí Chủ tịch Ủy ban nhân dân tỉnh" resolved to the delegate who holds that position
    /// (matched against whole parts of the position, so "Phó Chủ tịch …" is not taken for "Chủ tịch …"); returns the
    /// words for the invitation ("đồng chí Trần Huy Tuấn, Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh") and the short
    /// form for thanks ("đồng chí Trần Huy Tuấn"). Unresolved leads are used as written.
    /// </summary>
    internal (string Full, string Short) Resolve(string lead)
    {
        var role = lead.Trim().TrimEnd('.');
        foreach (var prefix in new[] { "Đồng chí ", "đồng chí " })
        {
            if (role.StartsWith(prefix, StringComparison.Ordinal))
            {
                role = role[prefix.Length..];
            }
        }

        if (role.Length == 0)
        {
            return ("đồng chí chủ trì Hội nghị", "đồng chí chủ trì Hội nghị");
        }

        var key = VietnameseText.Fold(role);
        var holder = ProtocolOrder.Sort(plan.Delegates.Where(d => d.Kind == AddresseeKind.Person && d.FullName.Length > 0))
            .OrderBy(d => d.IsPresidium ? 0 : 1)
            .FirstOrDefault(d => d.Position.Split(',').Any(part => VietnameseText.Fold(part) == key));
        if (holder is null)
        {
            var asWritten = VietnameseText.LowerFirst(lead.Trim().TrimEnd('.'));
            return (asWritten, asWritten);
        }

        var form = holder.Honorific.Length > 0 ? holder.Honorific.ToLowerInvariant() : "đồng chí";
        return ($"{form} {holder.FullName}, {holder.Position}", $"{form} {holder.FullName}");
    }

    private static string Sentence(string text)
    {
        var t = text.Trim();
        return t.Length == 0 || ".?!…".Contains(t[^1]) ? t : t + ".";
    }

    /// <summary>
    /// How the MC names the leadership level: "tỉnh" from "Ủy ban nhân dân tỉnh Yên Bái", "xã" from "Ủy ban nhân dân xã …",
    /// "thành phố" from "… thành phố …"; "Hội nghị" wording stays correct when the issuer is not a People's Committee.
    /// </summary>
    internal static string Area(string issuerInText)
    {
        var folded = VietnameseText.Fold(issuerInText);
        foreach (var (unit, word) in new[] { ("thanh pho", "thành phố"), ("tinh", "tỉnh"), ("phuong", "phường"), ("xa", "xã"), ("dac khu", "đặc khu") })
        {
            if (folded.Contains(" " + unit + " ", StringComparison.Ordinal))
            {
                return word;
            }
        }

        return "đơn vị";
    }
}
