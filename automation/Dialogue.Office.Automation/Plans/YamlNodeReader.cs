using System.Globalization;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Vietnamese;
using YamlDotNet.RepresentationModel;

namespace Dialogue.Office.Automation.Plans;

/// <summary>
/// Reads typed values out of a YAML mapping and records a problem (with the line) for each one that is
/// missing or malformed, so the loader can go on and report everything at once.
/// </summary>
internal sealed class YamlNodeReader(string fileName, ProblemList problems, Dictionary<string, int> keyLines)
{
    public string FileName => fileName;

    public string At(YamlNode node) => Locations.Line(fileName, checked((int)node.Start.Line));

    public YamlNode? Child(YamlMappingNode? map, string key)
    {
        if (map is null)
        {
            return null;
        }

        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode s && s.Value == key)
            {
                return v;
            }
        }

        return null;
    }

    public YamlMappingNode? Map(YamlMappingNode? parent, string key, string path, bool required)
    {
        var node = Child(parent, key);
        Remember(path, node ?? parent);
        switch (node)
        {
            case YamlMappingNode map:
                return map;
            case null when required:
                Missing(parent, path);
                return null;
            case null:
                return null;
            default:
                problems.Error("PLAN_BAD_VALUE", At(node), $"'{path}' must be a mapping of keys.", path, "một nhóm khóa");
                return null;
        }
    }

    public IReadOnlyList<YamlNode> List(YamlMappingNode? parent, string key, string path, bool required)
    {
        var node = Child(parent, key);
        Remember(path, node ?? parent);
        switch (node)
        {
            case YamlSequenceNode seq when seq.Children.Count > Inputs.InputLimits.PlanListItems:
                problems.Error("PLAN_LIST_TOO_LONG", At(node), $"'{path}' has {seq.Children.Count} items.", path,
                    seq.Children.Count.ToString("N0", Vietnamese.VietnameseText.Culture), Inputs.InputLimits.PlanListItems.ToString("N0", Vietnamese.VietnameseText.Culture));
                return [];
            case YamlSequenceNode seq:
                return seq.Children.ToList();
            case null when required:
                Missing(parent, path);
                return [];
            case null:
                return [];
            case YamlScalarNode { Value: null or "" }:
                return [];
            default:
                problems.Error("PLAN_BAD_VALUE", At(node), $"'{path}' must be a list.", path, "một danh sách");
                return [];
        }
    }

    public string Text(YamlMappingNode? parent, string key, string path, bool required, string fallback = "")
    {
        var node = Child(parent, key);
        Remember(path, node ?? parent);
        switch (node)
        {
            case YamlScalarNode scalar when DelegateCells.FirstForbidden(scalar.Value ?? "") is { } bad:
                problems.Error("PLAN_BAD_CHARACTER", At(scalar), $"'{path}' holds U+{(int)bad:X4}", path, $"U+{(int)bad:X4}");
                return fallback;
            case YamlScalarNode scalar when !string.IsNullOrWhiteSpace(scalar.Value):
                return VietnameseText.Clean(scalar.Value);
            case YamlSequenceNode lines when lines.Children.All(c => c is YamlScalarNode):
                // A name given as a list of lines ("ỦY BAN NHÂN DÂN", "TỈNH YÊN BÁI").
                return string.Join('\n', lines.Children.Cast<YamlScalarNode>().Select(c => VietnameseText.Clean(c.Value)));
            case null or YamlScalarNode when required:
                Missing(parent, path, node);
                return fallback;
            case null or YamlScalarNode:
                return fallback;
            default:
                problems.Error("PLAN_BAD_VALUE", At(node), $"'{path}' must be text.", path, "một đoạn chữ");
                return fallback;
        }
    }

    public IReadOnlyList<string> Texts(YamlMappingNode? parent, string key, string path, bool required)
    {
        var list = new List<string>();
        foreach (var item in List(parent, key, path, required))
        {
            if (item is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value))
            {
                list.Add(VietnameseText.Clean(s.Value));
            }
            else if (item is not YamlScalarNode)
            {
                problems.Error("PLAN_BAD_VALUE", At(item), $"Items of '{path}' must be text.", path, "danh sách các dòng chữ");
            }
        }

        return list;
    }

    public DateOnly? Date(YamlMappingNode? parent, string key, string path, bool required)
    {
        var text = Text(parent, key, path, required);
        if (text.Length == 0)
        {
            return null;
        }

        string[] formats = ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy"];
        if (DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Error("PLAN_BAD_DATE", At(Child(parent, key)!), $"'{path}' is not a real date: '{text}'.", path, text);
        return null;
    }

    public TimeOnly? Time(YamlMappingNode? parent, string key, string path, bool required)
    {
        var text = Text(parent, key, path, required);
        if (text.Length == 0)
        {
            return null;
        }

        var normal = text.Replace('h', ':').Replace('H', ':');
        if (normal.EndsWith(':'))
        {
            normal += "00";
        }

        if (TimeOnly.TryParseExact(normal, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        problems.Error("PLAN_BAD_TIME", At(Child(parent, key)!), $"'{path}' is not a time of day: '{text}'.", path, text);
        return null;
    }

    public int? Integer(YamlMappingNode? parent, string key, string path, bool required, int min = int.MinValue, int max = int.MaxValue)
    {
        var text = Text(parent, key, path, required);
        if (text.Length == 0)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        problems.Error("PLAN_BAD_NUMBER", At(Child(parent, key)!), $"'{path}' must be a whole number from {min} to {max}: '{text}'.",
            path, text, min.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture));
        return null;
    }

    public bool Flag(YamlMappingNode? parent, string key, string path)
    {
        var text = Text(parent, key, path, false);
        return text.ToLowerInvariant() is "true" or "yes" or "có" or "co" or "x" or "1";
    }

    /// <summary>Warns about keys the plan format does not know (a typo would otherwise be silently ignored).</summary>
    public void KnownKeys(YamlMappingNode? map, string path, params string[] keys)
    {
        if (map is null)
        {
            return;
        }

        foreach (var (k, _) in map.Children)
        {
            if (k is YamlScalarNode s && s.Value is { } name && !keys.Contains(name))
            {
                var where = path.Length == 0 ? name : $"{path}.{name}";
                problems.Warning("PLAN_UNKNOWN_KEY", At(k), $"Unknown key '{where}' is ignored.", where);
            }
        }
    }

    private void Missing(YamlMappingNode? parent, string path, YamlNode? node = null)
    {
        var where = node is not null ? At(node) : parent is not null ? At(parent) : fileName;
        problems.Error("PLAN_MISSING_FIELD", where, $"'{path}' is required.", path);
    }

    private void Remember(string path, YamlNode? node)
    {
        if (node is not null && !keyLines.ContainsKey(path))
        {
            keyLines[path] = checked((int)node.Start.Line);
        }
    }
}
