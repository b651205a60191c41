using System.Text;
using Dialogue.Office.Cli;
using Dialogue.Office.Cli.Commands;
using Spectre.Console.Cli;

Console.OutputEncoding = Encoding.UTF8;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("dialogue");
    config.SetExceptionHandler((ex, _) => ConsoleOutput.Crash(ex));
    config.AddCommand<ValidateCommand>("validate")
        .WithDescription("Kiểm tra kế hoạch và danh sách đại biểu, báo mọi lỗi cùng lúc.");
    config.AddCommand<NewCommand>("new")
        .WithDescription("Tạo thư mục kế hoạch cho hội nghị mới: tệp plan.yaml có chú thích và danh sách đại biểu trống.")
        .WithExample("new", "hoi-nghi-2026");
    CommandRegistry.AddMore(config);
});

return app.Run(args);
