namespace Dialogue.Office.AddIn.Hosting;

/// <summary>The host's settings (section <c>AddIn</c> of appsettings.json or <c>AddIn__*</c> environment variables).</summary>
public sealed class AddInOptions
{
    public const string Section = "AddIn";

    /// <summary>
    /// Folder whose sub-folders holding a plan.yaml are the conferences the pane offers. Empty: templates/samples of the
    /// repository when the host runs from a checkout, else <c>data/</c> beside the host.
    /// </summary>
    public string DataRoot { get; set; } = "";

    /// <summary>Where generated files are written (one folder per job). Empty: a folder under the system temp folder.</summary>
    public string OutputRoot { get; set; } = "";

    /// <summary>Largest accepted request body (uploads), in megabytes.</summary>
    public int MaxUploadMegabytes { get; set; } = 20;

    /// <summary>Local share folder used for publishing when no SharePoint tenant is configured. Empty: <c>share/</c> under the output root.</summary>
    public string ShareFolder { get; set; } = "";

    /// <summary>Finished jobs (and their files) are deleted after this many hours.</summary>
    public int JobRetentionHours { get; set; } = 24;

    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;
}
