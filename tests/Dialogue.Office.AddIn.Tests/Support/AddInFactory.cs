using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dialogue.Office.AddIn.Tests.Support;

/// <summary>The host in-process on the sample conferences, writing jobs to a temp folder of its own.</summary>
public class AddInFactory : WebApplicationFactory<Program>
{
    public string OutputRoot { get; } = Path.Combine(Path.GetTempPath(), "dlg-addin-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>Extra settings (e.g. AzureAd:*) applied before the host reads its configuration.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("AddIn:DataRoot", RepoPaths.Samples);
        builder.UseSetting("AddIn:OutputRoot", OutputRoot);
        builder.UseSetting("urls", "http://127.0.0.1:0");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Clients speak as the pane does: with its request header (see HostDefences.RequestHeader).</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add("X-Dialogue-Office", "1");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(OutputRoot, true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
