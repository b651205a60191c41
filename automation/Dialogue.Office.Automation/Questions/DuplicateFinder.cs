using System.Runtime.InteropServices;

namespace Dialogue.Office.Automation.Questions;

/// <summary>
/// A group of questions that repeat one another; every member is kept. <see cref="ExactOf"/> gives, per member, the
/// first question with the very same words (itself when it is the first).
/// </summary>
internal sealed record DuplicateGroup(string Label, bool Exact, IReadOnlyList<int> Members, IReadOnlyList<int> ExactOf, IReadOnlyList<double> Similarity);

/// <summary>
/// Finds repeated questions across units.
/// Exact: the same words after normalisation (NFC, lower case, every run of non-letters/digits as one space) —
/// spacing, NBSP, punctuation, case and NFD differences disappear, diacritics stay ("mầm" ≠ "mẫu").
/// Near: token-set Jaccard ≥ threshold on the same diacritic-carrying tokens, with the same numbers in both texts
/// (a question about 5 teachers is not one about 12), at least 5 distinct tokens, and no substituted content word:
/// every word of the shorter text but function words (ở, tại, của…) appears in the longer one. So added courtesy
/// phrases or an extra "xây dựng" still group, while "trường mầm non" vs "trường tiểu học" in an otherwise identical
/// sentence (Jaccard 0.87) does not. Candidates come from prefix
/// filtering (rarest tokens first) inside each number signature, indexing only the first member of each group, so
/// it stays near-linear on 50 000 template-like questions. Grouping is single-link from a group's first member.
/// </summary>
internal static class DuplicateFinder
{
    public const int MinNearTokens = 5;

    /// <summary>Function words that may differ between two wordings of one question.</summary>
    private static readonly string[] FunctionWords =
        ["ở", "tại", "của", "cho", "các", "những", "và", "với", "về", "được", "đã", "là", "có", "thì", "mà", "để", "này", "đó", "trong", "trên", "từ", "rất", "cũng", "nên", "nhằm", "vì", "đối", "việc", "hiện", "nay"];

    /// <summary>Turns texts into token-id sequences (shared vocabulary; no substring allocations).</summary>
    internal sealed class Vocabulary
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private readonly List<bool> _hasDigit = [];

        public Vocabulary() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

        public bool HasDigit(int id) => _hasDigit[id];

        public bool TryGetId(string token, out int id) => _ids.TryGetValue(token, out id);

        public int[] Tokenize(string text)
        {
            var result = new List<int>(48);
            var buffer = text.Length <= 4096 ? stackalloc char[text.Length] : new char[text.Length];
            text.AsSpan().ToLowerInvariant(buffer);
            var start = -1;
            for (var i = 0; i <= buffer.Length; i++)
            {
                var isWord = i < buffer.Length && char.IsLetterOrDigit(buffer[i]);
                if (isWord && start < 0)
                {
                    start = i;
                }
                else if (!isWord && start >= 0)
                {
                    var span = buffer[start..i];
                    if (!_lookup.TryGetValue(span, out var id))
                    {
                        id = _ids.Count;
                        _lookup[span] = id;
                        var digit = false;
                        foreach (var ch in span)
                        {
                            digit |= char.IsDigit(ch);
                        }

                        _hasDigit.Add(digit);
                    }

                    result.Add(id);
                    start = -1;
                }
            }

            return [.. result];
        }
    }

    public static List<DuplicateGroup> Find(IReadOnlyList<string> texts, double threshold)
    {
        var vocabulary = new Vocabulary();
        return Find(texts.Select(vocabulary.Tokenize).ToArray(), vocabulary, threshold);
    }

    public static List<DuplicateGroup> Find(int[][] tokens, Vocabulary vocabulary, double threshold)
    {
        var n = tokens.Length;
        var rep = new int[n];
        var firstOfKey = new Dictionary<int[], int>(SequenceComparer.Instance);
        var reps = new List<int>();
        for (var i = 0; i < n; i++)
        {
            if (tokens[i].Length == 0)
            {
                rep[i] = i;
                continue;
            }

            ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(firstOfKey, tokens[i], out var exists);
            if (!exists)
            {
                first = i;
                reps.Add(i);
            }

            rep[i] = first;
        }

        var parent = new int[n];
        for (var i = 0; i < n; i++)
        {
            parent[i] = rep[i];
        }

        var sets = new int[n][];
        if (threshold is > 0 and < 1)
        {
            NearPairs(reps, tokens, vocabulary, threshold, parent, sets);
        }

        // Collect groups in order of their first member.
        var members = new Dictionary<int, List<int>>();
        for (var i = 0; i < n; i++)
        {
            var root = Root(parent, i);
            if (!members.TryGetValue(root, out var list))
            {
                members[root] = list = [];
            }

            list.Add(i);
        }

        var groups = new List<DuplicateGroup>();
        foreach (var list in members.Values.Where(l => l.Count > 1).OrderBy(l => l[0]))
        {
            var head = rep[list[0]];
            var exact = list.TrueForAll(i => rep[i] == head);
            var similarity = list.Select(i => rep[i] == head ? 1.0 : Jaccard(sets[rep[i]] ?? [], sets[head] ?? [])).ToList();
            groups.Add(new DuplicateGroup($"T{groups.Count + 1:0000}", exact, list, list.Select(i => rep[i]).ToList(), similarity));
        }

        return groups;
    }

    private static int Root(int[] parent, int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }

        return x;
    }

    private static void NearPairs(List<int> reps, int[][] tokens, Vocabulary vocabulary, double threshold, int[] parent, int[][] sets)
    {
        // Global token order: rarest first, so prefixes are short and selective.
        var frequency = new Dictionary<int, int>();
        foreach (var i in reps)
        {
            foreach (var token in tokens[i].Distinct())
            {
                frequency[token] = frequency.GetValueOrDefault(token) + 1;
            }
        }

        var rank = new Dictionary<int, int>(frequency.Count);
        var order = 0;
        foreach (var (token, _) in frequency.OrderBy(kv => kv.Value).ThenBy(kv => kv.Key))
        {
            rank[token] = order++;
        }

        var functionRanks = new HashSet<int>();
        foreach (var word in FunctionWords)
        {
            if (vocabulary.TryGetId(word, out var id) && rank.TryGetValue(id, out var r))
            {
                functionRanks.Add(r);
            }
        }

        var partitions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var i in reps)
        {
            var distinct = tokens[i].Distinct().ToArray();
            if (distinct.Length < MinNearTokens)
            {
                continue;
            }

            var set = new int[distinct.Length];
            for (var k = 0; k < distinct.Length; k++)
            {
                set[k] = rank[distinct[k]];
            }

            Array.Sort(set);
            sets[i] = set;
            var numbers = distinct.Where(vocabulary.HasDigit).Order().ToArray();
            var signature = numbers.Length == 0 ? "" : string.Join(',', numbers);
            if (!partitions.TryGetValue(signature, out var members))
            {
                partitions[signature] = members = [];
            }

            members.Add(i);
        }

        // Partitions share no member, so each can link its own members in parallel.
        Parallel.ForEach(partitions.Values.Where(p => p.Count > 1), members => LinkPartition(members, threshold, parent, sets, functionRanks));
    }

    private static void LinkPartition(List<int> members, double threshold, int[] parent, int[][] sets, HashSet<int> functionRanks)
    {
        var index = new Dictionary<int, List<int>>();
        var seen = new HashSet<int>();
        foreach (var i in members)
        {
            var x = sets[i];
            var prefix = x.Length - (int)Math.Ceiling(threshold * x.Length) + 1;
            seen.Clear();
            var matched = false;
            for (var p = 0; p < prefix; p++)
            {
                if (!index.TryGetValue(x[p], out var candidates))
                {
                    continue;
                }

                foreach (var j in candidates)
                {
                    if (!seen.Add(j) || Root(parent, i) == Root(parent, j))
                    {
                        continue;
                    }

                    var y = sets[j];
                    if (y.Length < threshold * x.Length || x.Length < threshold * y.Length || Jaccard(x, y) < threshold || !NoSubstitution(x, y, functionRanks))
                    {
                        continue;
                    }

                    var ri = Root(parent, i);
                    var rj = Root(parent, j);
                    parent[Math.Max(ri, rj)] = Math.Min(ri, rj);
                    matched = true;
                }
            }

            if (matched)
            {
                continue; // already in a group: its first member stands for it in the index
            }

            for (var p = 0; p < prefix; p++)
            {
                if (!index.TryGetValue(x[p], out var list))
                {
                    index[x[p]] = list = [];
                }

                list.Add(i);
            }
        }
    }

    /// <summary>True when one set's content words (function words aside) all appear in the other.</summary>
    internal static bool NoSubstitution(int[] x, int[] y, HashSet<int> functionRanks)
    {
        int i = 0, j = 0, onlyX = 0, onlyY = 0;
        while (i < x.Length || j < y.Length)
        {
            if (j >= y.Length || (i < x.Length && x[i] < y[j]))
            {
                onlyX += functionRanks.Contains(x[i]) ? 0 : 1;
                i++;
            }
            else if (i >= x.Length || y[j] < x[i])
            {
                onlyY += functionRanks.Contains(y[j]) ? 0 : 1;
                j++;
            }
            else
            {
                i++;
                j++;
            }
        }

        return onlyX == 0 || onlyY == 0;
    }

    internal static double Jaccard(int[] x, int[] y)
    {
        if (x.Length == 0 || y.Length == 0)
        {
            return 0;
        }

        int i = 0, j = 0, common = 0;
        while (i < x.Length && j < y.Length)
        {
            if (x[i] == y[j])
            {
                common++;
                i++;
                j++;
            }
            else if (x[i] < y[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (double)common / (x.Length + y.Length - common);
    }

    private sealed class SequenceComparer : IEqualityComparer<int[]>
    {
        public static readonly SequenceComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x is not null && y is not null && x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var hash = new HashCode();
            foreach (var v in obj)
            {
                hash.Add(v);
            }

            return hash.ToHashCode();
        }
    }
}
