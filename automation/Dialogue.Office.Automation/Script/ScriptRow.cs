namespace Dialogue.Office.Automation.Script;

/// <summary>How a line of the MC's words is printed.</summary>
internal enum LineStyle
{
    /// <summary>Words read aloud.</summary>
    Speech,

    /// <summary>The part's title (bold).</summary>
    Heading,

    /// <summary>A stage direction, not read aloud (italic, in brackets).</summary>
    Stage,

    /// <summary>One name in a list ("- Đồng chí …;"), indented.</summary>
    Item,

    /// <summary>A place the secretariat still has to fill (bold italic).</summary>
    Placeholder,
}

internal sealed record ScriptLine(string Text, LineStyle Style = LineStyle.Speech);

/// <summary>One row of the script table: the time, the words, who speaks or acts.</summary>
internal sealed record ScriptRow(string Time, IReadOnlyList<ScriptLine> Lines, string Who);
