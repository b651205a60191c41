using System.Globalization;
using Dialogue.Office.Automation.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Dialogue.Office.Automation.Plans;

/// <summary>
/// Checks plan.yaml's text before it is loaded, for what the YAML library reports badly or not at all: a tab in the
/// indentation (reported at its own line and key, not as a syntax error at line 1), a key written twice (with both
/// lines), and aliases (<c>*name</c>): a plan has no use for them, and each would repeat the anchor's values and its
/// errors. Walks the parser's events only: nothing is built, so a hostile file costs no more than its text.
/// </summary>
internal static class YamlPrecheck
{
    public static void Check(string text, string fileName, ProblemList problems)
    {
        var tabs = TabIndentedLines(text, fileName, problems);
        try
        {
            WalkEvents(text, fileName, problems);
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException or ArgumentException)
        {
            // A syntax error: the loader reports it with its line. A tab elsewhere on a line is the likely cause; say so.
            if (tabs == 0 && FirstTabLine(text) is { } line)
            {
                problems.Error("PLAN_YAML_TAB", Locations.Line(fileName, line.Number), "Tab character in plan.yaml", line.Key);
            }
        }
    }

    private static int TabIndentedLines(string text, string fileName, ProblemList problems)
    {
        var count = 0;
        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            var indent = line.Length - line.TrimStart(' ', '\t').Length;
            if (line.AsSpan(0, indent).Contains('\t') && line.TrimStart(' ', '\t').Length > 0)
            {
                problems.Error("PLAN_YAML_TAB", Locations.Line(fileName, number), "Tab in the indentation", KeyOf(line));
                count++;
            }
        }

        return count;
    }

    private static (int Number, string Key)? FirstTabLine(string text)
    {
        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            var quoted = false;
            foreach (var ch in line)
            {
                if (ch == '"')
                {
                    quoted = !quoted;
                }
                else if (ch == '#' && !quoted)
                {
                    break;
                }
                else if (ch == '\t' && !quoted)
                {
                    return (number, KeyOf(line));
                }
            }
        }

        return null;
    }

    private static string KeyOf(string line)
    {
        var trimmed = line.Trim().TrimStart('-', ' ', '\t');
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? trimmed[..colon].Trim() : trimmed.Length > 40 ? trimmed[..40] : trimmed;
    }

    private sealed class Frame(string path, bool isMapping)
    {
        public string Path { get; } = path;
        public bool IsMapping { get; } = isMapping;
        public bool ExpectingKey { get; set; } = true;
        public string Key { get; set; } = "";
        public int Index { get; set; }
        public Dictionary<string, int> Keys { get; } = new(StringComparer.Ordinal);

        public string ChildPath() => IsMapping
            ? (Path.Length == 0 ? Key : $"{Path}.{Key}")
            : $"{Path}[{Index + 1}]";
    }

    private static void WalkEvents(string text, string fileName, ProblemList problems)
    {
        var parser = new Parser(new StringReader(text));
        var stack = new Stack<Frame>();
        while (parser.MoveNext())
        {
            var current = parser.Current;
            var line = current is null ? 0 : checked((int)current.Start.Line);
            switch (current)
            {
                case MappingStart:
                    stack.Push(new Frame(Enter(stack), isMapping: true));
                    break;
                case SequenceStart:
                    stack.Push(new Frame(Enter(stack), isMapping: false));
                    break;
                case MappingEnd or SequenceEnd:
                    stack.Pop();
                    break;
                case AnchorAlias alias:
                    problems.Error("PLAN_YAML_ALIAS", Locations.Line(fileName, line), $"Alias *{alias.Value} is not allowed in a plan", alias.Value.ToString(), Enter(stack));
                    break;
                case Scalar scalar when stack.TryPeek(out var top) && top.IsMapping && top.ExpectingKey:
                    var key = scalar.Value;
                    if (top.Keys.TryGetValue(key, out var first))
                    {
                        var path = top.Path.Length == 0 ? key : $"{top.Path}.{key}";
                        problems.Error("PLAN_YAML_DUPLICATE_KEY", Locations.Line(fileName, line), $"Key '{path}' repeats line {first}",
                            path, first.ToString(CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        top.Keys[key] = line;
                    }

                    top.Key = key;
                    top.ExpectingKey = false;
                    break;
                case Scalar:
                    Enter(stack);
                    break;
            }
        }
    }

    /// <summary>A value starts in the current container: returns its path and moves the container on.</summary>
    private static string Enter(Stack<Frame> stack)
    {
        if (!stack.TryPeek(out var top))
        {
            return "";
        }

        var path = top.ChildPath();
        if (top.IsMapping)
        {
            top.ExpectingKey = true;
        }
        else
        {
            top.Index++;
        }

        return path;
    }
}
