using Dialogue.Office.AddIn.Hosting;
using Dialogue.Office.AddIn.Manifest;

if (args.Length > 0 && args[0] == "manifest")
{
    return ManifestCommand.Run(args[1..], Console.Out, Console.Error);
}

var app = AddInHost.Build(args);
app.Run();
return 0;

/// <summary>Entry point, public so WebApplicationFactory can find it.</summary>
public partial class Program;
