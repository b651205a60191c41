using Spectre.Console.Cli;

namespace Dialogue.Office.Cli;

/// <summary>Commands added by later capabilities register here (one line each), keeping Program.cs short.</summary>
internal static class CommandRegistry
{
    public static void AddMore(IConfigurator config)
    {
        config.AddBranch("questions", questions =>
        {
            questions.SetDescription("Phiếu câu hỏi: lập phiếu, tổng hợp, giao cơ quan trả lời, ghép câu trả lời.");
            questions.AddCommand<Commands.QuestionsFormCommand>("form").WithDescription("Lập phiếu câu hỏi cho từng đơn vị theo kế hoạch.");
            questions.AddCommand<Commands.QuestionsMergeCommand>("merge").WithDescription("Tổng hợp các phiếu đơn vị gửi về (kể cả bản tổng hợp của cấp dưới).");
            questions.AddCommand<Commands.QuestionsSplitCommand>("split").WithDescription("Tách bản tổng hợp thành tệp cho từng cơ quan trả lời.");
            questions.AddCommand<Commands.QuestionsAnswersCommand>("answers").WithDescription("Ghép câu trả lời của các cơ quan vào bản tổng hợp theo mã câu hỏi.");
        });
    }
}
