using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using Dialogue.Office.AddIn.Auth;
using Dialogue.Office.AddIn.Tests.Support;
using Dialogue.Office.Automation.Tests.Sharing;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dialogue.Office.AddIn.Tests.Packets;

/// <summary>
/// One packet flow for both shells: the same plan (a SharePoint site in its sharing settings) built by
/// <c>dialogue build</c> in its own process and by the host's packet job, both against the local Graph-compatible
/// server with the real Graph SDK. Both publish first, so zbarimg reads the same folder link from both sets of letters.
/// </summary>
public sealed class PacketFlowTests
{
    private const string PlanId = "yen-bai-2023";

    [SkippableFact]
    public async Task CliBuildAndHostPacket_SamePlan_LettersCarryTheSameSharePointLink()
    {
        var zbarimg = ExternalTools.Require("zbarimg", "zbar-tools");
        await using var server = await FakeGraphServer.StartAsync();
        var root = Path.Combine(Path.GetTempPath(), "flow-packet-" + Guid.NewGuid().ToString("N"));
        try
        {
            var data = Path.Combine(root, "data");
            var planFolder = CopyPlanWithSite(data, server.SiteUrl);

            // The CLI: `dialogue build`, configured for the test server as a clerk configures it (environment).
            var cliOut = Path.Combine(root, "cli-out");
            var (exit, output) = RunCli(
                ["build", planFolder, "--out", cliOut],
                new Dictionary<string, string>
                {
                    ["DIALOGUE_Sharing__Graph__BaseUrl"] = server.GraphBaseUrl,
                    ["DIALOGUE_Sharing__Graph__Auth"] = "AccessToken",
                    ["DIALOGUE_Sharing__Graph__AccessTokenVariable"] = "DIALOGUE_TEST_FLOW_TOKEN",
                    ["DIALOGUE_TEST_FLOW_TOKEN"] = server.CurrentToken,
                    ["DIALOGUE_Sharing__LocalShare__Root"] = Path.Combine(root, "cli-share"),
                });
            Assert.True(exit == 0, output);

            // The host: the pane's packet job on the same plan, SharePoint reached through the same server.
            await using var factory = new FlowFactory(data, Path.Combine(root, "host-out"), server);
            using var client = factory.CreateClient();
            var job = await Jobs.Finish(factory, client, await client.PostAsync($"/api/plans/{PlanId}/packet", null));
            Assert.True(job.GetProperty("state").GetString() == "done", job.GetRawText());
            var zip = job.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "packet");
            var hostOut = Path.Combine(root, "host-packet");
            using (var archive = new ZipArchive(new MemoryStream(await client.GetByteArrayAsync(zip.GetProperty("url").GetString()))))
            {
                archive.ExtractToDirectory(hostOut);
            }

            // One folder on SharePoint, one organization link, and it is what both sets of letters open.
            // The one link is the delegates' folder's (issue 19); the conference folder itself has none.
            Assert.Empty(server.ItemAt("Doi-thoai-GDDT-2023")!.Permissions);
            var folder = server.ItemAt("Doi-thoai-GDDT-2023/dai-bieu")!;
            var link = Assert.Single(folder.Permissions).WebUrl!;
            Assert.Equal(link, job.GetProperty("summary").GetProperty("qrLink").GetString());
            var letters = Directory.GetFiles(Path.Combine(cliOut, "thu-ky", "giay-moi"), "*.docx").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(297, letters.Count);
            foreach (var name in new[] { letters[0], letters[^1] })
            {
                var fromCli = Decode(zbarimg, Path.Combine(cliOut, "thu-ky", "giay-moi", name!), root);
                var fromHost = Decode(zbarimg, Path.Combine(hostOut, "thu-ky", "giay-moi", name!), root);
                Assert.StartsWith(link + "?", fromCli, StringComparison.Ordinal);
                Assert.Equal(fromCli, fromHost);
            }
        }
        finally
        {
            try
            {
                Directory.Delete(root, true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>The sample plan, its sharing settings naming the test server's site and its Documents library.</summary>
    internal static string CopyPlanWithSite(string data, string siteUrl)
    {
        var source = Path.Combine(RepoPaths.Samples, PlanId);
        var target = Path.Combine(data, PlanId);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        var plan = Path.Combine(target, "plan.yaml");
        var yaml = File.ReadAllText(plan)
            .Replace("  site_url: \"\"", $"  site_url: \"{siteUrl}\"", StringComparison.Ordinal)
            .Replace("  library: \"Tài liệu hội nghị\"", "  library: \"Documents\"", StringComparison.Ordinal);
        Assert.Contains(siteUrl, yaml, StringComparison.Ordinal);
        File.WriteAllText(plan, yaml);
        return target;
    }

    private static string Decode(string zbarimg, string letter, string root)
    {
        using var doc = WordprocessingDocument.Open(letter, false);
        var image = Assert.Single(doc.MainDocumentPart!.ImageParts);
        var png = Path.Combine(root, Guid.NewGuid().ToString("N") + ".png");
        using (var stream = image.GetStream())
        using (var file = File.Create(png))
        {
            stream.CopyTo(file);
        }

        var (exit, stdout, stderr) = ExternalTools.Run(zbarimg, ["--raw", "-q", png]);
        Assert.True(exit == 0, $"zbarimg could not read the QR code of {letter}: {stderr}");
        return stdout.TrimEnd('\n', '\r');
    }

    /// <summary>`dialogue` from its own build output, in its own process, with <paramref name="environment"/> added.</summary>
    internal static (int ExitCode, string Output) RunCli(string[] args, IReadOnlyDictionary<string, string> environment)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(RepoPaths.Root, "automation", "Dialogue.Office.Cli", "bin", configuration, "net10.0", "dialogue.dll");
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "exec", dll }.Concat(args))
        {
            psi.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            psi.Environment[key] = value;
        }

        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private sealed class FlowFactory(string dataRoot, string outputRoot, FakeGraphServer server) : AddInFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [
            new("AddIn:DataRoot", dataRoot),
            new("AddIn:OutputRoot", outputRoot),
        ];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<SharePointAccess>(new GraphServerAccess(server)));
        }
    }
}
