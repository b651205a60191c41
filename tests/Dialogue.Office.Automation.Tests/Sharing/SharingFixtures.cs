using Azure.Core;
using Dialogue.Office.Automation.Sharing;
using Dialogue.Office.Automation.Sharing.Auth;
using Dialogue.Office.Automation.Tests.Support;

namespace Dialogue.Office.Automation.Tests.Sharing;

/// <summary>A token credential standing in for Entra ID: it hands out whatever token the fake server's IdP issues now.</summary>
internal sealed class FakeTokenCredential(FakeGraphServer server) : TokenCredential
{
    public List<string> Issued { get; } = [];
    public List<string> Scopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (Issued)
        {
            Issued.Add(server.CurrentToken);
            Scopes.AddRange(requestContext.Scopes);
        }

        return new AccessToken(server.CurrentToken, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}

/// <summary>A small conference packet on disk: invitations, a programme, a large annex, a workbook and awkward names.</summary>
internal static class SamplePacket
{
    public const string LargeFile = "tai-lieu/bao-cao-tong-ket.pdf";
    public const string Workbook = "tong-hop-cau-hoi.xlsx";
    public const int Slice = FakeGraphServer.SliceUnit;

    /// <summary>Writes the packet; returns relative path → bytes.</summary>
    public static Dictionary<string, byte[]> Write(string folder, int seed = 5)
    {
        var random = new Random(seed);
        byte[] Bytes(int n)
        {
            var b = new byte[n];
            random.NextBytes(b);
            return b;
        }

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["giay-moi/GM-001-nguyen-van-a.docx"] = Bytes(12_345),
            ["giay-moi/GM-002-tran-thi-b.docx"] = Bytes(23_456),
            ["Chương trình hội nghị.docx"] = Bytes(34_567),
            [Workbook] = Bytes(45_678),
            [LargeFile] = Bytes((3 * Slice) + 54_321),
            ["ghi chú: phiên 1?.txt"] = Bytes(777),
            ["CON.txt"] = Bytes(10),
        };
        foreach (var (relative, bytes) in files)
        {
            var path = Path.Combine(folder, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
        }

        return files;
    }
}

/// <summary>One test's world: a fake Graph server, a packet folder and a request pointing the real SDK at the server.</summary>
internal sealed class SharePointWorld : IAsyncDisposable
{
    public const string TargetFolder = "Hội nghị/YB23";

    private SharePointWorld(FakeGraphServer server, TempDir dir, Dictionary<string, byte[]> files)
    {
        Server = server;
        Dir = dir;
        Files = files;
        Credential = new FakeTokenCredential(server);
    }

    public FakeGraphServer Server { get; }
    public TempDir Dir { get; }
    public Dictionary<string, byte[]> Files { get; }
    public FakeTokenCredential Credential { get; }

    public static async Task<SharePointWorld> CreateAsync()
    {
        var server = await FakeGraphServer.StartAsync();
        var dir = new TempDir("dialogue-publish-");
        var packet = Path.Combine(dir.Path, "out");
        Directory.CreateDirectory(packet);
        return new SharePointWorld(server, dir, SamplePacket.Write(packet));
    }

    public string Packet => Path.Combine(Dir.Path, "out");

    public PublishRequest Request(PublishOptions? options = null, string library = "Documents") => new()
    {
        SourceFolder = Packet,
        Target = new SharePointTarget
        {
            SiteUrl = Server.SiteUrl,
            Library = library,
            Folder = TargetFolder,
            Connection = new GraphConnectionOptions { BaseUrl = Server.GraphBaseUrl, Credential = Credential },
        },
        Options = options ?? Options(),
    };

    /// <summary>Small thresholds so the "large" file goes through an upload session in 320 KiB slices.</summary>
    public static PublishOptions Options() => new() { LargeFileThreshold = 200_000, UploadSliceSize = SamplePacket.Slice };

    /// <summary>The drive path a packet file lands at.</summary>
    public static string RemotePathOf(PublishResult result, string relative) =>
        $"{TargetFolder}/{result.Files.Single(f => f.RelativePath == relative).RemotePath}";

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Dir.Dispose();
    }
}
