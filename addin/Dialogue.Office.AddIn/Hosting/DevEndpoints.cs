using System.Security.Cryptography.X509Certificates;

namespace Dialogue.Office.AddIn.Hosting;

/// <summary>
/// Default addresses for <c>dotnet run</c>: https://localhost:5443 (what manifest.xml points at) with the ASP.NET
/// development certificate, plus http://127.0.0.1:5080 for scripts. Without a development certificate the host still
/// starts on HTTP and says how to create one. Any explicit --urls, ASPNETCORE_URLS or Kestrel:Endpoints wins.
/// </summary>
public static class DevEndpoints
{
    public const string HttpsUrl = "https://localhost:5443";
    public const string HttpUrl = "http://127.0.0.1:5080";

    // The OID the dotnet dev-certs tool marks its certificate with.
    private const string AspNetHttpsOid = "1.3.6.1.4.1.311.84.1.1";

    public static void UseDefaultUrls(this WebApplicationBuilder builder)
    {
        var c = builder.Configuration;
        if (!string.IsNullOrEmpty(c["urls"]) || !string.IsNullOrEmpty(c["http_ports"]) || !string.IsNullOrEmpty(c["https_ports"])
            || c.GetSection("Kestrel:Endpoints").Exists())
        {
            return;
        }

        if (HasDevelopmentCertificate() || !string.IsNullOrEmpty(c["Kestrel:Certificates:Default:Path"]))
        {
            builder.WebHost.UseUrls(HttpsUrl, HttpUrl);
        }
        else
        {
            builder.WebHost.UseUrls(HttpUrl);
            Console.WriteLine("Chưa có chứng chỉ HTTPS phát triển: ngăn tác vụ chỉ chạy trong trình duyệt tại " + HttpUrl + ".");
            Console.WriteLine("Để nạp vào Word/Excel (cần HTTPS), chạy: dotnet dev-certs https --trust  rồi khởi động lại.");
        }
    }

    private static bool HasDevelopmentCertificate()
    {
        try
        {
            using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
            store.Open(OpenFlags.ReadOnly);
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            return store.Certificates.Any(cert => cert.HasPrivateKey && cert.NotAfter.ToUniversalTime() > now
                && cert.Extensions.Any(e => e.Oid?.Value == AspNetHttpsOid));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }
}
