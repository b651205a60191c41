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
    config.AddCommand<BuildCommand>("build")
        .WithDescription("Tạo toàn bộ hồ sơ hội nghị từ thư mục kế hoạch (giấy mời, tệp in gộp, danh sách đường dẫn QR…).")
        .WithExample("build", "templates/samples/yen-bai-2023", "--out", "out/yen-bai-2023");
    config.AddCommand<InvitationsCommand>("invitations")
        .WithDescription("Chỉ tạo giấy mời: mỗi đại biểu một tệp .docx có mã QR riêng, kèm tệp in gộp.");
    config.AddCommand<TemplateCommand>("template")
        .WithDescription("Ghi một bản mẫu có sẵn (giay-moi, kich-ban) để biên tập trong Word.");
    config.AddCommand<ValidateCommand>("validate")
        .WithDescription("Kiểm tra kế hoạch và danh sách đại biểu, báo mọi lỗi cùng lúc.");
    CommandRegistry.AddMore(config);
});

return app.Run(args);
