using Dialogue.Office.Automation.Plans;

namespace Dialogue.Office.Automation.Audiences;

/// <summary>
/// Where each kind of output goes in an output folder: one sub-folder per audience (<see cref="OutputKinds.Folder"/>),
/// chosen by the plan's <see cref="AudienceSettings"/>. Every writer of a packet file asks here, so the CLI, the add-in
/// and the publisher agree on the layout.
/// </summary>
public static class PacketLayout
{
    /// <summary>The folder <paramref name="kind"/> is written into under <paramref name="outputFolder"/>.</summary>
    public static string FolderOf(ConferencePlan plan, string outputFolder, OutputKind kind) =>
        Path.Combine(outputFolder, plan.Audiences.FolderOf(kind));

    /// <summary>A path relative to the output folder ('/'-separated) for display: "lanh-dao/kich-ban-chi-tiet.docx".</summary>
    public static string Display(ConferencePlan plan, OutputKind kind, string fileName) => $"{plan.Audiences.FolderOf(kind)}/{fileName}";

    /// <summary>
    /// Moves a file a generator wrote next to other kinds into the folder of <paramref name="kind"/> (when the plan puts
    /// it elsewhere) and returns where it is now; null stays null.
    /// </summary>
    public static string? Place(ConferencePlan plan, string outputFolder, OutputKind kind, string? written)
    {
        if (written is null || !File.Exists(written))
        {
            return written;
        }

        var folder = FolderOf(plan, outputFolder, kind);
        var wanted = Path.Combine(folder, Path.GetFileName(written));
        if (string.Equals(Path.GetFullPath(wanted), Path.GetFullPath(written), StringComparison.Ordinal))
        {
            return written;
        }

        Directory.CreateDirectory(folder);
        File.Move(written, wanted, overwrite: true);
        return wanted;
    }
}
