using System.Text.Encodings.Web;
using System.Text.Json;
using Dialogue.Office.Automation.Audiences;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Programme;
using Dialogue.Office.Automation.Questions;
using Dialogue.Office.Automation.Sharing;

namespace Dialogue.Office.Automation.Attendance;

/// <summary>One published file of the packet: its path in the packet ('/'-separated) and the link that opens it.</summary>
public sealed record PublishedDocument(string RelativePath, string Url);

/// <summary>One document on the delegate page: what it is, in Vietnamese, and its link.</summary>
public sealed record PageDocument(string Title, string Url);

/// <summary>
/// The documents the delegate page lists: the published packet's files meant for every delegate (the delegates'
/// audience folder, <c>dai-bieu/</c>: the kinds the plan gives <see cref="Audience.Delegates"/>), linked where they were
/// published (the local share or SharePoint); for the chairs also the answer book when it was published. The links
/// are those of the last publication, kept per conference by the publisher whichever shell published
/// (<see cref="Sharing.PublishRequest.DocumentsRecord"/>, at <see cref="RecordPath"/>).
/// </summary>
public static class DelegateDocuments
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The files a publication put somewhere with an address (failed files left out): the file's view link where it has
    /// one (the delegates' folder), else its own address (the chairs' folder, shared with them by invitation).
    /// </summary>
    public static IReadOnlyList<PublishedDocument> FromPublish(PublishResult result) =>
        [.. result.Files.Where(f => f.Outcome != PublishOutcome.Failed && (f.Link.Length > 0 || f.WebUrl.Length > 0))
            .Select(f => new PublishedDocument(f.RelativePath.Replace('\\', '/'), f.Link.Length > 0 ? f.Link : f.WebUrl))];

    /// <summary>
    /// Where a conference's last publication is recorded: <c>published/&lt;CODE&gt;.json</c> beside the local share folder
    /// (never inside it, so it is not served). The CLI and the host agree whenever they share the local share folder,
    /// as they must for the host to serve what the CLI copied there.
    /// </summary>
    public static string RecordPath(string localShareRoot, string conferenceCode)
    {
        var share = Path.GetFullPath(localShareRoot).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var code = System.Text.RegularExpressions.Regex.Replace(Vietnamese.VietnameseText.Fold(conferenceCode).ToUpperInvariant(), "[^A-Z0-9-]", "-");
        return Path.Combine(Path.GetDirectoryName(share) ?? share, "published", code + ".json");
    }

    /// <summary>Keeps the links of a publication (replaced atomically).</summary>
    public static void Save(string path, IReadOnlyList<PublishedDocument> documents)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(documents, Json));
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The links kept at <paramref name="path"/>; none when there is no file or it cannot be read.</summary>
    public static IReadOnlyList<PublishedDocument> Load(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<List<PublishedDocument>>(File.ReadAllText(path), Json) ?? [] : [];
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>
    /// What <paramref name="d"/> sees: every published file of the delegates' folder, in the packet's order (the
    /// programme first), then — for a chair (<see cref="ConferenceDelegate.IsPresidium"/>) — the answer book. A file
    /// of a kind that holds other people's data never shows, even if a plan put it in the delegates' folder.
    /// </summary>
    public static IReadOnlyList<PageDocument> For(ConferencePlan plan, ConferenceDelegate d, IReadOnlyList<PublishedDocument> published)
    {
        var folder = OutputKinds.Folder(Audience.Delegates) + "/";
        var forDelegates = plan.Audiences.KindsFor(Audience.Delegates).Where(k => !OutputKinds.HoldsPersonalData(k)).ToList();
        var result = published
            .Where(p => p.RelativePath.StartsWith(folder, StringComparison.Ordinal) && IsUrl(p.Url))
            .Select(p => (Doc: p, Kind: KindOf(p.RelativePath)))
            .Where(p => p.Kind is null || forDelegates.Contains(p.Kind.Value))
            .OrderBy(p => p.Kind is { } k ? forDelegates.IndexOf(k) : int.MaxValue)
            .ThenBy(p => p.Doc.RelativePath, StringComparer.Ordinal)
            .Select(p => new PageDocument(Title(p.Doc.RelativePath, p.Kind), p.Doc.Url))
            .ToList();
        if (d.IsPresidium)
        {
            var book = $"{plan.Audiences.FolderOf(OutputKind.AnswerBook)}/{Path.GetFileNameWithoutExtension(AnswerBook.FileName)}";
            result.AddRange(published
                .Where(p => IsUrl(p.Url) && (p.RelativePath == book + ".docx" || p.RelativePath == book + ".pdf"))
                .OrderBy(p => p.RelativePath.EndsWith(".pdf", StringComparison.Ordinal) ? 1 : 0)
                .Select(p => new PageDocument(Title(p.RelativePath, OutputKind.AnswerBook), p.Url)));
        }

        return result;
    }

    /// <summary>The kind of a packet file by its name (the generators' fixed names), or null for another file of the folder.</summary>
    private static OutputKind? KindOf(string relativePath) => Path.GetFileNameWithoutExtension(relativePath) switch
    {
        var n when n == Path.GetFileNameWithoutExtension(ProgrammeGenerator.FileName) => OutputKind.Programme,
        var n when n == Path.GetFileNameWithoutExtension(QuestionStatistics.FileName) => OutputKind.QuestionStatistics,
        var n when n == Path.GetFileNameWithoutExtension(AnswerBook.FileName) => OutputKind.AnswerBook,
        _ => null,
    };

    private static string Title(string relativePath, OutputKind? kind)
    {
        var format = Path.GetExtension(relativePath).ToUpperInvariant().TrimStart('.');
        var name = kind switch
        {
            OutputKind.Programme => "Chương trình hội nghị",
            OutputKind.QuestionStatistics => "Thống kê câu hỏi theo nhóm vấn đề",
            OutputKind.AnswerBook => "Tài liệu trả lời câu hỏi (dành cho đồng chí chủ trì)",
            _ => Path.GetFileNameWithoutExtension(relativePath),
        };
        return format.Length > 0 ? $"{name} ({format})" : name;
    }

    private static bool IsUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
