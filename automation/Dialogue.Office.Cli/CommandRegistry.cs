using Dialogue.Office.Cli.Commands;
using Spectre.Console.Cli;

namespace Dialogue.Office.Cli;

/// <summary>Commands added by later capabilities register here (one line each), keeping Program.cs short.</summary>
internal static class CommandRegistry
{
    public static void AddMore(IConfigurator config)
    {
        config.AddCommand<ProgrammeCommand>("programme").WithDescription("Chỉ tạo Chương trình hội nghị (.docx) với giờ tính từ thời lượng từng mục.");
        config.AddCommand<ScriptCommand>("script").WithDescription("Chỉ tạo Kịch bản chi tiết (lời dẫn của người dẫn chương trình) từ mẫu kich-ban.docx.");
        config.AddCommand<SeatingCommand>("seating").WithDescription("Chỉ xếp chỗ ngồi tại hội trường chính: sơ đồ và danh sách theo tên (.xlsx).");
        config.AddCommand<CheckCommand>("check").WithDescription("Kiểm tra thể thức văn bản Word theo Nghị định 30/2020/NĐ-CP, Phụ lục I.");
        config.AddCommand<FixCommand>("fix").WithDescription("Sửa các lỗi thể thức sửa được tự động, ghi ra tệp mới (không ghi đè tệp gốc).");
    }
}
