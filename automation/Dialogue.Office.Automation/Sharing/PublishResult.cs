using Dialogue.Office.Automation.Diagnostics;

namespace Dialogue.Office.Automation.Sharing;

/// <summary>What happened to one file in this run.</summary>
public enum PublishOutcome
{
    /// <summary>Bytes were sent in this run.</summary>
    Uploaded,

    /// <summary>Already published with the same content (per the manifest or the remote hash); nothing sent.</summary>
    Unchanged,

    /// <summary>Not published; see the problems.</summary>
    Failed,
}

/// <summary>One published file.</summary>
public sealed record PublishedFile
{
    /// <summary>Path relative to the source folder, '/'-separated.</summary>
    public required string RelativePath { get; init; }

    /// <summary>Path under the target folder (differs when a name SharePoint forbids was mapped).</summary>
    public required string RemotePath { get; init; }

    public string ItemId { get; init; } = "";
    public string ETag { get; init; } = "";
    public string Sha256 { get; init; } = "";
    public long Size { get; init; }

    /// <summary>The view link of this file (empty when per-file links are off or failed).</summary>
    public string Link { get; init; } = "";

    /// <summary>
    /// The file's own address where it was published (SharePoint: the item's webUrl, which opens after sign-in for
    /// those the folder is shared with; the local share: the served path); "" when unknown.
    /// </summary>
    public string WebUrl { get; init; } = "";

    public PublishOutcome Outcome { get; init; }

    /// <summary>Local PDF rendering, when asked for and available.</summary>
    public string? PdfPath { get; init; }
}

/// <summary>The outcome of a publish run.</summary>
public sealed record PublishResult
{
    /// <summary>The documents folder's link: what the invitations' QR codes carry. Empty when it could not be made.</summary>
    public string FolderLink { get; init; } = "";

    /// <summary>The scope the folder link really has (Organization after a refused Anonymous).</summary>
    public LinkScope FolderLinkScope { get; init; }

    /// <summary>True for the embedded local share, false for SharePoint.</summary>
    public bool IsLocal { get; init; }

    /// <summary>A readable description of the target ("https://…/sites/X › Documents › YB23").</summary>
    public string TargetDisplay { get; init; } = "";

    public IReadOnlyList<PublishedFile> Files { get; init; } = [];

    /// <summary>Files published before and gone from the source now, removed from the target with their links (split by audience).</summary>
    public IReadOnlyList<string> Removed { get; init; } = [];

    public IReadOnlyList<Problem> Problems { get; init; } = [];

    public bool HasErrors => Problems.Any(p => p.IsError);

    /// <summary>True when an error came from the service or the network (not from the input).</summary>
    public bool HasServiceErrors => Problems.Any(p => p.IsError && SharingMessages.IsServiceCode(p.Code));

    public int UploadedCount => Files.Count(f => f.Outcome == PublishOutcome.Uploaded);
    public int UnchangedCount => Files.Count(f => f.Outcome == PublishOutcome.Unchanged);
    public int FailedCount => Files.Count(f => f.Outcome == PublishOutcome.Failed);
}

/// <summary>The folder link made before any upload (for invitations generated before publishing).</summary>
public sealed record FolderLinkResult(string FolderLink, LinkScope Scope, bool IsLocal, IReadOnlyList<Problem> Problems)
{
    public bool Succeeded => FolderLink.Length > 0 && !Problems.Any(p => p.IsError);
}

/// <summary>Progress of a publish run, for progress bars.</summary>
public sealed record PublishProgress(string RelativePath, int FileIndex, int FileCount, long BytesSent, long FileBytes);
