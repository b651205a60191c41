using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Templating;

/// <summary>
/// The values a mail-merge field can read besides the vocabulary tags: keys of the value dictionary a letter is
/// rendered with. A column of the delegate list is <c>@</c> + its header as written.
/// </summary>
public static class MergeKeys
{
    /// <summary>The key of a delegate-list column's value.</summary>
    public static string Column(string header) => "@" + header;

    /// <summary>The issue date of the letter (ISO yyyy-MM-dd): what DATE, CREATEDATE, PRINTDATE and SAVEDATE show.</summary>
    public const string LetterDate = "#date";

    /// <summary>The delegate's number in the list (MERGEREC, MERGESEQ).</summary>
    public const string RecordNumber = "#record";
}

/// <summary>How a MERGEFIELD name was bound.</summary>
internal readonly record struct MergeBinding(string Key, string? Tag, string? Column);

/// <summary>
/// Binds MERGEFIELD names to the delegate list's columns and the vocabulary the way Word derives field names from a
/// list's headers: Word 2010 and later write "Họ và tên" as <c>Họ_và_tên</c> (spaces and punctuation to "_",
/// diacritics kept), older versions and Word for Mac may drop or replace the letters with diacritics (<c>H__v__t_n</c>,
/// <c>Ho_va_ten</c>). Names are compared without case, diacritics and separators, then by their ASCII letters only.
/// </summary>
internal sealed class MergeNames
{
    private readonly IReadOnlyList<string> _columns;

    public MergeNames(IReadOnlyList<string> columns) => _columns = columns;

    public IReadOnlyList<string> Columns => _columns;

    public MergeBinding? Bind(string name)
    {
        name = name.Normalize(NormalizationForm.FormC).Trim();
        if (TemplateFields.Find(name) is { } exact)
        {
            return new MergeBinding(exact.Tag, exact.Tag, null);
        }

        var key = Key(name);
        foreach (var column in _columns)
        {
            if (key.Length > 0 && Key(column) == key)
            {
                return new MergeBinding(MergeKeys.Column(column), null, column);
            }
        }

        var skeleton = Skeleton(name);
        foreach (var column in _columns)
        {
            if (skeleton.Length > 1 && Skeleton(column) == skeleton)
            {
                return new MergeBinding(MergeKeys.Column(column), null, column);
            }
        }

        foreach (var field in TemplateFields.All)
        {
            if (Key(field.Tag) == key)
            {
                return new MergeBinding(field.Tag, field.Tag, null);
            }
        }

        return null;
    }

    /// <summary>The nearest columns and vocabulary names to an unmatched name, nearest first (at most three).</summary>
    public IReadOnlyList<string> Suggest(string name)
    {
        var key = Key(name);
        var candidates = _columns.Select(c => (Label: $"cột \"{c}\"", Key: Key(c)))
            .Concat(TemplateFields.All.Where(f => f.Kind != FieldKind.Rows).Select(f => (Label: $"trường \"{f.Tag}\"", Key: Key(f.Tag))));
        return candidates
            .Select(c => (c.Label, Score: Score(key, c.Key)))
            .Where(c => c.Score < int.MaxValue)
            .OrderBy(c => c.Score)
            .Select(c => c.Label)
            .Distinct()
            .Take(3)
            .ToList();
    }

    private static int Score(string typed, string candidate)
    {
        if (typed.Length == 0 || candidate.Length == 0)
        {
            return int.MaxValue;
        }

        if (candidate.Contains(typed, StringComparison.Ordinal) || typed.Contains(candidate, StringComparison.Ordinal))
        {
            return Math.Abs(candidate.Length - typed.Length) / 4;
        }

        var distance = Levenshtein(typed, candidate);
        return distance <= Math.Max(2, Math.Min(typed.Length, candidate.Length) / 3) ? distance : int.MaxValue;
    }

    /// <summary>"Họ_và_tên", "Ho va ten", "HỌ VÀ TÊN" → "hovaten".</summary>
    internal static string Key(string text) => VietnameseText.Fold(text).Replace(" ", "", StringComparison.Ordinal);

    /// <summary>ASCII letters and digits only, lower case: "Họ_và_tên" and "H__v__t_n" → "hvtn".</summary>
    private static string Skeleton(string text) =>
        new(text.Normalize(NormalizationForm.FormC).Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static int Levenshtein(string a, string b)
    {
        if (a.Length > 80 || b.Length > 80)
        {
            return int.MaxValue;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

/// <summary>Word's general switches on a field result: <c>\*</c> case, <c>\@</c> date picture, <c>\b</c>/<c>\f</c> text before/after.</summary>
internal sealed record FieldSwitches(string? Case, string? DatePicture, string? Before, string? After)
{
    public static readonly FieldSwitches None = new(null, null, null, null);

    public string Apply(string value, bool isDate = false)
    {
        if (DatePicture is not null && (isDate || value.Length > 0) && MergeDates.TryParse(value, out var date))
        {
            value = MergeDates.Format(date, DatePicture);
        }

        value = Case?.ToUpperInvariant() switch
        {
            "UPPER" => VietnameseText.Upper(value),
            "LOWER" => value.ToLower(VietnameseText.Culture),
            "FIRSTCAP" => value.Length > 0 ? VietnameseText.UpperFirst(value) : value,
            "CAPS" => string.Join(' ', value.Split(' ').Select(w => w.Length > 0 ? VietnameseText.UpperFirst(w.ToLower(VietnameseText.Culture)) : w)),
            _ => value,
        };

        if (value.Length > 0)
        {
            value = (Before ?? "") + value + (After ?? "");
        }

        return value;
    }
}

/// <summary>Dates in field results: a value read from the list (Excel serial, d/M/yyyy, ISO) formatted by a Word date picture.</summary>
internal static partial class MergeDates
{
    public static bool TryParse(string text, out DateTime date)
    {
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2958466)
        {
            date = DateTime.FromOADate(serial);
            return true;
        }

        string[] formats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "d/M/yyyy", "d/M/yyyy H:mm", "d-M-yyyy", "d.M.yyyy"];
        return DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>
    /// Word date pictures: d dd ddd dddd, M MM MMM MMMM, yy yyyy, h hh H HH, m mm, 'text'; anything else is literal.
    /// Names are Vietnamese: dddd → "thứ Ba", MMMM → "tháng 4" (as the date line writes them).
    /// </summary>
    public static string Format(DateTime date, string picture)
    {
        var result = new StringBuilder();
        var i = 0;
        while (i < picture.Length)
        {
            var c = picture[i];
            if (c == '\'')
            {
                var close = picture.IndexOf('\'', i + 1);
                close = close < 0 ? picture.Length : close;
                result.Append(picture, i + 1, close - i - 1);
                i = close + 1;
                continue;
            }

            var run = 1;
            while (i + run < picture.Length && picture[i + run] == c)
            {
                run++;
            }

            var text = (c, run) switch
            {
                ('d', 1) => date.Day.ToString(CultureInfo.InvariantCulture),
                ('d', 2) => date.Day.ToString("00", CultureInfo.InvariantCulture),
                ('d', 3) => VietnameseText.DayOfWeek(DateOnly.FromDateTime(date)),
                ('d', _) => VietnameseText.DayOfWeek(DateOnly.FromDateTime(date)),
                ('M', 1) => date.Month.ToString(CultureInfo.InvariantCulture),
                ('M', 2) => date.Month.ToString("00", CultureInfo.InvariantCulture),
                ('M', _) => "tháng " + date.Month.ToString(CultureInfo.InvariantCulture),
                ('y', <= 2) => (date.Year % 100).ToString("00", CultureInfo.InvariantCulture),
                ('y', _) => date.Year.ToString(CultureInfo.InvariantCulture),
                ('h', 1) => (date.Hour % 12 == 0 ? 12 : date.Hour % 12).ToString(CultureInfo.InvariantCulture),
                ('h', _) => (date.Hour % 12 == 0 ? 12 : date.Hour % 12).ToString("00", CultureInfo.InvariantCulture),
                ('H', 1) => date.Hour.ToString(CultureInfo.InvariantCulture),
                ('H', _) => date.Hour.ToString("00", CultureInfo.InvariantCulture),
                ('m', 1) => date.Minute.ToString(CultureInfo.InvariantCulture),
                ('m', _) => date.Minute.ToString("00", CultureInfo.InvariantCulture),
                _ => new string(c, run),
            };
            result.Append(text);
            i += run;
        }

        return result.ToString();
    }
}

/// <summary>A parsed merge field: evaluated once per letter against the letter's values.</summary>
internal abstract record MergeExpr
{
    public abstract string Eval(IReadOnlyDictionary<string, string> values);

    /// <summary>The value keys this expression reads.</summary>
    public abstract IEnumerable<string> Keys { get; }
}

/// <summary>Literal text with nested fields ("Kính gửi { MERGEFIELD Họ_tên }").</summary>
internal sealed record SequenceExpr(IReadOnlyList<object> Parts) : MergeExpr
{
    public override string Eval(IReadOnlyDictionary<string, string> values)
    {
        var sb = new StringBuilder();
        foreach (var part in Parts)
        {
            sb.Append(part is MergeExpr e ? e.Eval(values) : (string)part);
        }

        return sb.ToString();
    }

    public override IEnumerable<string> Keys => Parts.OfType<MergeExpr>().SelectMany(p => p.Keys);
}

internal sealed record ValueExpr(string Key, FieldSwitches Switches, bool IsDate = false) : MergeExpr
{
    public override string Eval(IReadOnlyDictionary<string, string> values)
    {
        var value = values.GetValueOrDefault(Key) ?? "";
        value = value.Replace("**", "", StringComparison.Ordinal);
        if (IsDate && Switches.DatePicture is null && MergeDates.TryParse(value, out var d))
        {
            value = MergeDates.Format(d, "dd/MM/yyyy");
        }

        return Switches.Apply(value, IsDate);
    }

    public override IEnumerable<string> Keys => [Key];
}

/// <summary>A field the letter cannot compute (PAGE inside an IF …): empty.</summary>
internal sealed record EmptyExpr : MergeExpr
{
    public override string Eval(IReadOnlyDictionary<string, string> values) => "";

    public override IEnumerable<string> Keys => [];
}

/// <summary><c>IF left op right "then" "else"</c>: text comparisons ignore case and surrounding spaces; = and &lt;&gt; accept * and ? wildcards.</summary>
internal sealed partial record IfExpr(MergeExpr Left, string Op, MergeExpr Right, MergeExpr Then, MergeExpr Else, FieldSwitches Switches) : MergeExpr
{
    public override string Eval(IReadOnlyDictionary<string, string> values)
    {
        var left = Left.Eval(values).Trim().Normalize(NormalizationForm.FormC);
        var right = Right.Eval(values).Trim().Normalize(NormalizationForm.FormC);
        bool result;
        if (Op is "=" or "<>")
        {
            var equal = right.Contains('*') || right.Contains('?')
                ? Regex.IsMatch(left, "^" + Regex.Escape(right).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
                    RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)
                : string.Equals(left, right, StringComparison.OrdinalIgnoreCase) || (Number(left) is { } a && Number(right) is { } b && a == b);
            result = Op == "=" ? equal : !equal;
        }
        else
        {
            var compare = Number(left) is { } a && Number(right) is { } b
                ? a.CompareTo(b)
                : string.Compare(left, right, VietnameseText.Culture, CompareOptions.IgnoreCase);
            result = Op switch
            {
                "<" => compare < 0,
                "<=" => compare <= 0,
                ">" => compare > 0,
                _ => compare >= 0,
            };
        }

        return Switches.Apply((result ? Then : Else).Eval(values));
    }

    private static decimal? Number(string text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;

    public override IEnumerable<string> Keys => Left.Keys.Concat(Right.Keys).Concat(Then.Keys).Concat(Else.Keys);
}

/// <summary>What parsing a field's instruction found.</summary>
internal enum FieldVerdict
{
    /// <summary>Not a merge field (PAGE, HYPERLINK, TOC …): left as Word wrote it.</summary>
    NotMerge,

    /// <summary>A merge field the letter computes.</summary>
    Merge,

    /// <summary>A merge field this project does not run (NEXT, ASK, FILLIN …), or one it cannot read.</summary>
    Unsupported,
}

/// <summary>
/// Parses Word field instructions (the text of <c>w:instrText</c> runs or a <c>w:fldSimple</c>'s instruction, with the
/// fields nested in it already parsed) into <see cref="MergeExpr"/>. Handles MERGEFIELD with quoted names and names with
/// spaces, IF with nested fields in its operands and results, DATE and its kin, MERGEREC/MERGESEQ, and the general switches.
/// </summary>
internal sealed class MergeFieldParser
{
    private static readonly HashSet<string> DateFields = new(StringComparer.OrdinalIgnoreCase) { "DATE", "CREATEDATE", "PRINTDATE", "SAVEDATE" };

    /// <summary>Merge fields that control a whole merge (records, prompts) rather than print a value.</summary>
    public static readonly HashSet<string> UnsupportedFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "NEXT", "NEXTIF", "SKIPIF", "ASK", "FILLIN", "SET", "DATABASE", "INCLUDETEXT", "INCLUDEPICTURE", "MERGEBARCODE", "DISPLAYBARCODE", "ADDRESSBLOCK", "GREETINGLINE",
    };

    private readonly MergeNames _names;

    public MergeFieldParser(MergeNames names) => _names = names;

    /// <summary>Names that bound to nothing, in the order met.</summary>
    public List<string> Unmatched { get; } = [];

    /// <summary>The first word of an instruction (the field type), upper case.</summary>
    public static string FieldType(IReadOnlyList<object> items)
    {
        var first = items.Count > 0 ? items[0] as string ?? "" : "";
        var word = first.TrimStart().Split([' ', '\t', '\\', '"'], 2)[0];
        return word.ToUpperInvariant();
    }

    public (FieldVerdict Verdict, MergeExpr? Expr, string? Reason) Parse(IReadOnlyList<object> items)
    {
        var tokens = Tokenize(items);
        if (tokens.Count == 0 || tokens[0].Kind != TokenKind.Word)
        {
            return (FieldVerdict.NotMerge, null, null);
        }

        var type = tokens[0].Text.ToUpperInvariant();
        if (UnsupportedFields.Contains(type))
        {
            return (FieldVerdict.Unsupported, null, type);
        }

        switch (type)
        {
            case "MERGEFIELD":
                {
                    if (tokens.Count < 2 || tokens[1].Kind == TokenKind.Field)
                    {
                        return (FieldVerdict.Unsupported, null, "MERGEFIELD");
                    }

                    var name = tokens[1].Text;
                    var switches = Switches(tokens, 2);
                    if (_names.Bind(name) is not { } binding)
                    {
                        Unmatched.Add(name);
                        return (FieldVerdict.Merge, new ValueExpr("?" + name, switches), null);
                    }

                    return (FieldVerdict.Merge, new ValueExpr(binding.Key, switches), null);
                }

            case "IF":
                {
                    // IF left op right then [else] [switches]
                    var args = tokens.Skip(1).TakeWhile(t => !(t.Kind == TokenKind.Word && t.Text.StartsWith('\\'))).ToList();
                    var switches = Switches(tokens, 1 + args.Count);
                    var opIndex = args.FindIndex(t => t.Kind == TokenKind.Word && t.Text is "=" or "<>" or "<" or ">" or "<=" or ">=");
                    if (opIndex != 1 || args.Count < 4)
                    {
                        return (FieldVerdict.Unsupported, null, "IF");
                    }

                    return (FieldVerdict.Merge, new IfExpr(Operand(args[0]), args[1].Text, Operand(args[2]), Operand(args[3]),
                        args.Count > 4 ? Operand(args[4]) : new SequenceExpr([]), switches), null);
                }

            case "MERGEREC":
            case "MERGESEQ":
                return (FieldVerdict.Merge, new ValueExpr(MergeKeys.RecordNumber, Switches(tokens, 1)), null);
        }

        if (DateFields.Contains(type))
        {
            var switches = Switches(tokens, 1);
            return (FieldVerdict.Merge, new ValueExpr(MergeKeys.LetterDate, switches with { DatePicture = switches.DatePicture ?? "dd/MM/yyyy" }, true), null);
        }

        return (FieldVerdict.NotMerge, null, null);
    }

    private static MergeExpr Operand(Token token) => token.Kind switch
    {
        TokenKind.Field => token.Expr!,
        TokenKind.Quoted => new SequenceExpr(token.Parts!),
        _ => new SequenceExpr([token.Text]),
    };

    private static FieldSwitches Switches(List<Token> tokens, int start)
    {
        string? @case = null, date = null, before = null, after = null;
        for (var i = start; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind != TokenKind.Word || !t.Text.StartsWith('\\') || t.Text.Length < 2)
            {
                continue;
            }

            var flag = t.Text[1];
            string? arg = t.Text.Length > 2 ? t.Text[2..] : null;
            if (arg is null && flag is '*' or '@' or 'b' or 'f' or '#' && i + 1 < tokens.Count && tokens[i + 1].Kind != TokenKind.Field
                && !(tokens[i + 1].Kind == TokenKind.Word && tokens[i + 1].Text.StartsWith('\\')))
            {
                arg = tokens[++i].Text;
            }

            switch (flag)
            {
                case '*' when arg is not null && !arg.Equals("MERGEFORMAT", StringComparison.OrdinalIgnoreCase) && !arg.Equals("CHARFORMAT", StringComparison.OrdinalIgnoreCase):
                    @case = arg;
                    break;
                case '@':
                    date = arg;
                    break;
                case 'b':
                    before = arg;
                    break;
                case 'f':
                    after = arg;
                    break;
            }
        }

        return new FieldSwitches(@case, date, before, after);
    }

    private enum TokenKind
    {
        Word,
        Quoted,
        Field,
    }

    private sealed record Token(TokenKind Kind, string Text, List<object>? Parts = null, MergeExpr? Expr = null);

    private static List<Token> Tokenize(IReadOnlyList<object> items)
    {
        var tokens = new List<Token>();
        var word = new StringBuilder();
        List<object>? quoted = null;
        var quotedText = new StringBuilder();

        void FlushWord()
        {
            if (word.Length > 0)
            {
                tokens.Add(new Token(TokenKind.Word, word.ToString()));
                word.Clear();
            }
        }

        void FlushQuotedText()
        {
            if (quotedText.Length > 0)
            {
                quoted!.Add(quotedText.ToString());
                quotedText.Clear();
            }
        }

        foreach (var item in items)
        {
            if (item is MergeExpr nested)
            {
                if (quoted is not null)
                {
                    FlushQuotedText();
                    quoted.Add(nested);
                }
                else
                {
                    FlushWord();
                    tokens.Add(new Token(TokenKind.Field, "", Expr: nested));
                }

                continue;
            }

            var text = (string)item;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted is not null)
                {
                    if (c == '"')
                    {
                        FlushQuotedText();
                        tokens.Add(new Token(TokenKind.Quoted, string.Concat(quoted.OfType<string>()), quoted));
                        quoted = null;
                    }
                    else if (c == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\')
                    {
                        quotedText.Append(text[++i]);
                    }
                    else
                    {
                        quotedText.Append(c);
                    }
                }
                else if (char.IsWhiteSpace(c))
                {
                    FlushWord();
                }
                else if (c == '"')
                {
                    FlushWord();
                    quoted = [];
                }
                else if (c is '=' or '<' or '>' && !(word.Length > 0 && word[0] == '\\'))
                {
                    FlushWord();
                    var op = c.ToString();
                    if (i + 1 < text.Length && (c, text[i + 1]) is ('<', '>') or ('<', '=') or ('>', '='))
                    {
                        op += text[++i];
                    }

                    tokens.Add(new Token(TokenKind.Word, op));
                }
                else
                {
                    word.Append(c);
                }
            }
        }

        FlushWord();
        if (quoted is not null)
        {
            FlushQuotedText();
            tokens.Add(new Token(TokenKind.Quoted, string.Concat(quoted.OfType<string>()), quoted));
        }

        return tokens;
    }
}
