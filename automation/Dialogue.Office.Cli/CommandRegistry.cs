using Dialogue.Office.Cli.Commands;
using Spectre.Console.Cli;

namespace Dialogue.Office.Cli;

/// <summary>Commands added by later capabilities register here (one line each), keeping Program.cs short.</summary>
internal static class CommandRegistry
{
    public static void AddMore(IConfigurator config)
    {
        config.AddCommand<PublishCommand>("publish").WithDescription("Công bố tài liệu hội nghị lên SharePoint (hoặc thư mục chia sẻ cục bộ) và tạo liên kết cho mã QR.");
        config.AddCommand<CheckCommand>("check").WithDescription("Kiểm tra thể thức văn bản Word theo Nghị định 30/2020/NĐ-CP, Phụ lục I.");
        config.AddCommand<FixCommand>("fix").WithDescription("Sửa các lỗi thể thức sửa được tự động, ghi ra tệp mới (không ghi đè tệp gốc).");
    }
}
