using System.Net;
using Dialogue.Office.AddIn.Tests.Support;

namespace Dialogue.Office.AddIn.Tests.Hosting;

/// <summary>
/// The local share as a delegate's browser meets it: no folder listing (our Vietnamese page instead), active content
/// sent as a download under nosniff and a sandboxing CSP, nothing but GET/HEAD.
/// </summary>
public sealed class LocalShareTests(AddInFactory factory) : IClassFixture<AddInFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private string Share(string relative, string content)
    {
        var path = Path.Combine(factory.OutputRoot, "share", relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Theory]
    [InlineData("/share/")]
    [InlineData("/share")]
    [InlineData("/share/XA26/")]
    [InlineData("/share/XA26")]
    [InlineData("/share/XA26/khong-co.docx")]
    public async Task Folder_IsNeverListed_OurVietnamesePageInstead(string path)
    {
        Share("XA26/giay-moi/GM-001.docx", "PK");
        Share("XA26/bi-mat.txt", "x");

        var response = await _client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("lang=\"vi\"", html, StringComparison.Ordinal);
        Assert.Contains("Không có tài liệu tại địa chỉ này", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Index of", html, StringComparison.Ordinal);
        Assert.DoesNotContain("bi-mat", html, StringComparison.Ordinal);
        Assert.DoesNotContain("XA26/giay-moi", html, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("XA26/trang.html", "<script>alert(1)</script>")]
    [InlineData("XA26/hinh.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")]
    public async Task ActiveContent_IsServedAsADownloadUnderASandbox(string relative, string content)
    {
        Share(relative, content);

        var response = await _client.GetAsync("/share/" + relative);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(Path.GetFileName(relative), response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Document_IsServedWithNosniff()
    {
        Share("XA26/giay-moi/GM-002.docx", "PK-docx");

        var response = await _client.GetAsync("/share/XA26/giay-moi/GM-002.docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("PK-docx", await response.Content.ReadAsStringAsync());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("XA26/thu-ky/danh-sach-giay-moi.xlsx")]
    [InlineData("XA26/thu-ky/giay-moi/XA26-0001-Nguyen-Van-An.docx")]
    [InlineData("XA26/lanh-dao/kich-ban-chi-tiet.docx")]
    [InlineData("Hoi-nghi/XA26/lanh-dao/tai-lieu-tra-loi.docx")]
    public async Task LeadersAndSecretariatFolders_WithoutSignIn_Are401AndNeverTheFile(string relative)
    {
        Share(relative, "PK-secret");

        foreach (var path in new[] { "/share/" + relative, "/share/" + relative.Replace("thu-ky", "thu%2Dky", StringComparison.Ordinal).Replace("lanh-dao", "lanh%2ddao", StringComparison.Ordinal) })
        {
            var response = await _client.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.DoesNotContain("PK-secret", html, StringComparison.Ordinal);
            Assert.Contains("Cần đăng nhập", html, StringComparison.Ordinal);
            Assert.Contains("lãnh đạo chủ trì hoặc Tổ thư ký", html, StringComparison.Ordinal);
        }

        // HEAD does not leak it either.
        using var head = new HttpRequestMessage(HttpMethod.Head, "/share/" + relative);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.SendAsync(head)).StatusCode);
    }

    [Fact]
    public async Task DelegatesFolder_IsServedAsToday()
    {
        Share("XA26/dai-bieu/chuong-trinh.docx", "PK-programme");

        var response = await _client.GetAsync("/share/XA26/dai-bieu/chuong-trinh.docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("PK-programme", await response.Content.ReadAsStringAsync());
    }
}
