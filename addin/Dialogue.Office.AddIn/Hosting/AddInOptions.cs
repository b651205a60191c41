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

    /// <summary>
    /// Background jobs (letters, packet, fix, publish…) that run at once; more wait in a queue of
    /// <see cref="MaxQueuedJobs"/>, and beyond that a new job is refused with 429 and Retry-After.
    /// </summary>
    public int MaxRunningJobs { get; set; } = 2;

    /// <summary>Jobs that may wait for a free slot (see <see cref="MaxRunningJobs"/>).</summary>
    public int MaxQueuedJobs { get; set; } = 8;

    /// <summary>
    /// State-changing API requests (uploads: their bodies are read and unpacked in the request) served at once; more
    /// wait in a queue of <see cref="RequestQueue"/>, beyond that 429 with Retry-After.
    /// </summary>
    public int MaxConcurrentRequests { get; set; } = 2;

    /// <summary>Requests that may wait for a slot (see <see cref="MaxConcurrentRequests"/>).</summary>
    public int RequestQueue { get; set; } = 8;

    /// <summary>Seconds a client is told to wait (Retry-After) when refused as busy.</summary>
    public int BusyRetryAfterSeconds { get; set; } = 10;

    /// <summary>
    /// The address delegates and colleagues reach this host at (e.g. <c>https://hoinghi.example.gov.vn</c>): links and QR
    /// codes to the local share are built from it, never from the request's Host header. Empty: the host's own first
    /// listening address (https preferred, a wildcard as <c>localhost</c>).
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>
    /// IP addresses of reverse proxies whose X-Forwarded-For/-Proto are believed. Empty: forwarded headers are ignored.
    /// X-Forwarded-Host is never used (see <see cref="PublicBaseUrl"/>).
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;
}
