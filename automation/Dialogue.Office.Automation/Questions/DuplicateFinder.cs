using System.Collections.Concurrent;
using System.Globalization;
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
/// sentence (Jaccard 0.87) does not. Candidates come from the postings of each text's rarest content word (see
/// NearPairs), so it stays near-linear on 50 000 template-like questions; pairs link single-link (union-find).
/// </summary>
internal static class DuplicateFinder
{
    public const int MinNearTokens = 5;

    /// <summary>Function words that may differ between two wordings of one question.</summary>
    private static readonly string[] FunctionWords =
        ["ở", "tại", "của", "cho", "các", "những", "và", "với", "về", "được", "đã", "là", "có", "thì", "mà", "để", "này", "đó", "trong", "trên", "từ", "rất", "cũng", "nên", "nhằm", "vì", "đối", "việc", "hiện", "nay"];

    /// <summary>Turns texts into token-id sequences (shared vocabulary; no substring allocations).</summary>
    /// <summary>
    /// Turns texts into token-id sequences (shared vocabulary; no substring allocations). Thread-safe: files are
    /// tokenised on the reading threads; lookups are lock-free, the first sighting of a word takes a lock.
    /// </summary>
    internal sealed class Vocabulary
    {
        private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private readonly List<bool> _hasDigit = [];
        private readonly Lock _gate = new();

        public Vocabulary() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

        /// <summary>Only once tokenising is over.</summary>
        public bool HasDigit(int id) => _hasDigit[id];

        public bool TryGetId(string token, out int id) => _ids.TryGetValue(token, out id);

        public int Count => _hasDigit.Count;

        public int[] Tokenize(string text)
        {
            // A text of n chars has at most (n + 1) / 2 words: ids go to a stack buffer, then one exact-size array.
            var most = (text.Length + 1) / 2;
            var result = most <= 1024 ? stackalloc int[most] : new int[most];
            var count = 0;
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
                        id = Add(span);
                    }

                    result[count++] = id;
                    start = -1;
                }
            }

            return result[..count].ToArray();
        }

        private int Add(ReadOnlySpan<char> word)
        {
            lock (_gate)
            {
                if (_lookup.TryGetValue(word, out var id))
                {
                    return id;
                }

                id = _hasDigit.Count;
                var digit = false;
                foreach (var ch in word)
                {
                    digit |= char.IsDigit(ch);
                }

                _hasDigit.Add(digit);
                _ids[new string(word)] = id;
                return id;
            }
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


        // Collect groups in order of their first member (only roots with two or more members get a list).
        var roots = new int[n];
        var size = new int[n];
        for (var i = 0; i < n; i++)
        {
            roots[i] = Root(parent, i);
            size[roots[i]]++;
        }

        var members = new Dictionary<int, List<int>>();
        for (var i = 0; i < n; i++)
        {
            if (size[roots[i]] < 2)
            {
                continue;
            }

            if (!members.TryGetValue(roots[i], out var list))
            {
                members[roots[i]] = list = new List<int>(size[roots[i]]);
            }

            list.Add(i);
        }

        var groups = new List<DuplicateGroup>();
        foreach (var list in members.Values.OrderBy(l => l[0]))
        {
            var head = rep[list[0]];
            var exact = list.TrueForAll(i => rep[i] == head);
            var similarity = list.Select(i => rep[i] == head ? 1.0 : Jaccard(sets[rep[i]] ?? [], sets[head] ?? [])).ToList();
            groups.Add(new DuplicateGroup($"T{groups.Count + 1:0000}", exact, list, list.Select(i => rep[i]).ToList(), similarity));
        }

        return groups;
    }

    private static int[] DistinctSorted(int[] tokens)
    {
        var copy = tokens.Length <= 1024 ? stackalloc int[tokens.Length] : new int[tokens.Length];
        tokens.CopyTo(copy);
        copy.Sort();
        var count = 0;
        for (var i = 0; i < copy.Length; i++)
        {
            if (i == 0 || copy[i] != copy[i - 1])
            {
                copy[count++] = copy[i];
            }
        }

        return copy[..count].ToArray();
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
        // Global token order: rarest first. Token ids are dense (0…V-1), so plain arrays do the counting.
        var vocabularySize = vocabulary.Count;
        var distinctTokens = new int[tokens.Length][];
        var frequency = new int[vocabularySize];
        foreach (var i in reps)
        {
            var distinct = DistinctSorted(tokens[i]);
            distinctTokens[i] = distinct;
            foreach (var token in distinct)
            {
                frequency[token]++;
            }
        }

        var byRarity = new int[vocabularySize];
        for (var t = 0; t < vocabularySize; t++)
        {
            byRarity[t] = t;
        }

        Array.Sort(frequency.ToArray(), byRarity); // stable enough: equal counts keep no particular order, ranks stay unique
        var rank = new int[vocabularySize];
        for (var r = 0; r < vocabularySize; r++)
        {
            rank[byRarity[r]] = r;
        }

        var functionRanks = new bool[vocabularySize]; // by rank: an array, not a set, in the pair loop's hot path
        foreach (var word in FunctionWords)
        {
            if (vocabulary.TryGetId(word, out var id))
            {
                functionRanks[rank[id]] = true;
            }
        }

        // Every pair that can group has one side whose content words all appear in the other (no substitution),
        // so the smaller side's rarest content word is in the larger one: probing that one word's postings finds
        // every candidate, and rare words have short postings even on template-like corpora.
        var signatures = new Dictionary<string, int>(StringComparer.Ordinal);
        var signatureOf = new int[sets.Length];
        var postings = new List<int>?[vocabularySize];
        var eligible = new List<int>(reps.Count);
        foreach (var i in reps)
        {
            var distinct = distinctTokens[i];
            if (distinct.Length < MinNearTokens)
            {
                continue;
            }

            var signature = "";
            foreach (var token in distinct)
            {
                if (vocabulary.HasDigit(token))
                {
                    signature = signature.Length == 0 ? token.ToString(CultureInfo.InvariantCulture) : signature + "," + token.ToString(CultureInfo.InvariantCulture);
                }
            }

            // The set of ranks is written over the token ids (not read again): one array per question, not two.
            var set = distinct;
            for (var k = 0; k < set.Length; k++)
            {
                set[k] = rank[set[k]];
            }

            Array.Sort(set);
            sets[i] = set;

            if (!signatures.TryGetValue(signature, out var signatureId))
            {
                signatures[signature] = signatureId = signatures.Count;
            }

            signatureOf[i] = signatureId;
            eligible.Add(i);
            foreach (var r in set)
            {
                (postings[r] ??= new List<int>(4)).Add(i);
            }
        }

        if (eligible.Count < 2)
        {
            return;
        }

        var found = new System.Collections.Concurrent.ConcurrentBag<List<(int, int)>>();
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, eligible.Count),
            () => new List<(int, int)>(),
            // AggressiveOptimization kept on this loop and the two below (JIT-compiled at full speed, skipping
            // ReadyToRun): without it the duplicates phase of a 1 000-file merge took ~25 % more CPU (issue 17).
            [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] (range, _, pairs) =>
            {
                for (var e = range.Item1; e < range.Item2; e++)
                {
                    var i = eligible[e];
                    var x = sets[i];
                    var rarest = -1;
                    foreach (var r in x)
                    {
                        if (!functionRanks[r])
                        {
                            rarest = r;
                            break;
                        }
                    }

                    if (rarest < 0 || postings[rarest] is not { } candidates)
                    {
                        continue;
                    }

                    foreach (var j in candidates)
                    {
                        var y = sets[j];
                        // Probe from the smaller side only (ties: from the later index): one check per pair.
                        if (j == i || y.Length < x.Length || (y.Length == x.Length && j > i) || signatureOf[j] != signatureOf[i])
                        {
                            continue;
                        }

                        if (x.Length >= threshold * y.Length && Jaccard(x, y) >= threshold && NoSubstitution(x, y, functionRanks))
                        {
                            pairs.Add((i, j));
                        }
                    }
                }

                return pairs;
            },
            found.Add);

        // The order of the unions does not matter (so the pairs are not sorted: a LINQ sort over tuples is JIT-compiled
        // at every start): parent[i] <= i holds throughout, so every root is the smallest index of its set and the groups
        // and their roots come out the same whatever order the threads found the pairs in.
        foreach (var pairs in found)
        {
            foreach (var (i, j) in pairs)
            {
                var ri = Root(parent, i);
                var rj = Root(parent, j);
                if (ri != rj)
                {
                    parent[Math.Max(ri, rj)] = Math.Min(ri, rj);
                }
            }
        }
    }

    /// <summary>True when one set's content words (function words aside) all appear in the other.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static bool NoSubstitution(int[] x, int[] y, bool[] functionRanks)
    {
        int i = 0, j = 0, onlyX = 0, onlyY = 0;
        while (i < x.Length || j < y.Length)
        {
            if (j >= y.Length || (i < x.Length && x[i] < y[j]))
            {
                onlyX += functionRanks[x[i]] ? 0 : 1;
                i++;
            }
            else if (i >= x.Length || y[j] < x[i])
            {
                onlyY += functionRanks[y[j]] ? 0 : 1;
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

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
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

