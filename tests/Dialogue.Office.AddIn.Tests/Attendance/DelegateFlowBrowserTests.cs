using Dialogue.Office.AddIn.Tests.Support;
using Dialogue.Office.Automation.Attendance;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;

namespace Dialogue.Office.AddIn.Tests.Attendance;

/// <summary>
/// The whole path a delegate and the door staff take, with real parts: <c>dialogue invitations</c> in its own process
/// signs the letters' QR codes (secret and address from the environment, as a clerk sets them), zbarimg reads a
/// letter's QR, headless Chromium opens it against the host (same secret) at 360 px, sends a substitute, and the door
/// page, unlocked with the venue's door code, reads the same QR from a photo with jsQR and checks the delegate in.
/// Screenshots: tests/Dialogue.Office.AddIn.Tests/artifacts/ (docs/images/ has copies).
/// </summary>
public sealed class DelegateFlowBrowserTests
{
    [SkippableFact]
    public async Task LetterQr_OpenedInChromium_SubstituteSent_CheckedInAtTheDoor()
    {
        var zbarimg = ExternalTools.Require("zbarimg", "zbar-tools");
        var chromium = Chromium.Require();

        var root = Path.Combine(Path.GetTempPath(), "delegate-flow-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(RepoPaths.Artifacts);
        await using var factory = new AttendanceFactory();
        try
        {
            // The letters, signed by the CLI.
            var (exit, output) = Packets.PacketFlowTests.RunCli(["invitations", Path.Combine(RepoPaths.Samples, "yen-bai-2023"), "--out", Path.Combine(root, "out")], new Dictionary<string, string>
            {
                ["DIALOGUE_Attendance__Secret"] = AttendanceFactory.Secret,
                ["DIALOGUE_Attendance__PublicBaseUrl"] = AttendanceFactory.PublicBaseUrl,
            });
            Assert.True(exit == 0, output);
            var letters = Directory.GetFiles(Assert.Single(Directory.GetDirectories(Path.Combine(root, "out"), "giay-moi", SearchOption.AllDirectories)), "*.docx").Order(StringComparer.Ordinal).ToList();
            var letter = letters.First(l => Path.GetFileName(l).StartsWith("YB23-0002", StringComparison.Ordinal));
            var (link, qrPng) = Decode(zbarimg, letter, root);
            Assert.StartsWith(AttendanceFactory.PublicBaseUrl + "/d/YB23-0002?k=", link, StringComparison.Ordinal);
            // YB23-0002 co-chairs: the secretariat confirms with the chairs' offices (issue 11), so the promise to confirm by
            // scanning is in the other delegates' letters, such as the list's last.
            Assert.DoesNotContain("quét mã QR dưới đây để xác nhận", LetterText(letter), StringComparison.Ordinal);
            Assert.Contains("quét mã QR dưới đây để xác nhận trên điện thoại", LetterText(letters[^1]), StringComparison.Ordinal);

            // The host with the same secret, on a real port.
            var host = Chromium.Serve(factory);
            var local = host + new Uri(link).PathAndQuery;

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await Chromium.LaunchAsync(playwright, chromium);
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 360, Height = 740 }, Locale = "vi-VN" });
            context.SetDefaultTimeout(Pane.TaskPaneBrowserTests.StateGuard);
            var refused = new List<string>();
            var page = await context.NewPageAsync();
            page.Console += (_, m) =>
            {
                if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal) || m.Type == "error")
                {
                    lock (refused)
                    {
                        refused.Add(m.Text);
                    }
                }
            };

            await page.GotoAsync(local);
            await page.GetByText("Kính gửi").WaitForAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "delegate-page-360.png"), FullPage = true });
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= 360, $"the page is {width} px wide at 360 px");

            await page.GetByText("Cử người dự thay").First.ClickAsync();
            await page.GetByLabel("Họ và tên người dự thay").FillAsync("Trần Văn Bình");
            await page.GetByLabel("Chức vụ, đơn vị").FillAsync("Phó Giám đốc Sở Giáo dục và Đào tạo");
            await page.GetByRole(AriaRole.Button, new() { Name = "Gửi xác nhận" }).ClickAsync();
            await page.GetByText("Đã ghi nhận xác nhận của đại biểu").WaitForAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "delegate-page-360-confirmed.png"), FullPage = true });
            var answer = Assert.Single(await factory.Register.HistoryAsync("YB23", "YB23-0002"));
            Assert.Equal(AttendanceStatus.Substitute, answer.Status);
            Assert.Equal("Trần Văn Bình", answer.SubstituteName);

            // The door of the delegate's venue: the door code, then the letter's QR from a photo.
            var plan = Automation.Plans.PlanLoader.Load(Path.Combine(RepoPaths.Samples, "yen-bai-2023")).Plan!;
            var venue = plan.Delegates.Single(d => d.Code == "YB23-0002").VenueId;
            var door = await context.NewPageAsync();
            door.Console += (_, m) =>
            {
                if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal) || m.Type == "error")
                {
                    lock (refused)
                    {
                        refused.Add(m.Text);
                    }
                }
            };
            await door.GotoAsync($"{host}/cua/YB23/{venue}");
            await door.Locator("main[data-ready=true]").WaitForAsync();
            await door.GetByLabel("Mã cửa (8 chữ số)").FillAsync("00000000");
            await door.GetByRole(AriaRole.Button, new() { Name = "Mở điểm danh" }).ClickAsync();
            await door.GetByText("Mã cửa không đúng.").WaitForAsync();
            await door.GetByLabel("Mã cửa (8 chữ số)").FillAsync(factory.Key().DoorCode(venue));
            await door.GetByRole(AriaRole.Button, new() { Name = "Mở điểm danh" }).ClickAsync();
            await door.Locator("#work:not([hidden])").WaitForAsync();
            await door.Locator("#photo").SetInputFilesAsync(qrPng);
            await door.Locator("#result[data-code='YB23-0002']").WaitForAsync();
            var result = await door.Locator("#result").InnerTextAsync();
            Assert.Contains("Đã điểm danh", result, StringComparison.Ordinal);
            Assert.Contains("Người dự thay: Trần Văn Bình", result, StringComparison.Ordinal);
            await door.Locator("#counts:has-text('Đã điểm danh 1')").WaitForAsync();
            await door.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "door-page-360.png"), FullPage = true });
            Assert.Equal(venue, (await factory.Register.SnapshotAsync("YB23"))["YB23-0002"].CheckIn!.VenueId);

            // The delegate's page now says so.
            await page.ReloadAsync();
            await page.GetByText("Đã điểm danh tại cửa lúc").WaitForAsync();
            lock (refused)
            {
                // The door's wrong code answers 403, which Chromium logs as a failed resource: the only error expected.
                Assert.True(refused.All(r => r.Contains("403", StringComparison.Ordinal)), string.Join("\n", refused));
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

    private static string LetterText(string letter)
    {
        using var doc = WordprocessingDocument.Open(letter, false);
        return doc.MainDocumentPart!.Document.Body!.InnerText;
    }

    private static (string Link, string Png) Decode(string zbarimg, string letter, string root)
    {
        using var doc = WordprocessingDocument.Open(letter, false);
        var image = Assert.Single(doc.MainDocumentPart!.ImageParts);
        var png = Path.Combine(root, Path.GetFileNameWithoutExtension(letter) + ".png");
        using (var stream = image.GetStream())
        using (var file = File.Create(png))
        {
            stream.CopyTo(file);
        }

        var (exit, stdout, stderr) = ExternalTools.Run(zbarimg, ["--raw", "-q", png]);
        Assert.True(exit == 0, $"zbarimg could not read the QR code of {letter}: {stderr}");
        return (stdout.TrimEnd('\n', '\r'), png);
    }
}
