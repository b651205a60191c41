using System.Text;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Cli;
using Dialogue.Office.Cli.Output;

// --timings (anywhere on the line) or DIALOGUE_TIMINGS=1: phase timings on standard error (README, "Figures").
args = Timings.Start(args);
Console.OutputEncoding = Encoding.UTF8;
int code;
if (CommandRegistry.IsVersionOnly(args))
{
    // The line Spectre prints for `--version`, without building the command model and the console (issue 17).
    Console.Out.WriteLine(CommandRegistry.VersionText());
    code = 0;
}
else
{
    Terminal.Configure();
    using (PhaseTimings.Start("command (parse, run, print)"))
    {
        code = CommandRegistry.Run(args);
    }
}

Timings.Finish();
return code;
