using System.Text.RegularExpressions;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Inputs;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Dialogue.Office.Automation.Plans;

/// <summary>The outcome of reading a plan folder: the plan (when it could be built) and every problem found.</summary>
public sealed record PlanLoadResult(ConferencePlan? Plan, IReadOnlyList<Problem> Problems)
{
    public bool HasErrors => Plan is null || Problems.Any(p => p.IsError);

    /// <summary>The plan, or a <see cref="ProblemException"/> with every error.</summary>
    public ConferencePlan Require() =>
        HasErrors ? throw new ProblemException(Problems.Where(p => p.IsError).ToList()) : Plan!;
}

/// <summary>Reads and validates a plan folder (<c>plan.yaml</c> + the delegate list it names).</summary>
public static partial class PlanLoader
{
    public const string PlanFileName = "plan.yaml";

    private const string SyntaxHint = "kiểm tra dấu ngoặc, dấu nháy kép, dấu hai chấm và thụt đầu dòng ở dòng này hoặc dòng ngay trước";

    /// <summary>Reads the plan in <paramref name="folder"/>; never throws for bad input, reports problems instead.</summary>
    public static PlanLoadResult Load(string folder)
    {
        var started = PhaseTimings.Timestamp();
        var problems = new ProblemList();
        var full = Path.GetFullPath(folder);
        var planPath = Path.Combine(full, PlanFileName);
        if (!Directory.Exists(full))
        {
            problems.Error("PLAN_FOLDER_MISSING", folder, $"Plan folder '{folder}' does not exist.", folder);
            return new PlanLoadResult(null, problems.Items);
        }

        if (!File.Exists(planPath))
        {
            problems.Error("PLAN_FILE_MISSING", Path.Combine(folder, PlanFileName), $"No {PlanFileName} in '{folder}'.", folder);
            return new PlanLoadResult(null, problems.Items);
        }

        string text;
        try
        {
            text = InputFile.ReadAllText(planPath, InputLimits.PlanFileBytes, PlanFileName);
        }
        catch (InputFileException ex)
        {
            problems.Add(ex.ToProblem(ex.Reason == InputRejection.NotUtf8 ? Locations.Line(PlanFileName, checked((int)ex.Measure)) : PlanFileName));
            return new PlanLoadResult(null, problems.Items);
        }

        // Tabs, repeated keys and aliases are reported at their own lines before anything is built.
        YamlPrecheck.Check(text, PlanFileName, problems);
        if (problems.HasErrors)
        {
            return new PlanLoadResult(null, problems.Items);
        }

        YamlMappingNode root;
        Parser? parser = null;
        try
        {
            var stream = new YamlStream();
            using (var reader = new StringReader(text))
            {
                parser = new Parser(reader);
                stream.Load(parser);
            }

            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                problems.Error("PLAN_YAML_SYNTAX", Locations.Line(PlanFileName, 1), "The plan file is empty or not a mapping.", "tệp rỗng hoặc không phải danh sách khóa");
                return new PlanLoadResult(null, problems.Items);
            }

            root = map;
        }
        catch (YamlException ex)
        {
            // ex.Message is English parser jargon: it goes to Detail (logs), the user gets a hint in Vietnamese.
            problems.Error("PLAN_YAML_SYNTAX", Locations.Line(PlanFileName, checked((int)ex.Start.Line)), $"YAML syntax: {ex.Message}", SyntaxHint);
            return new PlanLoadResult(null, problems.Items);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet 18 throws these instead of a YamlException on some unclosed flow collections ("[07:30") and on
            // a %TAG directive whose prefix is not a URI (found by the fuzz run).
            var line = parser?.Current is { } current ? checked((int)current.Start.Line) : 0;
            problems.Error("PLAN_YAML_SYNTAX", Locations.Line(PlanFileName, line), $"YAML syntax: {ex.Message}", SyntaxHint);
            return new PlanLoadResult(null, problems.Items);
        }

        var lines = new Dictionary<string, int>();
        var y = new YamlNodeReader(PlanFileName, problems, lines);
        var plan = Build(full, root, y, problems, lines);
        PhaseTimings.Since("plan: plan.yaml read and parsed", started);
        if (plan is not null)
        {
            using (PhaseTimings.Start("plan: delegate list read"))
            {
                var delegates = DelegateRoles.Apply(plan, DelegateListReader.Read(plan, problems), problems);
                plan = WithDelegates(plan, delegates);
            }

            using (PhaseTimings.Start("plan: validated"))
            {
                PlanValidator.Validate(plan, problems);
            }
        }

        return new PlanLoadResult(plan, problems.Items);
    }

    /// <summary>The same plan with another delegate list (the attendance register's view of who comes).</summary>
    internal static ConferencePlan WithDelegates(ConferencePlan plan, IReadOnlyList<ConferenceDelegate> delegates) => new()
    {
        Folder = plan.Folder,
        FileName = plan.FileName,
        Issuer = plan.Issuer,
        Issuers = plan.Issuers,
        BridgePointLetter = plan.BridgePointLetter,
        Roles = plan.Roles,
        Conference = plan.Conference,
        MainHall = plan.MainHall,
        BridgePoints = plan.BridgePoints,
        Programme = plan.Programme,
        Topics = plan.Topics,
        Deadlines = plan.Deadlines,
        Units = plan.Units,
        Signer = plan.Signer,
        Invitation = plan.Invitation,
        ProgrammeDocument = plan.ProgrammeDocument,
        ScriptDocument = plan.ScriptDocument,
        Recipients = plan.Recipients,
        DelegateFile = plan.DelegateFile,
        Delegates = delegates,
        Sharing = plan.Sharing,
        Attendance = plan.Attendance,
        Audiences = plan.Audiences,
        Protocol = plan.Protocol,
        KeyLines = plan.KeyLines,
    };

    private static ConferencePlan? Build(string folder, YamlMappingNode root, YamlNodeReader y, ProblemList problems, Dictionary<string, int> lines)
    {
        y.KnownKeys(root, "", "schema", "issuer", "conference", "main_hall", "bridge_points", "programme", "topics", "deadlines",
            "units", "invitation", "programme_document", "script_document", "signer", "recipients", "delegates", "sharing", "protocol", "issuers", "bridge_point_letter", "roles", "attendance", "audiences");

        var issuerMap = y.Map(root, "issuer", "issuer", true);
        y.KnownKeys(issuerMap, "issuer", "id", "parent", "name", "name_in_text", "place");
        var issuer = new Issuer
        {
            Id = y.Text(issuerMap, "id", "issuer.id", false, "main"),
            Parent = y.Text(issuerMap, "parent", "issuer.parent", false),
            Name = y.Text(issuerMap, "name", "issuer.name", true),
            NameInText = y.Text(issuerMap, "name_in_text", "issuer.name_in_text", true),
            Place = y.Text(issuerMap, "place", "issuer.place", true),
        };

        var c = y.Map(root, "conference", "conference", true);
        y.KnownKeys(c, "conference", "code", "title", "purpose", "reason", "date", "start", "form", "chair", "packet_url", "contact", "confirm_by");
        var formText = y.Text(c, "form", "conference.form", false, "hybrid");
        var form = formText.ToLowerInvariant() switch
        {
            "hybrid" or "truc tiep ket hop truc tuyen" => ConferenceForm.Hybrid,
            "in_person" or "truc tiep" => ConferenceForm.InPerson,
            "online" or "truc tuyen" => ConferenceForm.Online,
            _ => (ConferenceForm?)null,
        };
        if (form is null)
        {
            problems.Error("PLAN_BAD_VALUE", y.At(y.Child(c, "form")!), $"conference.form must be hybrid, in_person or online: '{formText}'.",
                "conference.form", "hybrid, in_person hoặc online");
        }

        var code = y.Text(c, "code", "conference.code", true);
        if (code.Length > 0 && !CodePattern().IsMatch(code))
        {
            problems.Error("PLAN_BAD_CODE", y.At(y.Child(c, "code")!), $"conference.code must be 2–12 ASCII letters or digits: '{code}'.", code);
        }

        var conference = new ConferenceInfo
        {
            Code = code,
            Title = y.Text(c, "title", "conference.title", true),
            Purpose = y.Text(c, "purpose", "conference.purpose", false),
            Reason = y.Text(c, "reason", "conference.reason", false),
            Date = y.Date(c, "date", "conference.date", true) ?? default,
            Start = y.Time(c, "start", "conference.start", true) ?? default,
            Form = form ?? ConferenceForm.Hybrid,
            Chair = y.Text(c, "chair", "conference.chair", true),
            PacketUrl = y.Text(c, "packet_url", "conference.packet_url", true),
            Contact = ReadContact(y, c, "contact", "conference.contact"),
            ConfirmBy = y.Date(c, "confirm_by", "conference.confirm_by", false),
        };

        var hallMap = y.Map(root, "main_hall", "main_hall", true);
        var mainHall = ReadVenue(y, hallMap, "main_hall", isMain: true);

        var bridgePoints = new List<Venue>();
        var bridgeNodes = y.List(root, "bridge_points", "bridge_points", false);
        for (var i = 0; i < bridgeNodes.Count; i++)
        {
            if (bridgeNodes[i] is YamlMappingNode m)
            {
                bridgePoints.Add(ReadVenue(y, m, $"bridge_points[{i + 1}]", isMain: false));
            }
        }

        var programme = new List<ProgrammeItem>();
        var programmeNodes = y.List(root, "programme", "programme", true);
        for (var i = 0; i < programmeNodes.Count; i++)
        {
            if (programmeNodes[i] is not YamlMappingNode m)
            {
                continue;
            }

            var path = $"programme[{i + 1}]";
            y.KnownKeys(m, path, "title", "minutes", "lead", "kind", "dialogue", "break_after", "break_minutes");
            programme.Add(new ProgrammeItem
            {
                Title = y.Text(m, "title", $"{path}.title", true),
                Minutes = y.Integer(m, "minutes", $"{path}.minutes", true, 1, 600) ?? 0,
                Lead = y.Text(m, "lead", $"{path}.lead", false),
                Kind = y.Text(m, "kind", $"{path}.kind", false),
                IsDialogue = y.Flag(m, "dialogue", $"{path}.dialogue"),
                BreakAfter = y.Integer(m, "break_after", $"{path}.break_after", false, 0, 600) ?? 90,
                BreakMinutes = y.Integer(m, "break_minutes", $"{path}.break_minutes", false, 0, 60) ?? 10,
            });
        }

        var topics = new List<Topic>();
        var topicNodes = y.List(root, "topics", "topics", true);
        for (var i = 0; i < topicNodes.Count; i++)
        {
            if (topicNodes[i] is not YamlMappingNode m)
            {
                continue;
            }

            var path = $"topics[{i + 1}]";
            y.KnownKeys(m, path, "number", "short_name", "title", "departments", "keywords", "minutes", "weight");
            var title = y.Text(m, "title", $"{path}.title", true);
            topics.Add(new Topic
            {
                Number = y.Integer(m, "number", $"{path}.number", false, 1, 99) ?? (i + 1),
                Title = title,
                ShortName = y.Text(m, "short_name", $"{path}.short_name", false, $"Nhóm {i + 1}"),
                Departments = y.Texts(m, "departments", $"{path}.departments", true),
                Keywords = y.Texts(m, "keywords", $"{path}.keywords", false),
                Minutes = y.Integer(m, "minutes", $"{path}.minutes", false, 1, 300),
                Weight = y.Integer(m, "weight", $"{path}.weight", false, 1, 10) ?? 1,
            });
        }

        var deadlines = new List<Deadline>();
        var deadlineNodes = y.List(root, "deadlines", "deadlines", false);
        for (var i = 0; i < deadlineNodes.Count; i++)
        {
            if (deadlineNodes[i] is not YamlMappingNode m)
            {
                continue;
            }

            var path = $"deadlines[{i + 1}]";
            y.KnownKeys(m, path, "id", "date", "description", "from", "to");
            deadlines.Add(new Deadline
            {
                Id = y.Text(m, "id", $"{path}.id", true),
                Date = y.Date(m, "date", $"{path}.date", true) ?? default,
                Description = y.Text(m, "description", $"{path}.description", true),
                From = y.Text(m, "from", $"{path}.from", false),
                To = y.Text(m, "to", $"{path}.to", false),
            });
        }

        var units = new List<Unit>();
        var unitNodes = y.List(root, "units", "units", false);
        for (var i = 0; i < unitNodes.Count; i++)
        {
            if (unitNodes[i] is not YamlMappingNode m)
            {
                continue;
            }

            var path = $"units[{i + 1}]";
            y.KnownKeys(m, path, "id", "name", "venue", "email", "deadline");
            units.Add(new Unit
            {
                Id = y.Text(m, "id", $"{path}.id", true),
                Name = y.Text(m, "name", $"{path}.name", true),
                VenueId = y.Text(m, "venue", $"{path}.venue", false),
                Email = y.Text(m, "email", $"{path}.email", false),
                DeadlineId = y.Text(m, "deadline", $"{path}.deadline", false),
            });
        }

        var signer = ReadSigner(y, root, "signer", "signer", true) ?? new Signer { Position = "", Name = "" };

        var invitation = ReadDocument(y, root, "invitation", true) ?? new DocumentSettings { Number = "", Date = default, Subject = "" };
        var sharingMap = y.Map(root, "sharing", "sharing", false);
        y.KnownKeys(sharingMap, "sharing", "site_url", "library", "folder", "link_scope", "link_expires", "editors");
        var sharing = new SharingSettings
        {
            SiteUrl = y.Text(sharingMap, "site_url", "sharing.site_url", false),
            Library = y.Text(sharingMap, "library", "sharing.library", false),
            Folder = y.Text(sharingMap, "folder", "sharing.folder", false),
            LinkScope = y.Text(sharingMap, "link_scope", "sharing.link_scope", false, "organization").ToLowerInvariant(),
            LinkExpires = y.Date(sharingMap, "link_expires", "sharing.link_expires", false),
            Editors = y.Texts(sharingMap, "editors", "sharing.editors", false),
        };

        var attendanceMap = y.Map(root, "attendance", "attendance", false);
        y.KnownKeys(attendanceMap, "attendance", "public_base_url", "expires_after_days");
        var attendance = new Attendance.AttendanceSettings
        {
            PublicBaseUrl = y.Text(attendanceMap, "public_base_url", "attendance.public_base_url", false),
            ExpiresAfterDays = y.Integer(attendanceMap, "expires_after_days", "attendance.expires_after_days", false, 0, 3650),
        };

        var protocol = ReadProtocol(y, root, problems);
        var issuers = ReadIssuers(y, root, issuer, invitation, problems);
        return new ConferencePlan
        {
            Issuers = issuers,
            BridgePointLetter = ReadBridgePointLetter(y, root),
            Roles = ReadRoles(y, root, problems),
            Protocol = protocol,
            Folder = folder,
            FileName = PlanFileName,
            Issuer = issuer,
            Conference = conference,
            MainHall = mainHall,
            BridgePoints = bridgePoints,
            Programme = programme,
            Topics = topics,
            Deadlines = deadlines,
            Units = units,
            Signer = signer,
            Invitation = invitation,
            ProgrammeDocument = ReadDocument(y, root, "programme_document", false),
            ScriptDocument = ReadDocument(y, root, "script_document", false, numbered: false),
            Recipients = y.Texts(root, "recipients", "recipients", true),
            DelegateFile = y.Text(root, "delegates", "delegates", true),
            Sharing = sharing,
            Attendance = attendance,
            Audiences = ReadAudiences(y, root, problems),
            KeyLines = lines,
        };
    }

    /// <summary>
    /// The plan's <c>issuers:</c> — bodies that send invitations of their own besides <c>issuer</c> (Kế hoạch 90/KH-UBND
    /// gives the sector's delegates to Sở GD&amp;ĐT to invite and confirm): header, number, signer, Nơi nhận, whom.
    /// </summary>
    private static List<InvitingIssuer> ReadIssuers(YamlNodeReader y, YamlMappingNode root, Issuer main, DocumentSettings invitation, ProblemList problems)
    {
        var result = new List<InvitingIssuer>();
        var nodes = y.List(root, "issuers", "issuers", false);
        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i] is not YamlMappingNode m)
            {
                continue;
            }

            var path = $"issuers[{i + 1}]";
            y.KnownKeys(m, path, "id", "parent", "name", "name_in_text", "place", "invitation_number", "date", "signer", "recipients", "invites");
            var invites = y.Map(m, "invites", $"{path}.invites", false);
            y.KnownKeys(invites, $"{path}.invites", "groups", "venues");
            var groups = new List<ProtocolGroup>();
            foreach (var text in y.Texts(invites, "groups", $"{path}.invites.groups", false))
            {
                if (DelegateColumns.ParseGroup(text) is { } g)
                {
                    groups.Add(g);
                }
                else
                {
                    problems.Error("PLAN_BAD_VALUE", y.At(y.Child(invites, "groups")!), $"{path}.invites.groups: '{text}'", $"{path}.invites.groups",
                        "tên nhóm giao tế như cột Nhóm của danh sách (Thường trực cấp ủy, HĐND, UBND, Sở, ngành, Cấp dưới, Ngành, Báo chí …)");
                }
            }

            var id = y.Text(m, "id", $"{path}.id", true);
            result.Add(new InvitingIssuer
            {
                Id = id,
                Issuer = new Issuer
                {
                    Id = id,
                    Parent = y.Text(m, "parent", $"{path}.parent", false),
                    Name = y.Text(m, "name", $"{path}.name", true),
                    NameInText = y.Text(m, "name_in_text", $"{path}.name_in_text", true),
                    Place = y.Text(m, "place", $"{path}.place", false, main.Place),
                },
                Number = y.Text(m, "invitation_number", $"{path}.invitation_number", true),
                Date = y.Date(m, "date", $"{path}.date", false) ?? invitation.Date,
                Signer = ReadSigner(y, m, "signer", $"{path}.signer", true) ?? new Signer { Position = "", Name = "" },
                Recipients = y.Texts(m, "recipients", $"{path}.recipients", true),
                Groups = groups,
                Venues = y.Texts(invites, "venues", $"{path}.invites.venues", false),
            });
        }

        return result;
    }

    private static BridgePointLetterSettings? ReadBridgePointLetter(YamlNodeReader y, YamlMappingNode root)
    {
        const string Key = "bridge_point_letter";
        var m = y.Map(root, Key, Key, false);
        if (m is null)
        {
            return null;
        }

        y.KnownKeys(m, Key, "number", "date", "subject", "basis", "attendees", "report_by", "issuer", "signer", "recipients");
        return new BridgePointLetterSettings
        {
            Number = y.Text(m, "number", $"{Key}.number", true),
            Date = y.Date(m, "date", $"{Key}.date", true) ?? default,
            Subject = y.Text(m, "subject", $"{Key}.subject", true),
            Basis = y.Text(m, "basis", $"{Key}.basis", false),
            Attendees = y.Texts(m, "attendees", $"{Key}.attendees", true),
            ReportBy = y.Date(m, "report_by", $"{Key}.report_by", false),
            IssuerId = y.Text(m, "issuer", $"{Key}.issuer", false),
            Signer = ReadSigner(y, m, "signer", $"{Key}.signer", false),
            Recipients = y.Texts(m, "recipients", $"{Key}.recipients", false),
        };
    }

    /// <summary>The plan's <c>roles:</c> — each rule a role and whom it names: titles (prefix of a title held), groups, names.</summary>
    private static List<RoleRule> ReadRoles(YamlNodeReader y, YamlMappingNode root, ProblemList problems)
    {
        var rules = new List<RoleRule>();
        var nodes = y.List(root, "roles", "roles", false);
        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i] is not YamlMappingNode m)
            {
                continue;
            }

            var path = $"roles[{i + 1}]";
            y.KnownKeys(m, path, "role", "titles", "groups", "names");
            var roleText = y.Text(m, "role", $"{path}.role", true);
            var role = DelegateRoles.Parse(roleText);
            if (role is null && roleText.Length > 0)
            {
                problems.Error("PLAN_BAD_VALUE", y.At(y.Child(m, "role")!), $"{path}.role: '{roleText}'", $"{path}.role", $"một vai trò ({DelegateRoles.AllLabels})");
            }

            var groups = new List<ProtocolGroup>();
            foreach (var text in y.Texts(m, "groups", $"{path}.groups", false))
            {
                if (DelegateColumns.ParseGroup(text) is { } g)
                {
                    groups.Add(g);
                }
                else
                {
                    problems.Error("PLAN_BAD_VALUE", y.At(y.Child(m, "groups")!), $"{path}.groups: '{text}'", $"{path}.groups", "tên nhóm giao tế như cột Nhóm của danh sách");
                }
            }

            if (role is { } r)
            {
                rules.Add(new RoleRule(r, y.Texts(m, "titles", $"{path}.titles", false), groups, y.Texts(m, "names", $"{path}.names", false)));
            }
        }

        return rules;
    }

    /// <summary>A signature block (ND30 ô 7): authority (TM./KT./TL. …, may be a list of lines), position, name.</summary>
    private static Signer? ReadSigner(YamlNodeReader y, YamlMappingNode? parent, string key, string path, bool required)
    {
        var map = y.Map(parent, key, path, required);
        if (map is null)
        {
            return null;
        }

        y.KnownKeys(map, path, "authority", "position", "name");
        return new Signer
        {
            Authority = y.Text(map, "authority", $"{path}.authority", false),
            Position = y.Text(map, "position", $"{path}.position", true),
            Name = y.Text(map, "name", $"{path}.name", true),
        };
    }

    private static ProtocolSettings ReadProtocol(YamlNodeReader y, YamlMappingNode root, ProblemList problems)
    {
        var map = y.Map(root, "protocol", "protocol", false);
        if (map is null)
        {
            return new ProtocolSettings();
        }

        y.KnownKeys(map, "protocol", "sector", "sector_name", "introduce_down_to", "titles");
        var downTo = y.Text(map, "introduce_down_to", "protocol.introduce_down_to", false, "head").ToLowerInvariant();
        TitleLevel? level = downTo switch
        {
            "leader" or "lanh dao" => TitleLevel.Leader,
            "head" or "truong" => TitleLevel.Head,
            "deputy" or "pho" => TitleLevel.Deputy,
            "office" or "truong phong" => TitleLevel.Office,
            "all" or "tat ca" => TitleLevel.Staff,
            _ => null,
        };
        if (level is null)
        {
            problems.Error("PLAN_BAD_VALUE", y.At(y.Child(map, "introduce_down_to")!), "protocol.introduce_down_to: leader, head, deputy, office or all",
                "protocol.introduce_down_to", "leader, head, deputy, office hoặc all");
        }

        var titles = new List<ProtocolTitles.TitleRule>();
        var nodes = y.List(map, "titles", "protocol.titles", false);
        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i] is not YamlMappingNode m)
            {
                continue;
            }

            var path = $"protocol.titles[{i + 1}]";
            y.KnownKeys(m, path, "title", "group", "rank", "level");
            var title = y.Text(m, "title", $"{path}.title", true);
            var groupText = y.Text(m, "group", $"{path}.group", true);
            var group = DelegateColumns.ParseGroup(groupText);
            if (group is null && groupText.Length > 0)
            {
                problems.Error("PLAN_BAD_VALUE", y.At(y.Child(m, "group")!), $"{path}.group", $"{path}.group", "một nhóm giao tế (Thường trực cấp ủy, HĐND, UBND, Sở, ngành …)");
            }

            var rank = y.Integer(m, "rank", $"{path}.rank", false, 1, 99) ?? 50;
            var titleLevel = y.Text(m, "level", $"{path}.level", false, "head").ToLowerInvariant() switch
            {
                "leader" => TitleLevel.Leader,
                "deputy" => TitleLevel.Deputy,
                "office" => TitleLevel.Office,
                "staff" => TitleLevel.Staff,
                _ => TitleLevel.Head,
            };
            if (title.Length > 0 && group is not null)
            {
                titles.Add(new ProtocolTitles.TitleRule(Vietnamese.VietnameseText.Fold(title), group.Value, rank, titleLevel));
            }
        }

        return new ProtocolSettings
        {
            Sector = y.Texts(map, "sector", "protocol.sector", false).Select(t => Vietnamese.VietnameseText.Fold(t)).Where(t => t.Length > 0).ToList(),
            SectorName = y.Text(map, "sector_name", "protocol.sector_name", false),
            IntroduceDownTo = level ?? TitleLevel.Head,
            Titles = titles,
        };
    }

    private static Venue ReadVenue(YamlNodeReader y, YamlMappingNode? m, string path, bool isMain)
    {
        y.KnownKeys(m, path, "id", "name", "address", "host", "technical_contact", "layout", "notes", "connection_test");
        HallLayout? layout = null;
        var layoutMap = y.Map(m, "layout", $"{path}.layout", false);
        if (layoutMap is not null)
        {
            y.KnownKeys(layoutMap, $"{path}.layout", "presidium_seats", "rows", "seats_per_row", "blocks", "reserved_front_rows");
            layout = new HallLayout
            {
                PresidiumSeats = y.Integer(layoutMap, "presidium_seats", $"{path}.layout.presidium_seats", false, 0, 60) ?? 0,
                Rows = y.Integer(layoutMap, "rows", $"{path}.layout.rows", true, 1, 52) ?? 0,
                SeatsPerRow = y.Integer(layoutMap, "seats_per_row", $"{path}.layout.seats_per_row", true, 1, 200) ?? 0,
                ReservedFrontRows = y.Integer(layoutMap, "reserved_front_rows", $"{path}.layout.reserved_front_rows", false, 0, 52) ?? 2,
                Blocks = y.Texts(layoutMap, "blocks", $"{path}.layout.blocks", false)
                    .Select(t => int.TryParse(t, out var n) ? n : 0).ToList(),
            };
        }

        return new Venue
        {
            Id = y.Text(m, "id", $"{path}.id", true),
            Name = y.Text(m, "name", $"{path}.name", true),
            Address = y.Text(m, "address", $"{path}.address", false),
            Host = y.Text(m, "host", $"{path}.host", false),
            TechnicalContact = ReadContact(y, m, "technical_contact", $"{path}.technical_contact"),
            Notes = y.Texts(m, "notes", $"{path}.notes", false),
            ConnectionTest = y.Time(m, "connection_test", $"{path}.connection_test", false),
            IsMain = isMain,
            Layout = layout,
        };
    }

    private static Contact? ReadContact(YamlNodeReader y, YamlMappingNode? parent, string key, string path)
    {
        var m = y.Map(parent, key, path, false);
        if (m is null)
        {
            return null;
        }

        y.KnownKeys(m, path, "name", "phone", "email");
        return new Contact(y.Text(m, "name", $"{path}.name", false), y.Text(m, "phone", $"{path}.phone", false), y.Text(m, "email", $"{path}.email", false));
    }

    // numbered = false: a working document without a number (the MC's script) — number, date and subject are optional.
    private static DocumentSettings? ReadDocument(YamlNodeReader y, YamlMappingNode root, string key, bool required, bool numbered = true)
    {
        var m = y.Map(root, key, key, required);
        if (m is null)
        {
            return null;
        }

        y.KnownKeys(m, key, "number", "date", "subject", "notes", "template");
        return new DocumentSettings
        {
            Number = y.Text(m, "number", $"{key}.number", numbered),
            Date = y.Date(m, "date", $"{key}.date", numbered) ?? default,
            Subject = y.Text(m, "subject", $"{key}.subject", numbered),
            Notes = y.Texts(m, "notes", $"{key}.notes", false),
            Template = y.Text(m, "template", $"{key}.template", false),
        };
    }

    [GeneratedRegex("^[A-Za-z0-9]{2,12}$")]
    private static partial Regex CodePattern();
}
