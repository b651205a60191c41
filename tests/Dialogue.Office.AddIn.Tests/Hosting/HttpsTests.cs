using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Dialogue.Office.AddIn.Hosting;
using Microsoft.AspNetCore.Hosting;

namespace Dialogue.Office.AddIn.Tests.Hosting;

/// <summary>
/// The real Kestrel host with an https listener (a certificate made for the test, trusted by thumbprint only) beside a
/// plain http one: HSTS goes out on https answers only, since a browser ignores it over http and an http answer must
/// not pin a host that has no https.
/// </summary>
public sealed class HttpsTests
{
    [Theory]
    [InlineData("/api/config")]
    [InlineData("/taskpane.html")]
    [InlineData("/api/khong-co/gi")]
    public async Task Https_AnswersCarryHsts_HttpAnswersDoNot(string path)
    {
        using var certificate = TestCertificate();
        using var host = HttpAndHttps(certificate, out var http, out var https);
        using var handler = new HttpClientHandler
        {
            // Only this test's certificate, by thumbprint: a real TLS handshake, no blanket trust.
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
        };
        using var client = new HttpClient(handler);

        using var secure = await client.GetAsync(https + path);
        using var plain = await client.GetAsync(http + path);

        Assert.Equal(plain.StatusCode, secure.StatusCode);
        Assert.Equal("max-age=31536000", Assert.Single(secure.Headers.GetValues("Strict-Transport-Security")));
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        foreach (var response in new[] { secure, plain })
        {
            Assert.StartsWith("frame-ancestors 'self' https://*.office.com", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
            Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        }
    }

    [Fact]
    public async Task Https_ShareAddressIsTheHttpsListener_WhenNoPublicBaseUrlIsSet()
    {
        using var certificate = TestCertificate();
        using var host = HttpAndHttps(certificate, out var http, out var https);

        Assert.Equal(https, ShareAddress.BaseUrl(host.Services));
        using var client = new HttpClient();
        var config = await client.GetStringAsync(http + "/api/config");
        Assert.Contains($"\"{https}/share/\"", config, StringComparison.Ordinal);
    }

    /// <summary>The real host listening on two loopback ports: plain http, and https with <paramref name="certificate"/>.</summary>
    private static KestrelHost HttpAndHttps(X509Certificate2 certificate, out string http, out string https)
    {
        var host = new KestrelHost(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            o.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate));
        });
        https = Assert.Single(host.Addresses, a => a.StartsWith("https://", StringComparison.Ordinal));
        http = Assert.Single(host.Addresses, a => a.StartsWith("http://", StringComparison.Ordinal));
        return host;
    }

    /// <summary>A self-signed server certificate for 127.0.0.1 and localhost, valid around now.</summary>
    private static X509Certificate2 TestCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        var now = TimeProvider.System.GetUtcNow();
        using var made = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        // Through PKCS#12 so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pfx), null);
    }
}
