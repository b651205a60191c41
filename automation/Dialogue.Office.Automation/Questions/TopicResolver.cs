using System.Globalization;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Questions;

/// <summary>Word tokens of a text: NFC, lower case, runs of letters/digits. Diacritics are kept ("lương" ≠ "lượng").</summary>
internal static class Tokens
{
    public static List<string> Of(string text)
    {
        text = text.ToLowerInvariant();
        var tokens = new List<string>(32);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                tokens.Add(text[start..i]);
                start = -1;
            }
        }

        return tokens;
    }
}

/// <summary>
/// Resolves the topic a unit wrote (a number, "Nhóm 3", "III", a short name or title) and suggests one from the
/// plan's keywords when it is missing or invalid. Keywords match as whole-word phrases on NFC lower-case text with
/// diacritics, so "lương" does not match "chất lượng".
/// </summary>
internal sealed class TopicResolver
{
    private static readonly string[] Roman = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];
    private readonly IReadOnlyList<Topic> _topics;

    /// <summary>Each topic's short name and title folded once, not once per question (issue 17: 50 000 questions).</summary>
    private readonly (string ShortName, string Title)[] _folded;
    private readonly Dictionary<string, List<(int Topic, string[] Words, string Keyword)>> _keywords = new(StringComparer.Ordinal);

    public TopicResolver(IReadOnlyList<Topic> topics)
    {
        _topics = topics;
        _folded = [.. topics.Select(t => (VietnameseText.Fold(t.ShortName), VietnameseText.Fold(t.Title)))];
        foreach (var topic in topics)
        {
            foreach (var keyword in topic.Keywords)
            {
                var words = Tokens.Of(VietnameseText.Clean(keyword)).ToArray();
                if (words.Length == 0)
                {
                    continue;
                }

                if (!_keywords.TryGetValue(words[0], out var list))
                {
                    _keywords[words[0]] = list = [];
                }

                list.Add((topic.Number, words, keyword));
            }
        }
    }

    public IReadOnlyList<Topic> Topics => _topics;

    /// <summary>Nine numbered topics for a merge without a plan.</summary>
    public static IReadOnlyList<Topic> Default { get; } =
        Enumerable.Range(1, 9).Select(n => new Topic { Number = n, Title = $"Nhóm vấn đề {n}", ShortName = $"Nhóm {n}" }).ToList();

    public Topic? Find(int number)
    {
        // A loop, not FirstOrDefault with a lambda: called twice per question.
        for (var i = 0; i < _topics.Count; i++)
        {
            if (_topics[i].Number == number)
            {
                return _topics[i];
            }
        }

        return null;
    }

    /// <summary>The topic number written in <paramref name="raw"/>, or 0.</summary>
    public int Parse(string raw)
    {
        var folded = VietnameseText.Fold(raw);
        if (folded.Length == 0)
        {
            return 0;
        }

        var words = folded.Split(' ');
        var start = words[0] switch
        {
            "nhom" => 1,
            "chu" or "linh" when words.Length > 2 => 2,
            _ => 0,
        };
        if (start < words.Length)
        {
            // "3", "3.0" (a number cell), "Nhóm 3", "3. Tài chính", "III"
            var first = words[start];
            if (first.Length <= 3 && first.All(char.IsAsciiDigit) && int.TryParse(first, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && Find(n) is not null)
            {
                return n;
            }

            var roman = Array.IndexOf(Roman, first);
            if (roman >= 0 && words.Length - start == 1 && Find(roman + 1) is not null)
            {
                return roman + 1;
            }
        }

        for (var i = 0; i < _topics.Count; i++)
        {
            if (NameMatches(folded, _folded[i].ShortName, _folded[i].Title))
            {
                return _topics[i].Number;
            }
        }

        return 0;
    }

    private static bool NameMatches(string folded, string shortName, string title)
    {
        return folded == shortName || (folded.Length >= 6 && title.StartsWith(folded, StringComparison.Ordinal)) || (shortName.Length >= 5 && folded.Contains(shortName, StringComparison.Ordinal));
    }

    /// <summary>The best topic for a question text by keyword phrases (0 = none) and the keywords found.</summary>
    public (int Topic, string Evidence) Suggest(string text)
    {
        if (_keywords.Count == 0)
        {
            return (0, "");
        }

        var tokens = Tokens.Of(text);
        var scores = new Dictionary<int, int>();
        var evidence = new Dictionary<int, List<string>>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!_keywords.TryGetValue(tokens[i], out var candidates))
            {
                continue;
            }

            foreach (var (topic, words, keyword) in candidates)
            {
                if (i + words.Length > tokens.Count)
                {
                    continue;
                }

                var match = true;
                for (var k = 1; k < words.Length && match; k++)
                {
                    match = tokens[i + k] == words[k];
                }

                if (match)
                {
                    scores[topic] = scores.GetValueOrDefault(topic) + words.Length;
                    if (!evidence.TryGetValue(topic, out var list))
                    {
                        evidence[topic] = list = [];
                    }

                    if (!list.Contains(keyword))
                    {
                        list.Add(keyword);
                    }
                }
            }
        }

        if (scores.Count == 0)
        {
            return (0, "");
        }

        // The plan's last topic is the catch-all ("Đề xuất khác": keywords like "đề nghị" open most questions):
        // it is suggested only when no other topic's keywords are found.
        var catchAll = _topics.Count > 1 ? _topics[^1].Number : -1;
        if (scores.Count > 1)
        {
            scores.Remove(catchAll);
        }

        var best = scores.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).First().Key;
        return (best, string.Join(", ", evidence[best]));
    }
}
