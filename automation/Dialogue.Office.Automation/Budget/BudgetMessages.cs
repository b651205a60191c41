using Dialogue.Office.Automation.Diagnostics;

namespace Dialogue.Office.Automation.Budget;

[ProblemCatalog]
internal static class BudgetMessages
{
    public static readonly IReadOnlyDictionary<string, string> Vietnamese = new Dictionary<string, string>
    {
        ["BUDGET_YAML_SYNTAX"] = "Tệp dự toán viết sai cú pháp (kiểm tra dấu \":\", thụt lề bằng dấu cách, dấu ngoặc kép).",
        ["BUDGET_UNREADABLE"] = "Không đọc được tệp dự toán {0}.",
        ["BUDGET_NO_RATES"] = "Tệp dự toán chưa có bảng định mức (rates).",
        ["BUDGET_RATE_INVALID"] = "Định mức \"{0}\" cần ghi mức chi là số đồng (amount), ví dụ 150000.",
        ["BUDGET_RATE_NO_SOURCE"] = "Định mức \"{0}\" chưa ghi căn cứ (source): văn bản, điều, khoản quy định mức chi.",
        ["BUDGET_RATE_MISSING"] = "Bảng định mức chưa có mức chi \"{0}\" cho khoản \"{1}\".",
        ["BUDGET_RATE_ABOVE_CEILING"] = "Định mức \"{0}\" là {1} đồng, cao hơn mức tối đa {2} đồng theo {3}; không lập dự toán với mức này.",
        ["BUDGET_RATE_UNCONFIRMED"] = "Định mức \"{0}\" ({1} đồng) chưa được xác minh với văn bản gốc; kiểm tra trước khi trình.",
        ["BUDGET_GUESTS_INVALID"] = "Số đại biểu không hưởng lương từ ngân sách \"{0}\" phải là số nguyên.",
        ["BUDGET_DATE_INVALID"] = "Ngày tờ trình \"{0}\" không phải là ngày (ghi 2023-04-05 hoặc 05/4/2023).",
    };
}
