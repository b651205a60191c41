using Dialogue.Office.Cli.Output;

namespace Dialogue.Office.Automation.Tests.Cli;

public sealed class StepProgressTests
{
    [Fact]
    public async Task Run_IntoAFile_WritesMilestonesOnceAndEndsAt100_WhenTheTotalWasAnEstimate()
    {
        var (console, text) = TestConsoles.File();

        // 299 letters for 300 delegates (the signer gets none), reported in batches of 23, one report late.
        var result = await StepProgress.RunAsync(console, steps =>
        {
            for (var done = 23; done < 299; done += 23)
            {
                steps.Report("Giấy mời", done, 300);
            }

            steps.Report("Giấy mời", 138, 300);
            steps.Report("Giấy mời", 299, 300);
            return Task.FromResult(42);
        });

        Assert.Equal(42, result);
        Assert.Equal(["Giấy mời: 25%", "Giấy mời: 50%", "Giấy mời: 75%", "Giấy mời: 100%"], Lines(text));
    }

    [Fact]
    public async Task Run_IntoAFile_AStepEndsWhenTheNextStarts()
    {
        var (console, text) = TestConsoles.File();

        await StepProgress.RunAsync(console, steps =>
        {
            steps.Report("Giấy mời", 10, 300);
            steps.Report("Công bố tài liệu", 0.5, 20);
            steps.Report("Công bố tài liệu", 20, 20);
            return Task.FromResult(0);
        });

        Assert.Equal(["Giấy mời: 100%", "Công bố tài liệu: 100%"], Lines(text));
    }

    [Fact]
    public async Task Run_OnATerminal_TheLastFrameShows100()
    {
        var (console, text) = TestConsoles.Terminal(80, ansi: true);

        await StepProgress.RunAsync(console, steps =>
        {
            steps.Report("Giấy mời", 299, 300);
            return Task.FromResult(0);
        });

        var percents = System.Text.RegularExpressions.Regex.Matches(text.ToString(), @"(\d+)%").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(percents);
        Assert.Equal("100", percents[^1]);
    }

    private static List<string> Lines(StringWriter text) =>
        [.. text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))];
}
