using Dialogue.Office.Automation.Diagnostics;

namespace Dialogue.Office.Automation.Seating;

[ProblemCatalog]
internal static class SeatingMessages
{
    public static readonly IReadOnlyDictionary<string, string> Vietnamese = new Dictionary<string, string>
    {
        ["SEATING_NO_LAYOUT"] = "Kế hoạch chưa có sơ đồ hội trường (main_hall.layout: số hàng, số ghế mỗi hàng, bàn đoàn chủ tịch) nên chưa xếp được chỗ ngồi.",
        ["SEATING_TOO_MANY"] = "Hội trường thiếu {0} chỗ ngồi: có {1} đại biểu dự trực tiếp tại {2} nhưng chỉ xếp được {3} chỗ. Tăng số hàng ghế trong main_hall.layout hoặc chuyển bớt đại biểu sang điểm cầu khác.",
        ["SEATING_PRESIDIUM_FULL"] = "Có {0} đại biểu ngồi đoàn chủ tịch nhưng bàn chỉ có {1} ghế; {2} đại biểu còn lại được xếp ở hàng ghế đầu.",
        ["SEATING_NO_DELEGATES"] = "Không có đại biểu nào dự trực tiếp tại {0}; sơ đồ chỗ ngồi để trống.",
    };
}
