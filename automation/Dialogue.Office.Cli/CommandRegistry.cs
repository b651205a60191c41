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
        config.AddBranch("questions", questions =>
        {
            questions.SetDescription("Phiếu câu hỏi: lập phiếu, tổng hợp, giao cơ quan trả lời, ghép câu trả lời.");
            questions.AddCommand<Commands.QuestionsFormCommand>("form").WithDescription("Lập phiếu câu hỏi cho từng đơn vị theo kế hoạch.");
            questions.AddCommand<Commands.QuestionsMergeCommand>("merge").WithDescription("Tổng hợp các phiếu đơn vị gửi về (kể cả bản tổng hợp của cấp dưới).");
            questions.AddCommand<Commands.QuestionsSplitCommand>("split").WithDescription("Tách bản tổng hợp thành tệp cho từng cơ quan trả lời.");
            questions.AddCommand<Commands.QuestionsAnswersCommand>("answers").WithDescription("Ghép câu trả lời của các cơ quan vào bản tổng hợp theo mã câu hỏi.");
        });
        config.AddCommand<PublishCommand>("publish").WithDescription("Công bố tài liệu hội nghị lên SharePoint (hoặc thư mục chia sẻ cục bộ) và tạo liên kết cho mã QR.");
    }
}
