using Dialogue.Office.Automation.Audiences;
using Dialogue.Office.Automation.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Dialogue.Office.Automation.Plans;

public static partial class PlanLoader
{
    /// <summary>
    /// The <c>audiences:</c> section: <c>kinds</c> moves an output kind to another audience (a kind that holds other
    /// people's personal data never to the delegates), <c>leaders</c> and <c>secretariat</c> list e-mail addresses.
    /// </summary>
    private static AudienceSettings ReadAudiences(YamlNodeReader y, YamlMappingNode root, ProblemList problems)
    {
        var map = y.Map(root, "audiences", "audiences", false);
        if (map is null)
        {
            return new AudienceSettings();
        }

        y.KnownKeys(map, "audiences", "kinds", "leaders", "secretariat");
        var moves = new Dictionary<OutputKind, Audience>();
        var kinds = y.Map(map, "kinds", "audiences.kinds", false);
        foreach (var (keyNode, valueNode) in kinds?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var path = $"audiences.kinds.{key}";
            if (OutputKinds.FromKey(key) is not { } kind)
            {
                problems.Error("PLAN_AUDIENCE_UNKNOWN_KIND", y.At(keyNode), $"'{key}' is not an output kind.", key,
                    string.Join(", ", OutputKinds.All.Select(OutputKinds.Key)));
                continue;
            }

            var text = (valueNode as YamlScalarNode)?.Value ?? "";
            if (OutputKinds.ParseAudience(text) is not { } audience)
            {
                problems.Error("PLAN_BAD_VALUE", y.At(valueNode), $"{path} must be delegates, leaders or secretariat: '{text}'.", path,
                    "delegates (đại biểu), leaders (lãnh đạo, chủ trì) hoặc secretariat (thư ký)");
                continue;
            }

            if (audience == Audience.Delegates && OutputKinds.HoldsPersonalData(kind))
            {
                problems.Error("PLAN_AUDIENCE_PERSONAL_DATA", y.At(valueNode), $"{path}: {key} holds personal data and cannot go to the delegates.", key);
                continue;
            }

            moves[kind] = audience;
        }

        return new AudienceSettings
        {
            Moves = moves,
            Leaders = Emails(y, map, "leaders", problems),
            Secretariat = Emails(y, map, "secretariat", problems),
        };
    }

    private static List<string> Emails(YamlNodeReader y, YamlMappingNode map, string key, ProblemList problems)
    {
        var path = $"audiences.{key}";
        var emails = new List<string>();
        foreach (var node in y.List(map, key, path, false))
        {
            var text = (node as YamlScalarNode)?.Value?.Trim() ?? "";
            if (!DelegateListReader.IsEmail(text))
            {
                problems.Error("PLAN_AUDIENCE_BAD_EMAIL", y.At(node), $"{path}: '{text}' is not an e-mail address.", path, text);
                continue;
            }

            if (!emails.Contains(text, StringComparer.OrdinalIgnoreCase))
            {
                emails.Add(text);
            }
        }

        return emails;
    }
}
