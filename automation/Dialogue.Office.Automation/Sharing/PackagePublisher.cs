using System.Security.Cryptography;
using Dialogue.Office.Automation.Audiences;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Sharing.Auth;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Sharing;

/// <summary>
/// Publishes a generated conference folder to SharePoint (through Microsoft Graph) or to the local share, and makes
/// the sharing links the invitations' QR codes carry. Safe to run again: a publish manifest in the source folder
/// records what went where, so a re-run sends only changed files, keeps links, and resumes an interrupted upload.
/// </summary>
/// <remarks>
/// The main job, when the plan has a SharePoint target: <see cref="EnsureFolderLinkAsync"/> first (the folder and its
/// link exist before any document), generate the invitations with <see cref="FolderLinkResult.FolderLink"/> as the
/// packet URL, then <see cref="PublishAsync"/> the same request.
/// </remarks>
public sealed class PackagePublisher(TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Creates the target folder and its sharing link before any upload.</summary>
    public async Task<FolderLinkResult> EnsureFolderLinkAsync(PublishRequest request, CancellationToken cancellationToken = default)
    {
        // The documents may not exist yet (the invitations that carry this link are generated next).
        using var run = new Run(this, request);
        if (await run.OpenAsync(requireSource: false, cancellationToken))
        {
            await run.FolderLinkAsync(cancellationToken);
            run.SaveManifest();
        }

        return new FolderLinkResult(run.FolderLink, run.FolderLinkScope, run.IsLocal, run.Problems.Items);
    }

    /// <summary>Publishes every file of <see cref="PublishRequest.SourceFolder"/>; never throws for service errors (see <see cref="PublishResult.Problems"/>).</summary>
    public async Task<PublishResult> PublishAsync(PublishRequest request, IProgress<PublishProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var run = new Run(this, request);
        var files = new List<PublishedFile>();
        var removed = new List<string>();
        if (await run.OpenAsync(requireSource: true, cancellationToken))
        {
            await run.FolderLinkAsync(cancellationToken);
            run.SaveManifest();
            await run.PublishFilesAsync(files, progress, cancellationToken);
            await run.RemoveStaleAsync(removed, cancellationToken);
            await run.InviteAsync(files, cancellationToken);
            await run.InviteAudiencesAsync(cancellationToken);
            await run.PdfAsync(files, cancellationToken);
            run.SaveManifest();
        }

        var result = new PublishResult
        {
            FolderLink = run.FolderLink,
            FolderLinkScope = run.FolderLinkScope,
            IsLocal = run.IsLocal,
            TargetDisplay = run.Display,
            Files = files,
            Removed = removed,
            Problems = run.Problems.Items,
        };

        // The delegate page lists the published files for delegates (and the chairs' answer book) with these links,
        // whichever shell published (the CLI's build or publish, the host's packet or publish job).
        if (request.DocumentsRecord.Length > 0 && files.Count > 0)
        {
            try
            {
                Attendance.DelegateDocuments.Save(request.DocumentsRecord, Attendance.DelegateDocuments.FromPublish(result));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The publication itself succeeded; the page keeps the plan's documents link (packet_url) instead.
            }
        }

        return result;
    }

    /// <summary>One publish run: the scanned files, the manifest, the destination and the problems met.</summary>
    private sealed class Run(PackagePublisher owner, PublishRequest request) : IDisposable
    {
        private readonly PublishOptions _options = request.Options;
        private readonly string _source = Path.GetFullPath(request.SourceFolder);
        private IPublishDestination? _destination;
        private PublishManifest _manifest = new();
        private ManifestTarget _state = new();
        private List<LocalFile> _files = [];
        private bool _anonymousRefused;
        private string _folderId = "";
        private readonly Dictionary<string, IReadOnlyDictionary<string, RemoteFile>> _listings = new(StringComparer.Ordinal);

        public ProblemList Problems { get; } = new();
        public string FolderLink { get; private set; } = "";
        public LinkScope FolderLinkScope { get; private set; }
        public bool IsLocal => request.Target is LocalShareTarget;
        public string Display => _destination?.Display ?? "";

        private string SafeFolder { get; } = SafeFolderPath(request.Target.Folder);

        /// <summary>Split by audience: the link, per-file links and invitations follow the audience folders.</summary>
        private bool ByAudience => _options.Audiences is not null;

        /// <summary>The folder the sharing link is made on, relative to the target: the delegates' when split by audience.</summary>
        private string LinkedFolder => ByAudience ? OutputKinds.Folder(Audience.Delegates) : "";

        private static bool InFolder(string relativePath, string folder) =>
            relativePath.StartsWith(folder + "/", StringComparison.Ordinal);

        public void Dispose() => (_destination as IDisposable)?.Dispose();

        public async Task<bool> OpenAsync(bool requireSource, CancellationToken ct)
        {
            if (requireSource && !Directory.Exists(_source))
            {
                Problems.Error("SHARING_SOURCE_MISSING", request.SourceFolder, $"Source folder {request.SourceFolder} not found", request.SourceFolder);
                return false;
            }

            var unreadable = false;
            _manifest = Directory.Exists(_source) ? PublishManifest.Load(_source, out unreadable) : new PublishManifest();
            if (unreadable)
            {
                Problems.Warning("SHARING_MANIFEST_UNREADABLE", PublishManifest.FileName, "Manifest unreadable; starting afresh", PublishManifest.FileName);
            }

            _state = _manifest.For(request.Target.Key);
            try
            {
                _destination = CreateDestination();
                _state.Display = _destination.Display;
                await _destination.OpenAsync(ct);
                _folderId = await _destination.EnsureFolderAsync("", ct);
                return true;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                Problems.Add(Classify(e, SafeFolder.Length == 0 ? "/" : SafeFolder, TargetLocation()));
                return false;
            }
        }

        private IPublishDestination CreateDestination()
        {
            switch (request.Target)
            {
                case LocalShareTarget local:
                    return new LocalShareDestination(local, SafeFolder);
                case SharePointTarget sp:
                    _ = SharePointDestination.SiteKey(sp.SiteUrl);
                    var credential = GraphCredentialFactory.Create(sp.Connection, owner._time);
                    var client = GraphClientBuilder.Create(sp.Connection, credential, owner._time);
                    return new SharePointDestination(sp, SafeFolder, client, _options, owner._time);
                default:
                    throw new ArgumentException("Unknown publish target.", nameof(request));
            }
        }

        public async Task FolderLinkAsync(CancellationToken ct)
        {
            var wanted = _options.Scope;
            var subject = SafeFolder.Length == 0 ? "/" + LinkedFolder : LinkedFolder.Length == 0 ? SafeFolder : $"{SafeFolder}/{LinkedFolder}";
            string linkedId;
            try
            {
                linkedId = LinkedFolder.Length == 0 ? _folderId : await _destination!.EnsureFolderAsync(LinkedFolder, ct);
                if (ByAudience && _state.FolderItemId == _folderId && _state.FolderLink.Length > 0 && linkedId != _folderId)
                {
                    // Published before the split: that link opened every audience's files. It goes, and the letters
                    // printed with it must be printed again (their QR codes carry the new link).
                    await _destination!.RemoveLinksAsync(_folderId, IsLocal ? null : _state.FolderLink, ct);
                    Problems.Warning("SHARING_OLD_LINK_REMOVED", TargetLocation(), "Link on the whole conference folder removed", _state.FolderLink);
                    _state.FolderLink = "";
                    _state.FolderItemId = "";
                }
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                Problems.Add(Classify(e, subject, TargetLocation()));
                return;
            }

            if (_state.FolderItemId == linkedId && _state.FolderLink.Length > 0
                && _state.FolderLinkScope == wanted && _state.FolderLinkExpires == _options.LinkExpires)
            {
                FolderLink = _state.FolderLink;
                FolderLinkScope = wanted;
                return;
            }

            try
            {
                var (url, scope) = await LinkAsync(linkedId, true, subject, ct);
                FolderLink = url;
                FolderLinkScope = scope;
                _state.FolderItemId = linkedId;
                _state.FolderLink = url;
                _state.FolderLinkScope = scope;
                _state.FolderLinkExpires = _options.LinkExpires;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                var p = Classify(e, subject, TargetLocation());
                Problems.Add(p.Code == "SHARING_SERVICE_ERROR" ? Problem.Error("SHARING_LINK_FAILED", p.Location, p.Detail, subject, StatusOf(p)) : p);
            }
        }

        public async Task PublishFilesAsync(List<PublishedFile> results, IProgress<PublishProgress>? progress, CancellationToken ct)
        {
            Scan();
            if (_files.Count == 0)
            {
                Problems.Warning("SHARING_SOURCE_EMPTY", request.SourceFolder, "Nothing to publish", request.SourceFolder);
            }

            var stop = false;
            for (var i = 0; i < _files.Count; i++)
            {
                var file = _files[i];
                if (stop)
                {
                    results.Add(Failed(file));
                    continue;
                }

                var index = i;
                var fileProgress = progress is null ? null : new InlineProgress<long>(b => progress.Report(new PublishProgress(file.RelativePath, index, _files.Count, b, file.Size)));
                try
                {
                    results.Add(await PublishOneAsync(file, fileProgress, ct));
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    var problem = Classify(e, file.RelativePath, Locations.Join(request.SourceFolder, file.RelativePath));
                    Problems.Add(problem);
                    results.Add(Failed(file));
                    stop = GraphCall.IsFatal(problem);
                }
            }
        }

        private async Task<PublishedFile> PublishOneAsync(LocalFile file, IProgress<long>? progress, CancellationToken ct)
        {
            if (file.RemotePath.Length + SafeFolder.Length + 1 > SharePointNames.MaxPathLength)
            {
                var full = SafeFolder.Length == 0 ? file.RemotePath : $"{SafeFolder}/{file.RemotePath}";
                throw new SharingFailure("SHARING_PATH_TOO_LONG", full, full.Length.ToString());
            }

            var destination = _destination!;
            _state.Files.TryGetValue(file.RelativePath, out var entry);
            entry ??= new ManifestFile();
            var outcome = PublishOutcome.Unchanged;

            var known = entry.State == ManifestFile.Done && entry.Sha256 == file.Sha256 && entry.RemotePath == file.RemotePath && entry.ItemId.Length > 0;
            var parentId = await destination.EnsureFolderAsync(file.RemoteFolder, ct);
            var remote = await RemoteFileAsync(parentId, file.RemoteName, ct);

            // Unchanged since the last run and still there. An online edit (e.g. leaders answering in the
            // workbook) is left alone as long as the local file has not changed.
            var stillThere = known && remote is not null && (destination.IsLocal ? remote.SameContent(file) : remote.ItemId == entry.ItemId);
            if (!stillThere)
            {
                // A killed run may have finished this file without recording it: recognise it by its hash.
                if (remote is null || !remote.SameContent(file))
                {
                    if (!destination.IsLocal && remote is not null && entry.State == ManifestFile.Done && remote.ItemId == entry.ItemId
                        && entry.ETag.Length > 0 && remote.ETag != entry.ETag)
                    {
                        // Both sides changed. SharePoint keeps the online version in its version history.
                        Problems.Warning("SHARING_REMOTE_OVERWRITTEN", Locations.Join(request.SourceFolder, file.RelativePath),
                            $"Remote eTag {remote.ETag} differs from published {entry.ETag}; overwritten", file.RelativePath);
                    }

                    _state.Files[file.RelativePath] = entry;
                    remote = await destination.UploadAsync(
                        new UploadJob { File = file, ParentId = parentId, Entry = entry, SaveManifest = SaveManifest, Progress = progress }, ct);
                    outcome = PublishOutcome.Uploaded;
                }

                if (entry.ItemId != remote.ItemId)
                {
                    entry.Link = "";
                }

                entry.State = ManifestFile.Done;
                entry.RemotePath = file.RemotePath;
                entry.Sha256 = file.Sha256;
                entry.QuickXorHash = file.QuickXorHash;
                entry.Size = file.Size;
                entry.ItemId = remote.ItemId;
                entry.ETag = remote.ETag;
                entry.UploadUrl = null;
                entry.UploadExpires = null;
                entry.UploadSha256 = null;
                if (outcome == PublishOutcome.Uploaded || entry.PublishedAt is null)
                {
                    entry.PublishedAt = owner._time.GetUtcNow();
                }

                _state.Files[file.RelativePath] = entry;
                SaveManifest();
            }

            if (_options.LinkEachFile && (!ByAudience || InFolder(file.RelativePath, LinkedFolder)))
            {
                await FileLinkAsync(file, entry, ct);
            }
            else if (ByAudience && entry.Link.Length > 0)
            {
                // A file that left the delegates' folder (or was linked before the split) keeps no link.
                await destination.RemoveLinksAsync(entry.ItemId, IsLocal ? null : entry.Link, ct);
                entry.Link = "";
                entry.LinkScope = null;
                SaveManifest();
            }

            return new PublishedFile
            {
                RelativePath = file.RelativePath,
                RemotePath = file.RemotePath,
                ItemId = entry.ItemId,
                ETag = entry.ETag,
                Sha256 = file.Sha256,
                Size = file.Size,
                Link = entry.Link,
                WebUrl = remote?.WebUrl ?? "",
                Outcome = outcome,
            };
        }

        /// <summary>The remote file at a name, from one listing per folder and run (not one request per file).</summary>
        private async Task<RemoteFile?> RemoteFileAsync(string parentId, string name, CancellationToken ct)
        {
            if (!_listings.TryGetValue(parentId, out var listing))
            {
                listing = await _destination!.ListFilesAsync(parentId, ct);
                _listings[parentId] = listing;
            }

            return listing.GetValueOrDefault(name);
        }

        private async Task FileLinkAsync(LocalFile file, ManifestFile entry, CancellationToken ct)
        {
            var wanted = _anonymousRefused ? LinkScope.Organization : _options.Scope;
            if (entry.Link.Length > 0 && entry.LinkScope == wanted && entry.LinkExpires == _options.LinkExpires)
            {
                return;
            }

            try
            {
                var (url, scope) = await LinkAsync(entry.ItemId, false, file.RelativePath, ct);
                entry.Link = url;
                entry.LinkScope = scope;
                entry.LinkExpires = _options.LinkExpires;
                SaveManifest();
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                var p = Classify(e, file.RelativePath, Locations.Join(request.SourceFolder, file.RelativePath));
                if (GraphCall.IsFatal(p))
                {
                    throw;
                }

                // The file is up; only its own link is missing (the folder link still reaches it).
                Problems.Warning("SHARING_LINK_FAILED", p.Location, p.Detail, file.RelativePath, StatusOf(p));
            }
        }

        /// <summary>A view link in the asked scope; a refused anonymous link falls back to organization, once reported.</summary>
        private async Task<(string Url, LinkScope Scope)> LinkAsync(string itemId, bool isFolder, string subject, CancellationToken ct)
        {
            var scope = _anonymousRefused ? LinkScope.Organization : _options.Scope;
            try
            {
                return (await _destination!.CreateLinkAsync(itemId, isFolder, scope, _options.LinkExpires, ct), scope);
            }
            catch (AnonymousLinkRefusedException)
            {
                _anonymousRefused = true;
                Problems.Warning("SHARING_ANONYMOUS_REFUSED", TargetLocation(), "Anonymous link refused (403); organization link made instead", subject);
                return (await _destination!.CreateLinkAsync(itemId, isFolder, LinkScope.Organization, _options.LinkExpires, ct), LinkScope.Organization);
            }
        }

        /// <summary>
        /// Split by audience: the published files the source no longer has (a kind moved to another audience, a
        /// delegate removed) are deleted from the target, and their links with them. Only files this publisher put there.
        /// </summary>
        public async Task RemoveStaleAsync(List<string> removed, CancellationToken ct)
        {
            if (!ByAudience || Problems.Items.Any(p => p.IsError && GraphCall.IsFatal(p)))
            {
                return;
            }

            var current = _files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
            foreach (var (relative, entry) in _state.Files.OrderBy(e => e.Key, StringComparer.Ordinal).ToList())
            {
                // Still here, or here but unreadable this time: kept.
                if (current.Contains(relative) || File.Exists(Path.Combine(_source, relative.Replace('/', Path.DirectorySeparatorChar))))
                {
                    continue;
                }

                try
                {
                    if (entry.ItemId.Length > 0)
                    {
                        await _destination!.DeleteAsync(entry.ItemId, ct);
                    }

                    _state.Files.Remove(relative);
                    removed.Add(relative);
                    SaveManifest();
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    var p = Classify(e, relative, Locations.Join(request.SourceFolder, relative));
                    Problems.Warning("SHARING_STALE_NOT_REMOVED", p.Location, p.Detail, relative, StatusOf(p));
                }
            }
        }

        /// <summary>
        /// Split by audience (SharePoint): the leaders' folder to the chairs, the secretariat's to the plan's group or
        /// people, each by invitation with sign-in, once per person (the manifest remembers who was invited).
        /// </summary>
        public async Task InviteAudiencesAsync(CancellationToken ct)
        {
            if (_options.Audiences is not { } audiences || IsLocal)
            {
                return; // the local share: the host asks for sign-in on these folders instead
            }

            foreach (var (audience, emails, role, message) in new[]
            {
                (Audience.Leaders, audiences.Leaders, "read",
                    "Mời đồng chí xem tài liệu phục vụ chủ trì hội nghị đối thoại (kịch bản, tài liệu trả lời, tổng hợp câu hỏi)."),
                (Audience.Secretariat, audiences.Secretariat, "write",
                    "Thư mục của Tổ thư ký hội nghị đối thoại: giấy mời, tệp in, danh sách đường dẫn, sơ đồ chỗ ngồi, phiếu câu hỏi."),
            })
            {
                var folder = OutputKinds.Folder(audience);
                if (!_files.Any(f => InFolder(f.RelativePath, folder)))
                {
                    continue;
                }

                var people = emails.Select(e => e.Trim()).Where(e => e.Contains('@')).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                var where = Locations.Join(TargetLocation(), folder);
                if (people.Count == 0)
                {
                    Problems.Warning(audience == Audience.Leaders ? "SHARING_NO_LEADERS" : "SHARING_NO_SECRETARIAT", where, $"Nobody to invite to {folder}", folder);
                    continue;
                }

                try
                {
                    var folderId = await _destination!.EnsureFolderAsync(folder, ct);
                    var pending = people.Where(e => !_state.Invited.Contains($"{folderId}|{e.ToLowerInvariant()}")).ToList();
                    if (pending.Count == 0)
                    {
                        continue;
                    }

                    await _destination.InviteAsync(folderId, pending, role, message, ct);
                    _state.Invited.AddRange(pending.Select(e => $"{folderId}|{e.ToLowerInvariant()}"));
                    SaveManifest();
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    var p = Classify(e, folder, where);
                    Problems.Warning("SHARING_INVITE_FAILED", p.Location, p.Detail, string.Join(", ", people), folder, StatusOf(p));
                }
            }
        }

        public async Task InviteAsync(IReadOnlyList<PublishedFile> files, CancellationToken ct)
        {
            var editors = _options.Editors.Select(e => e.Trim()).Where(e => e.Contains('@')).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (editors.Count == 0)
            {
                return;
            }

            if (IsLocal)
            {
                Problems.Warning("SHARING_LOCAL_NO_INVITE", TargetLocation(), "Local share has no per-user rights", editors.Count.ToString());
                return;
            }

            var workbook = FindEditorWorkbook(files);
            if (workbook is null)
            {
                Problems.Warning("SHARING_EDITORS_NO_WORKBOOK", request.SourceFolder, "No consolidated workbook to invite editors to");
                return;
            }

            var pending = editors.Where(e => !_state.Invited.Contains($"{workbook.ItemId}|{e.ToLowerInvariant()}")).ToList();
            if (pending.Count == 0)
            {
                return;
            }

            try
            {
                await _destination!.InviteEditorsAsync(workbook.ItemId, pending, ct);
                _state.Invited.AddRange(pending.Select(e => $"{workbook.ItemId}|{e.ToLowerInvariant()}"));
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                var p = Classify(e, workbook.RelativePath, Locations.Join(request.SourceFolder, workbook.RelativePath));
                Problems.Warning("SHARING_INVITE_FAILED", p.Location, p.Detail, string.Join(", ", pending), workbook.RelativePath, StatusOf(p));
            }
        }

        private PublishedFile? FindEditorWorkbook(IReadOnlyList<PublishedFile> files)
        {
            var published = files.Where(f => f.Outcome != PublishOutcome.Failed && f.ItemId.Length > 0).ToList();
            if (_options.EditorWorkbook.Length > 0)
            {
                var wanted = _options.EditorWorkbook.Replace('\\', '/').Trim('/');
                return published.FirstOrDefault(f => string.Equals(f.RelativePath, wanted, StringComparison.OrdinalIgnoreCase));
            }

            return published.FirstOrDefault(f =>
            {
                if (!f.RelativePath.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                var name = VietnameseText.Fold(Path.GetFileNameWithoutExtension(f.RelativePath)).Replace(' ', '-').Replace('_', '-');
                return name.Contains("tong-hop", StringComparison.Ordinal) || name.Contains("tonghop", StringComparison.Ordinal)
                    || name.Contains("consolidated", StringComparison.Ordinal);
            });
        }

        public async Task PdfAsync(List<PublishedFile> files, CancellationToken ct)
        {
            if (string.IsNullOrWhiteSpace(_options.PdfFolder))
            {
                return;
            }

            if (IsLocal)
            {
                Problems.Warning("SHARING_PDF_LOCAL", TargetLocation(), "PDF rendering needs SharePoint");
                return;
            }

            for (var i = 0; i < files.Count; i++)
            {
                var f = files[i];
                if (f.Outcome == PublishOutcome.Failed || !f.RelativePath.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var entry = _state.Files[f.RelativePath];
                var destination = Path.Combine(Path.GetFullPath(_options.PdfFolder), Path.ChangeExtension(f.RelativePath, ".pdf").Replace('/', Path.DirectorySeparatorChar));
                if (entry.PdfOf == f.Sha256 && File.Exists(destination))
                {
                    files[i] = f with { PdfPath = destination };
                    continue;
                }

                try
                {
                    await _destination!.FetchPdfAsync(f.ItemId, destination, ct);
                    entry.PdfOf = f.Sha256;
                    files[i] = f with { PdfPath = destination };
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    var p = Classify(e, f.RelativePath, Locations.Join(request.SourceFolder, f.RelativePath));
                    Problems.Warning("SHARING_PDF_FAILED", p.Location, p.Detail, f.RelativePath, StatusOf(p));
                }
            }
        }

        public void SaveManifest()
        {
            if (Directory.Exists(_source))
            {
                _manifest.Save(_source);
            }
        }

        /// <summary>Lists, hashes and names every file to publish (skipping the manifest, lock files and the PDF folder).</summary>
        private void Scan()
        {
            var pdfFolder = string.IsNullOrWhiteSpace(_options.PdfFolder) ? null : Path.GetFullPath(_options.PdfFolder) + Path.DirectorySeparatorChar;
            var takenPerFolder = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
            var folderMap = new Dictionary<string, string>(StringComparer.Ordinal);
            var files = new List<LocalFile>();
            foreach (var full in Directory.EnumerateFiles(_source, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(_source, full).Replace(Path.DirectorySeparatorChar, '/');
                var name = Path.GetFileName(full);
                // The project's own bookkeeping (publish and output manifests, unfinished atomic writes) is not published.
                if (relative is PublishManifest.FileName || relative == PublishManifest.FileName + ".tmp" || relative == Outputs.OutputFolder.ManifestName
                    || name.StartsWith(Outputs.AtomicFile.TempPrefix, StringComparison.Ordinal)
                    || name.EndsWith(".dialogue-tmp", StringComparison.Ordinal)
                    || (pdfFolder is not null && full.StartsWith(pdfFolder, StringComparison.Ordinal)))
                {
                    continue;
                }

                if (SharePointNames.IsEditorLockFile(name))
                {
                    Problems.Warning("SHARING_SKIPPED_TEMP", Locations.Join(request.SourceFolder, relative), "Editor lock file skipped", relative);
                    continue;
                }

                var segments = relative.Split('/');
                var remoteFolder = "";
                var localFolder = "";
                for (var s = 0; s < segments.Length - 1; s++)
                {
                    localFolder = localFolder.Length == 0 ? segments[s] : $"{localFolder}/{segments[s]}";
                    if (!folderMap.TryGetValue(localFolder, out var mappedFolder))
                    {
                        var mappedSegment = MapName(segments[s], remoteFolder, takenPerFolder, localFolder);
                        mappedFolder = remoteFolder.Length == 0 ? mappedSegment : $"{remoteFolder}/{mappedSegment}";
                        folderMap[localFolder] = mappedFolder;
                    }

                    remoteFolder = mappedFolder;
                }

                string sha, qx;
                long size;
                try
                {
                    (sha, qx, size) = Hash(full);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Open exclusively in another program, or no right to read it: report, publish the rest.
                    Problems.Error("SHARING_SOURCE_UNREADABLE", Locations.Join(request.SourceFolder, relative), $"{e.GetType().Name} reading {relative}", relative);
                    continue;
                }

                var remoteName = MapName(name, remoteFolder, takenPerFolder, relative);
                files.Add(new LocalFile(full, relative, remoteFolder.Length == 0 ? remoteName : $"{remoteFolder}/{remoteName}", size, sha, qx));
            }

            _files = files;
        }

        private string MapName(string name, string remoteFolder, Dictionary<string, HashSet<string>> taken, string relative)
        {
            if (!taken.TryGetValue(remoteFolder, out var set))
            {
                set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                taken[remoteFolder] = set;
            }

            var mapped = SharePointNames.Unique(SharePointNames.MapSegment(name), set);
            if (mapped != name.Normalize(System.Text.NormalizationForm.FormC))
            {
                Problems.Warning("SHARING_NAME_MAPPED", Locations.Join(request.SourceFolder, relative), $"Name {name} published as {mapped}", name, mapped);
            }

            return mapped;
        }

        private static (string Sha256, string QuickXor, long Size) Hash(string path)
        {
            using var stream = File.OpenRead(path);
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var qx = new QuickXorHash();
            var buffer = new byte[81920];
            long size = 0;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                qx.Append(buffer.AsSpan(0, read));
                size += read;
            }

            return (Convert.ToHexStringLower(sha.GetHashAndReset()), Convert.ToBase64String(qx.Finish()), size);
        }

        private Problem Classify(Exception e, string subject, string location)
        {
            if (IsLocal && e is IOException or UnauthorizedAccessException)
            {
                return Problem.Error("SHARING_LOCAL_WRITE", location, $"{e.GetType().Name} on {subject}", subject);
            }

            return GraphCall.ToProblem(e, subject, location);
        }

        private static PublishedFile Failed(LocalFile file) => new()
        {
            RelativePath = file.RelativePath,
            RemotePath = file.RemotePath,
            Sha256 = file.Sha256,
            Size = file.Size,
            Outcome = PublishOutcome.Failed,
        };

        private static string StatusOf(Problem p) => p.Args.Count > 1 ? p.Args[1] : p.Code;

        private string TargetLocation() => request.Target switch
        {
            SharePointTarget sp => Locations.Join(sp.SiteUrl, sp.Library, SafeFolder),
            LocalShareTarget local => Locations.Join(local.BaseUrl, SafeFolder),
            _ => "",
        };

        /// <summary>The target folder with each segment made safe; "." and ".." dropped so it never leaves the share.</summary>
        private static string SafeFolderPath(string folder) =>
            string.Join('/', folder.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(s => s is not "." and not "..")
                .Select(SharePointNames.MapSegment));
    }
}
