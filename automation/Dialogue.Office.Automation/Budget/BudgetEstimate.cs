using System.Globalization;
using System.Text.RegularExpressions;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Budget;

/// <summary>One line of the estimate: what, unit, quantity (from the plan), unit price (from the norm table), why.</summary>
public sealed record BudgetLine(string Name, string Unit, long Quantity, long UnitPrice, string Basis, string RateKey)
{
    public long Amount => checked(Quantity * UnitPrice);
}

/// <summary>A national ceiling of TT 40/2017/TT-BTC a province's rate may not exceed.</summary>
public sealed record NationalCeiling(string Key, long Amount, string Article);

/// <summary>
/// Computes the Dự toán kinh phí from the plan and the province's norm table: quantities from the plan (delegates per
/// venue, half-days, printed copies, presidium, art items, guests not on a state payroll), unit prices from the
/// rates. A rate above the national ceiling of TT 40/2017/TT-BTC is refused.
/// </summary>
public static partial class BudgetEstimate
{
    /// <summary>
    /// Ceilings of TT 40/2017/TT-BTC Điều 12 khoản 4 (meals of guests not on a state payroll), by who organises the
    /// conference. Refreshments (giải khát) have no ceiling here: the 40 000 đ figure widely quoted is unconfirmed.
    /// </summary>
    public static NationalCeiling MealCeiling(ConferencePlan plan) =>
        VietnameseText.Fold(plan.Issuer.NameInText) is var issuer && (issuer.Contains("nhan dan xa", StringComparison.Ordinal) || issuer.Contains("nhan dan phuong", StringComparison.Ordinal) || issuer.Contains("nhan dan thi tran", StringComparison.Ordinal))
            ? new NationalCeiling("tien_an", 100_000, "Thông tư số 40/2017/TT-BTC, Điều 12 khoản 4 điểm c")
            : new NationalCeiling("tien_an", 150_000, "Thông tư số 40/2017/TT-BTC, Điều 12 khoản 4 điểm b");

    public static IReadOnlyList<BudgetLine> Compute(ConferencePlan plan, BudgetSettings settings, ProblemList problems)
    {
        var ceiling = MealCeiling(plan);
        if (settings.Rates.TryGetValue(ceiling.Key, out var meal) && meal.Amount > ceiling.Amount)
        {
            problems.Error("BUDGET_RATE_ABOVE_CEILING", Locations.Line(settings.FileName, meal.Line), "The rate exceeds the national ceiling.",
                meal.Key, Money(meal.Amount), Money(ceiling.Amount), ceiling.Article);
        }

        foreach (var rate in settings.Rates.Values.Where(r => !r.Confirmed))
        {
            problems.Warning("BUDGET_RATE_UNCONFIRMED", Locations.Line(settings.FileName, rate.Line), "This rate is marked unconfirmed.", rate.Key, Money(rate.Amount));
        }

        var minutes = plan.Programme.Sum(p => Math.Max(0, p.Minutes));
        var halfDays = Math.Max(1, (int)Math.Ceiling(minutes / 240.0));
        var days = (halfDays + 1) / 2;
        var delegates = plan.Delegates.Count;
        var atMain = plan.Delegates.Count(d => string.Equals(d.VenueId, plan.MainHall.Id, StringComparison.OrdinalIgnoreCase));
        var venues = 1 + plan.BridgePoints.Count;
        var art = plan.Programme.Where(p => p.Kind == "welcome").Select(p => ArtCount().Match(p.Title)).Select(m => m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 1).Sum();
        var presidium = plan.Delegates.Count(d => d.IsPresidium);

        var lines = new List<BudgetLine>();
        void Add(string name, string unit, long quantity, string key)
        {
            if (quantity <= 0)
            {
                return;
            }

            if (!settings.Rates.TryGetValue(key, out var rate))
            {
                problems.Error("BUDGET_RATE_MISSING", Locations.Join(settings.FileName, "rates"), "The norm table has no rate for this item.", key, name);
                return;
            }

            lines.Add(new BudgetLine(name, rate.Unit.Length > 0 ? rate.Unit : unit, quantity, rate.Amount, rate.Source + (rate.Confirmed ? "" : " (chưa xác minh)"), key));
        }

        Add("Thuê hội trường (điểm cầu chính)", "buổi", halfDays, "hoi_truong");
        Add($"Thuê thiết bị âm thanh, kết nối trực tuyến ({ProgrammeCount(venues)} điểm cầu)", "điểm cầu/buổi", venues * halfDays, "thiet_bi");
        Add("In giấy mời (mỗi đại biểu một bản)", "bản", delegates, "in_giay_moi");
        Add("In chương trình, tài liệu hội nghị (đại biểu tại điểm cầu chính)", "bộ", atMain, "in_tai_lieu");
        Add("Giải khát giữa giờ (đại biểu tại điểm cầu chính)", "người/buổi", (long)atMain * halfDays, "giai_khat");
        Add("Trang trí hội trường, khẩu hiệu, phông chữ", "gói", 1, "trang_tri");
        Add("Hoa tươi bàn đoàn chủ tịch", "lẵng", Math.Max(1, presidium), "hoa_tuoi");
        Add("Văn nghệ chào mừng", "tiết mục", art, "van_nghe");
        Add("Hỗ trợ tiền ăn đại biểu không hưởng lương từ ngân sách nhà nước", "người/ngày", (long)settings.GuestsNotOnPayroll * days, "tien_an");
        return lines;
    }

    /// <summary>"12.500.000" — the thousands separator of Vietnamese documents.</summary>
    public static string Money(long amount) => amount.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');

    private static string ProgrammeCount(int n) => n < 10 ? $"0{n}" : n.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\((\d{1,2}) tiết mục\)")]
    private static partial Regex ArtCount();
}
