using Spectre.Console;
using Spectre.Console.Rendering;

namespace Dialogue.Office.Cli.Output;

/// <summary>How a column's text may be broken across lines.</summary>
internal enum Fit
{
    /// <summary>Never broken: codes, numbers, file names, links (a clerk copies them).</summary>
    Atomic,

    /// <summary>Broken between words only: names, locations.</summary>
    Words,

    /// <summary>Sentences: broken between words, and the column gets enough width to stay readable.</summary>
    Prose,
}

/// <summary>One column of a <see cref="FitTable"/>.</summary>
/// <param name="Header">Header in the table, label in the list layouts.</param>
/// <param name="Fit">How the column's text may be broken.</param>
/// <param name="Heading">The cell starts the row's first line in the list layouts (severity, code, name).</param>
/// <param name="Labelled">The list layouts write "Header: value" (false for a message, which speaks for itself).</param>
/// <param name="Right">Right-aligned in the table (numbers).</param>
internal sealed record FitColumn(string Header, Fit Fit, bool Heading = false, bool Labelled = true, bool Right = false);

/// <summary>One cell: its text and an optional Spectre style ("red", "green").</summary>
internal readonly record struct FitCell(string Text, string? Style = null)
{
    public static implicit operator FitCell(string text) => new(text);
}

/// <summary>
/// A table that never splits a code or a word. On a terminal it is drawn as a table when every column gets at least its
/// longest word (its whole text for <see cref="Fit.Atomic"/> columns); otherwise each row becomes a short block
/// ("Lỗi ND30_FONT", then "Vị trí: …" lines wrapped between words). Into a file or a pipe each row is one line, unwrapped,
/// so that grep and a text editor see whole records.
/// </summary>
internal sealed class FitTable(string? title, params FitColumn[] columns)
{
    /// <summary>A sentence column narrower than this reads badly: the list layout is chosen instead.</summary>
    internal const int ProseMinimum = 24;

    private readonly List<FitCell[]> _rows = [];

    public IReadOnlyList<FitColumn> Columns => columns;

    public int RowCount => _rows.Count;

    public FitTable Add(params FitCell[] cells)
    {
        if (cells.Length != columns.Length)
        {
            throw new ArgumentException($"Expected {columns.Length} cells, got {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
        return this;
    }

    public void Write(IAnsiConsole console)
    {
        if (!console.Profile.Out.IsTerminal)
        {
            WriteLines(console.Profile.Out.Writer);
        }
        else if (ColumnWidths(console) is { } widths)
        {
            WriteTable(console, widths);
        }
        else
        {
            WriteList(console);
        }
    }

    /// <summary>
    /// The content width of each column when the table fits the console with no word broken, else null. Atomic columns
    /// get their widest cell; word columns at least their longest word; the room left goes to the columns that wrap.
    /// </summary>
    internal int[]? ColumnWidths(IAnsiConsole console)
    {
        var options = RenderOptions.Create(console, console.Profile.Capabilities);
        var min = new int[columns.Length];
        var max = new int[columns.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            foreach (var text in _rows.Select(r => r[c].Text).Prepend(columns[c].Header))
            {
                var m = ((IRenderable)new Text(text)).Measure(options, int.MaxValue);
                max[c] = Math.Max(max[c], m.Max);
                min[c] = Math.Max(min[c], columns[c].Fit == Fit.Atomic ? m.Max : m.Min);
            }

            if (columns[c].Fit == Fit.Prose)
            {
                min[c] = Math.Max(min[c], Math.Min(ProseMinimum, max[c]));
            }
        }

        // Rounded border: one line left of each column and one at the end; one space of padding each side of a cell.
        var room = console.Profile.Width - (columns.Length + 1) - (2 * columns.Length);
        if (min.Sum() > room)
        {
            return null;
        }

        var widths = (int[])min.Clone();
        var spare = room - min.Sum();
        var wants = Enumerable.Range(0, columns.Length).Select(c => max[c] - min[c]).ToArray();
        var wanted = wants.Sum();
        if (wanted <= spare)
        {
            return max;
        }

        for (var c = 0; c < columns.Length && wanted > 0; c++)
        {
            var share = (int)((long)spare * wants[c] / wanted);
            widths[c] += share;
        }

        // Rounding leftovers go to the column that wants most, so the table still spans the console.
        var left = room - widths.Sum();
        if (left > 0)
        {
            var neediest = Array.IndexOf(wants, wants.Max());
            widths[neediest] += left;
        }

        return widths;
    }

    private void WriteTable(IAnsiConsole console, int[] widths)
    {
        var table = new Table().Border(TableBorder.Rounded);
        if (title is not null)
        {
            table.Title(new TableTitle(Markup.Escape(title)));
        }

        for (var c = 0; c < columns.Length; c++)
        {
            var column = new TableColumn(new Text(columns[c].Header)) { Width = widths[c], NoWrap = columns[c].Fit == Fit.Atomic };
            table.AddColumn(columns[c].Right ? column.RightAligned() : column);
        }

        foreach (var row in _rows)
        {
            table.AddRow(row.Select(Render).ToArray());
        }

        console.Write(table);
    }

    private void WriteList(IAnsiConsole console)
    {
        if (title is not null)
        {
            console.Write(new Paragraph(title, new Style(decoration: Decoration.Bold)));
            console.WriteLine();
        }

        var room = console.Profile.Width - 2;
        foreach (var row in _rows)
        {
            console.WriteLine();
            var heading = new Paragraph();
            var first = true;
            for (var c = 0; c < columns.Length; c++)
            {
                if (columns[c].Heading && row[c].Text.Length > 0)
                {
                    heading.Append(first ? row[c].Text : " " + row[c].Text, Style(row[c]));
                    first = false;
                }
            }

            console.Write(heading);
            console.WriteLine();
            for (var c = 0; c < columns.Length; c++)
            {
                if (columns[c].Heading || row[c].Text.Length == 0)
                {
                    continue;
                }

                var label = columns[c].Labelled ? columns[c].Header + ": " : "";
                if (columns[c].Fit == Fit.Atomic && Width(console, label + row[c].Text) > room)
                {
                    // A link or path wider than the console: written as one line for the terminal to fold, so that
                    // copying it gives it back whole.
                    console.Profile.Out.Writer.WriteLine("  " + label + row[c].Text);
                    continue;
                }

                var line = new Paragraph();
                if (label.Length > 0)
                {
                    line.Append(label, new Style(decoration: Decoration.Dim));
                }

                line.Append(row[c].Text, Style(row[c]));
                console.Write(new Padder(line, new Padding(2, 0, 0, 0)));
            }
        }

        console.WriteLine();
    }

    private void WriteLines(TextWriter writer)
    {
        if (title is not null)
        {
            writer.WriteLine(title);
        }

        foreach (var row in _rows)
        {
            writer.WriteLine(Line(row));
        }
    }

    /// <summary>A row as one line: "Lỗi ND30_FONT · Vị trí: đoạn 7 · Phông chữ: …".</summary>
    /// <remarks>
    /// Plain loops, not LINQ over the column indexes: this runs at the end of every command that prints into a file or
    /// a pipe, and LINQ over value types is compiled by the JIT at each run (not precompiled by ReadyToRun; issue 17).
    /// </remarks>
    internal string Line(FitCell[] row)
    {
        var line = new System.Text.StringBuilder();
        for (var c = 0; c < columns.Length; c++)
        {
            if (columns[c].Heading && row[c].Text.Length > 0)
            {
                line.Append(line.Length > 0 ? " " : "").Append(row[c].Text);
            }
        }

        for (var c = 0; c < columns.Length; c++)
        {
            if (!columns[c].Heading && row[c].Text.Length > 0)
            {
                line.Append(line.Length > 0 ? " · " : "");
                if (columns[c].Labelled)
                {
                    line.Append(columns[c].Header).Append(": ");
                }

                line.Append(row[c].Text);
            }
        }

        return line.ToString();
    }

    /// <summary>How many columns the text takes on this console (Vietnamese letters one each, wide characters two).</summary>
    internal static int Width(IAnsiConsole console, string text) =>
        ((IRenderable)new Text(text)).Measure(RenderOptions.Create(console, console.Profile.Capabilities), int.MaxValue).Max;

    private static Style Style(FitCell cell) => cell.Style is null ? Spectre.Console.Style.Plain : Spectre.Console.Style.Parse(cell.Style);

    private static Text Render(FitCell cell) => new(cell.Text, Style(cell));
}
