using Dialogue.Office.Automation.Sharing;
using Dialogue.Office.Automation.Tests.Sharing;
using Dialogue.Office.Automation.Tests.Support;
using Dialogue.Office.Cli;
using QRCoder;
using Spectre.Console.Cli;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Dialogue.Office.Automation.Tests.Cli;

/// <summary>
/// The CLI end to end. These tests set process environment variables (configuration comes from DIALOGUE_…),
/// so they live in one class and run one after another.
/// </summary>
public sealed class PublishCommandTests
{
    [Fact]
    public async Task PublishCommand_NoSiteConfigured_PublishesToLocalShareAndExitsOk()
    {
        await using var world = await SharePointWorld.CreateAsync();
        var share = Path.Combine(world.Dir.Path, "share");

        var code = WithEnvironment(new() { ["DIALOGUE_Sharing__LocalShare__Root"] = share }, () => Run("publish", world.Packet, "--folder", "YB23"));

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(world.Files[SamplePacket.Workbook], File.ReadAllBytes(Path.Combine(share, "YB23", SamplePacket.Workbook)));
        Assert.Empty(world.Server.Log);
    }

    [Fact]
    public async Task PublishCommand_SiteGiven_PublishesThroughGraphAndFolderLinkSurvivesTheQrCode()
    {
        await using var world = await SharePointWorld.CreateAsync();
        var env = new Dictionary<string, string?>
        {
            ["DIALOGUE_Sharing__Graph__BaseUrl"] = world.Server.GraphBaseUrl,
            ["DIALOGUE_Sharing__Graph__Auth"] = "AccessToken",
            ["DIALOGUE_Sharing__Graph__AccessTokenVariable"] = "DIALOGUE_TEST_CLI_TOKEN",
            ["DIALOGUE_TEST_CLI_TOKEN"] = world.Server.CurrentToken,
        };

        var code = WithEnvironment(env, () => Run("publish", world.Packet, "--site", world.Server.SiteUrl, "--library", "Documents", "--folder", SharePointWorld.TargetFolder));

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(world.Files.Count, world.Server.AllFiles().Count);
        Assert.All(world.Server.ContentWrites.Values, n => Assert.Equal(1, n));
        var folder = world.Server.ItemAt(SharePointWorld.TargetFolder)!;
        var link = Assert.Single(folder.Permissions);
        Assert.Equal("organization", link.Scope);
        Assert.Equal(link.WebUrl, DecodeQr(link.WebUrl!));

        // A locked file: the command reports it and exits with the service-failure code.
        File.WriteAllText(Path.Combine(world.Packet, SamplePacket.Workbook), "sửa lại");
        world.Server.Inject(r => r.Name == SamplePacket.Workbook && r.Action == "content", FaultKind.Status, status: 423, code: "notAllowed", message: "locked", inner: "resourceLocked");
        var locked = WithEnvironment(env, () => Run("publish", world.Packet, "--site", world.Server.SiteUrl, "--library", "Documents", "--folder", SharePointWorld.TargetFolder));

        Assert.Equal(ExitCodes.ServiceFailure, locked);
    }

    [Fact]
    public void PublishCommand_BadExpiryDate_IsAUsageError()
    {
        var code = Run("publish", Path.GetTempPath(), "--expires", "31-12-2026");

        Assert.NotEqual(ExitCodes.Ok, code);
    }

    private static int Run(params string[] args) => CommandRegistry.Run(args);

    private static int WithEnvironment(Dictionary<string, string?> values, Func<int> action)
    {
        var saved = values.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        foreach (var (k, v) in values)
        {
            Environment.SetEnvironmentVariable(k, v);
        }

        try
        {
            return action();
        }
        finally
        {
            foreach (var (k, v) in saved)
            {
                Environment.SetEnvironmentVariable(k, v);
            }
        }
    }

    /// <summary>Encodes the link as the invitations do (QRCoder) and reads it back with an independent decoder (ZXing).</summary>
    private static string DecodeQr(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        const int scale = 4;
        var modules = data.ModuleMatrix;
        var size = modules.Count * scale;
        var pixels = new byte[size * size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                pixels[(y * size) + x] = modules[y / scale][x / scale] ? (byte)0 : (byte)255;
            }
        }

        var source = new RGBLuminanceSource(pixels, size, size, RGBLuminanceSource.BitmapFormat.Gray8);
        // The picture is the symbol alone, module-aligned: PURE_BARCODE reads it as such. Without the hint ZXing's finder
        // search missed about 1 link in 150 (random folder ids), which made this test fail now and then.
        var decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = true });
        return decoded.Text;
    }
}
