using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dialogue.Office.AddIn.Hosting;
using Dialogue.Office.AddIn.Tests.Apis;
using Dialogue.Office.AddIn.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Dialogue.Office.AddIn.Tests.Hosting;

/// <summary>Word documents made to hurt: a decompression bomb as small as the (105 KB → 100 MB of XML).</summary>
internal static class Bombs
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private static readonly Lazy<byte[]> Hundred = new(() => Word(100L << 20));

    /// <summary>A .docx whose document.xml inflates to 100 MB (about 100 KB on the wire).</summary>
    public static byte[] HundredMegabytes => Hundred.Value;

    public static byte[] Word(long xmlBytes)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Text(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            Text(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            using var part = zip.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open();
            part.Write(Encoding.UTF8.GetBytes($"<w:document xmlns:w=\"{W}\"><w:body><w:p><w:r><w:t>"));
            var chunk = Encoding.ASCII.GetBytes(new string('a', 1 << 20));
            for (long written = 0; written < xmlBytes; written += chunk.Length)
            {
                part.Write(chunk);
            }

            part.Write(Encoding.UTF8.GetBytes("</w:t></w:r></w:p></w:body></w:document>"));
        }

        return output.ToArray();
    }

    private static void Text(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}

/// <summary>Bombs and floods through the in-process host: refused with their code, and nothing else waits on them.</summary>
public sealed class BombTests(AddInFactory factory) : IClassFixture<AddInFactory>
{
    private const string Plan = "yen-bai-2023";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public void TheBomb_IsSmallOnTheWireAndHugeInflated()
    {
        Assert.InRange(Bombs.HundredMegabytes.Length, 1, 200 * 1024);
        using var zip = new ZipArchive(new MemoryStream(Bombs.HundredMegabytes));
        Assert.True(zip.GetEntry("word/document.xml")!.Length > 100L << 20);
    }

    [Theory]
    [InlineData("/api/check", "document")]
    [InlineData("/api/check/fix", "document")]
    [InlineData("/api/invitations/" + Plan + "/jobs", "template")]
    public async Task Bomb_IsRefusedBeforeAnyReaderWithItsCodeInVietnamese(string url, string field)
    {
        var active = factory.Services.GetRequiredService<JobStore>().Active;
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Bombs.HundredMegabytes), field, "bom.docx" } };
        var response = await _client.PostAsync(url, form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ApiTests.Problem(response);
        Assert.Equal("FILE_ZIP_BOMB", problem.GetProperty("code").GetString());
        Assert.Equal("Tệp không mở được", problem.GetProperty("title").GetString());
        Assert.Contains("bom.docx", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("nghi là tệp độc hại", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(active, factory.Services.GetRequiredService<JobStore>().Active);
    }

    [Fact]
    public async Task TenBombsAtOnce_AreAllRefusedAndTheHostKeepsAnswering()
    {
        var bombs = Enumerable.Range(0, 10).Select(async i =>
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(Bombs.HundredMegabytes), "document", $"bom-{i}.docx" } };
            return await _client.PostAsync(i % 2 == 0 ? "/api/check" : "/api/check/fix", form);
        }).ToList();

        // Reads are never queued behind uploads.
        var plans = await _client.GetAsync("/api/plans");
        Assert.Equal(HttpStatusCode.OK, plans.StatusCode);

        foreach (var response in await Task.WhenAll(bombs))
        {
            var code = (await ApiTests.Problem(response)).GetProperty("code").GetString();
            Assert.True(
                (response.StatusCode == HttpStatusCode.UnprocessableEntity && code == "FILE_ZIP_BOMB")
                || (response.StatusCode == HttpStatusCode.TooManyRequests && code == "SERVER_BUSY" && response.Headers.RetryAfter is not null),
                $"{(int)response.StatusCode} {code}");
        }
    }

    [Fact]
    public async Task FlatOpcBomb_IsRefusedToo()
    {
        // body.getOoxml() text cannot be compressed, but the package it makes still goes through the guard: a
        // document of more paragraphs than the limit is refused as one.
        var paragraphs = string.Concat(Enumerable.Repeat("<w:p/>", 45_000));
        var flat = "<?xml version=\"1.0\" standalone=\"yes\"?><?mso-application progid=\"Word.Document\"?>"
            + "<pkg:package xmlns:pkg=\"http://schemas.microsoft.com/office/2006/xmlPackage\">"
            + "<pkg:part pkg:name=\"/_rels/.rels\" pkg:contentType=\"application/vnd.openxmlformats-package.relationships+xml\"><pkg:xmlData><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships></pkg:xmlData></pkg:part>"
            + "<pkg:part pkg:name=\"/word/document.xml\" pkg:contentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"><pkg:xmlData>"
            + $"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{paragraphs}</w:body></w:document>"
            + "</pkg:xmlData></pkg:part></pkg:package>";
        using var form = new MultipartFormDataContent { { new StringContent(flat), "ooxml" } };
        var response = await _client.PostAsync("/api/check", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("FILE_TOO_MANY_PARAGRAPHS", (await ApiTests.Problem(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task MalformedMultipart_Is400NotAStackTrace()
    {
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes("--x\r\nContent-Disposition: form-data; name=\"document\"; filename=\"a.docx\"\r\n\r\nPK"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        var response = await _client.PostAsync("/api/check", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiTests.Problem(response);
        Assert.Equal("UPLOAD_BAD_FORM", problem.GetProperty("code").GetString());
        Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>One job slot, no queue, one upload at a time: the next caller is told to come back, in Vietnamese.</summary>
public sealed class BusyHostTests : IDisposable
{
    private readonly TightFactory _factory = new();

    private sealed class TightFactory : AddInFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [
            new("AddIn:MaxRunningJobs", "1"),
            new("AddIn:MaxQueuedJobs", "0"),
            new("AddIn:MaxConcurrentRequests", "1"),
            new("AddIn:RequestQueue", "0"),
            new("AddIn:BusyRetryAfterSeconds", "7"),
        ];
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task JobsBeyondSlotsAndQueue_Are429WithRetryAfter()
    {
        var client = _factory.CreateClient();
        var jobs = _factory.Services.GetRequiredService<JobStore>();
        var release = new TaskCompletionSource();
        var blocker = jobs.Start("", "test", 1, async (job, _) =>
        {
            await release.Task;
            job.Complete([], []);
        });
        try
        {
            var response = await client.PostAsync("/api/plans/yen-bai-2023/packet", null);
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter!.Delta);
            var problem = await ApiTests.Problem(response);
            Assert.Equal("JOBS_BUSY", problem.GetProperty("code").GetString());
            Assert.Contains("7 giây", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            release.SetResult();
        }

        while (blocker.State == JobState.Running || jobs.Active > 0)
        {
            await Task.Delay(5);
        }

        var next = await client.PostAsync("/api/plans/yen-bai-2023/packet", null);
        Assert.Equal(HttpStatusCode.Accepted, next.StatusCode);
    }

    [Fact]
    public async Task UploadWhileAnotherIsBeingRead_Is429ServerBusy()
    {
        // The real Kestrel host: the first body really streams, so its request holds the upload slot while it waits.
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Add(HostDefences.RequestHeader, "1");
        using var slow = new GatedContent();
        slow.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        var first = client.PostAsync("/api/check", slow);
        await slow.Started.Task;
        var limiter = _factory.Services.GetRequiredService<RequestLimiter>();
        for (var i = 0; i < 2000 && limiter.AvailablePermits > 0; i++)
        {
            await Task.Delay(5);
        }

        Assert.Equal(0, limiter.AvailablePermits);

        using var form = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "document", "a.docx" } };
        var second = await client.PostAsync("/api/check", form);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("SERVER_BUSY", (await ApiTests.Problem(second)).GetProperty("code").GetString());
        Assert.NotNull(second.Headers.RetryAfter);

        // Reads still answer while the upload slot is taken.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/config")).StatusCode);

        slow.Release.SetResult();
        Assert.Equal(HttpStatusCode.BadRequest, (await first).StatusCode);
    }

    /// <summary>A request body that sends (and flushes) its first bytes, then waits until released.</summary>
    private sealed class GatedContent : HttpContent
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("--x\r\n"));
            await stream.FlushAsync();
            Started.TrySetResult();
            await Release.Task;
            await stream.WriteAsync(Encoding.ASCII.GetBytes("garbage"));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
