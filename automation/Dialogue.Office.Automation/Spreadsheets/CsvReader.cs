using System.Text;
using Dialogue.Office.Automation.Inputs;

namespace Dialogue.Office.Automation.Spreadsheets;

/// <summary>RFC 4180 CSV (comma or semicolon, detected from the first line), UTF-8 with or without BOM.</summary>
internal static class CsvReader
{
    /// <summary>Reads a .csv file of at most <paramref name="maxBytes"/> and <paramref name="maxRows"/> records.</summary>
    /// <exception cref="InputFileException">Not a regular file, too large, not UTF-8, too many rows.</exception>
    public static SheetValues Read(string path, string sheetName = "", long maxBytes = InputLimits.CsvFileBytes, int maxRows = InputLimits.DelegateRows)
    {
        var name = Path.GetFileName(path);
        var rows = Parse(InputFile.ReadAllText(path, maxBytes, name), sheetName, maxRows);
        return rows.Rows.Count > maxRows
            ? throw new InputFileException(InputRejection.TooManyRows, name, $"more than {maxRows} rows", rows.Rows.Count, maxRows)
            : rows;
    }

    /// <summary>Parses CSV text; stops after <paramref name="maxRows"/> + 1 non-empty records (the caller reports the excess).</summary>
    public static SheetValues Parse(string text, string sheetName = "", int maxRows = int.MaxValue)
    {
        text = text.TrimStart('\uFEFF');
        var firstLine = text.Split('\n', 2)[0];
        var separator = firstLine.Count(ch => ch == ';') > firstLine.Count(ch => ch == ',') ? ';' : ',';
        var rows = new List<SheetRow>();
        var cells = new List<string?>();
        var field = new StringBuilder();
        var quoted = false;
        var row = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    cells.Add(field.ToString());
                    field.Clear();
                    if (cells.Exists(c => !string.IsNullOrWhiteSpace(c)))
                    {
                        rows.Add(new SheetRow(row, cells));
                        if (rows.Count > maxRows)
                        {
                            return new SheetValues(sheetName, rows, [], false);
                        }
                    }

                    cells = [];
                    row++;
                    break;
                default:
                    if (ch == separator)
                    {
                        cells.Add(field.ToString());
                        field.Clear();
                    }
                    else
                    {
                        field.Append(ch);
                    }

                    break;
            }
        }

        if (field.Length > 0 || cells.Count > 0)
        {
            cells.Add(field.ToString());
            if (cells.Exists(c => !string.IsNullOrWhiteSpace(c)))
            {
                rows.Add(new SheetRow(row, cells));
            }
        }

        return new SheetValues(sheetName, rows, [], false);
    }
}
