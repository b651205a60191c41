using System.Text;
using Dialogue.Office.Cli;
using Dialogue.Office.Cli.Output;

Console.OutputEncoding = Encoding.UTF8;
Terminal.Configure();
return CommandRegistry.Run(args);
