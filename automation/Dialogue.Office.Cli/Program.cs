using System.Text;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Cli;
using Dialogue.Office.Cli.Output;

// --timings (anywhere on the line) or DIALOGUE_TIMINGS=1: phase timings on standard error (README, "Figures").
args = Timings.Start(args);
Console.OutputEncoding = Encoding.UTF8;
Terminal.Configure();
int code;
using (PhaseTimings.Start("command (parse, run, print)"))
{
    code = CommandRegistry.Run(args);
}

Timings.Finish();
return code;
