using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Vietnamese;

namespace Dialogue.Office.Automation.Tests.SampleData;

/// <summary>Ethnic naming pattern for invented names (Yên Bái has Kinh, Tày, Thái, Dao and Mông communities).</summary>
internal enum NameStyle
{
    Kinh,
    Tay,
    Thai,
    Dao,
    Mong,
}

/// <summary>
/// Builds delegate rows for the sample workbooks with invented but plausible Vietnamese names. Seeded, so the same
/// code always yields the same rows (the committed samples are checked against it).
/// </summary>
internal sealed class SampleRows(string codePrefix, int seed, string mailDomain, bool protocolColumns = true)
{
    private readonly Random _random = new(seed);
    private readonly List<Dictionary<string, string>> _rows = [];
    private readonly Dictionary<ProtocolGroup, int> _ranks = [];
    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal);

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows => _rows;

    private static readonly string[] KinhSurnames =
        ["Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Đặng", "Bùi", "Ngô", "Dương", "Lương", "Hà", "Đinh", "Trịnh", "Phan", "Đào", "Cao", "Tạ", "Vương", "Lại", "Mai", "Chu", "Đoàn"];

    private static readonly string[] MaleMiddle = ["Văn", "Đức", "Quang", "Minh", "Mạnh", "Xuân", "Trung", "Hữu", "Thanh", "Tiến", "Ngọc", "Công", "Duy", "Huy", "Việt"];
    private static readonly string[] FemaleMiddle = ["Thị", "Thị", "Thị", "Thu", "Thanh", "Ngọc", "Minh", "Hồng", "Thùy", "Bích", "Kim", "Phương", "Hải"];

    private static readonly string[] MaleGiven =
        ["Hùng", "Dũng", "Tuấn", "Thắng", "Hải", "Long", "Sơn", "Tiến", "Hiếu", "Khánh", "Cường", "Hưng", "Trung", "Quân", "Bình", "Phong", "Thành", "Toàn", "Vinh", "Lâm", "Đạt", "Kiên", "Nam", "Hòa", "Tùng", "Giang", "Hoàn", "Chiến", "Lợi", "Thịnh", "Quyết", "Định", "Tài", "Khoa", "Nghĩa", "Phúc", "Trường", "Huân"];

    private static readonly string[] FemaleGiven =
        ["Lan", "Hương", "Hạnh", "Thủy", "Nga", "Hà", "Huyền", "Thảo", "Trang", "Ngọc", "Yến", "Nhung", "Oanh", "Phương", "Hoa", "Loan", "Vân", "Duyên", "Liên", "Mai", "Thơ", "Hằng", "Tâm", "Bích", "Chi", "Dung", "Hiền", "Linh", "Nhàn", "Quyên", "Thoa", "Tuyết", "Xuân", "Hồng", "Lụa"];

    private static readonly string[] TaySurnames = ["Hoàng", "Nông", "Ma", "Hà", "Triệu", "Lường", "Lục", "Hoàng", "Nông"];
    private static readonly string[] ThaiSurnames = ["Lò", "Lường", "Hà", "Cầm", "Điêu", "Hoàng", "Lò"];
    private static readonly string[] DaoSurnames = ["Triệu", "Bàn", "Đặng", "Lý", "Chu", "Triệu", "Bàn"];
    private static readonly string[] MongSurnames = ["Giàng", "Sùng", "Mùa", "Hờ", "Lý", "Thào", "Vàng", "Lầu", "Sùng", "Giàng"];
    private static readonly string[] MongMale = ["Dế", "Lử", "Vàng", "Tủa", "Sình", "Páo", "Của", "Chứ", "Dinh", "Pó", "Nhè", "Sở", "Chá", "Khua"];
    private static readonly string[] MongFemale = ["Mỷ", "Say", "Dợ", "Pàng", "Mai", "Súa", "Chía", "Sông", "Lỳ"];

    public int Count => _rows.Count;

    /// <summary>Adds a person invited by name.</summary>
    public void Person(ProtocolGroup group, string position, string org, string venue, bool chair = false, string? honorific = null,
        bool? female = null, NameStyle style = NameStyle.Kinh, string? mailBox = null, string? fixedName = null, string note = "")
    {
        var isFemale = female ?? _random.NextDouble() < 0.42;
        var name = fixedName ?? NewName(isFemale, style);
        var row = NewRow(group, venue);
        row["honorific"] = honorific ?? "Đồng chí";
        row["name"] = name;
        row["position"] = position;
        row["org"] = org;
        if (chair)
        {
            row["presidium"] = "x";
        }

        if (mailBox is not null && fixedName is null && _random.NextDouble() < 0.7)
        {
            row["email"] = $"{MailUser(name)}.{mailBox}@{mailDomain}";
        }

        // No invented contact details for the one real person (the signer of the seed plan).
        if (fixedName is null && _random.NextDouble() < 0.35)
        {
            row["phone"] = Phone();
        }

        if (note.Length > 0)
        {
            row["note"] = note;
        }
    }

    /// <summary>Adds a body invited through its leadership ("Kính gửi: Lãnh đạo …" or the given addressee line).</summary>
    public void Body(ProtocolGroup group, string org, string venue, string addressee = "", string? mailBox = null, string note = "")
    {
        var row = NewRow(group, venue);
        row["org"] = org;
        if (addressee.Length > 0)
        {
            row["addressee"] = addressee;
        }

        if (mailBox is not null)
        {
            row["email"] = $"{mailBox}@{mailDomain}";
        }

        if (note.Length > 0)
        {
            row["note"] = note;
        }
    }

    private Dictionary<string, string> NewRow(ProtocolGroup group, string venue)
    {
        var number = _rows.Count + 1;
        _ranks[group] = _ranks.GetValueOrDefault(group) + 1;
        var row = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["stt"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["code"] = $"{codePrefix}-{number:0000}",
            ["venue"] = venue,
        };
        if (protocolColumns)
        {
            row["group"] = DelegateColumns.GroupLabel(group);
            row["rank"] = _ranks[group].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        _rows.Add(row);
        return row;
    }

    private string NewName(bool female, NameStyle style)
    {
        for (var attempt = 0; ; attempt++)
        {
            var name = style switch
            {
                NameStyle.Mong => female
                    ? $"{Pick(MongSurnames)} Thị {Pick(MongFemale)}"
                    : $"{Pick(MongSurnames)} A {Pick(MongMale)}",
                NameStyle.Tay => $"{Pick(TaySurnames)} {Pick(female ? FemaleMiddle : MaleMiddle)} {Pick(female ? FemaleGiven : MaleGiven)}",
                NameStyle.Thai => $"{Pick(ThaiSurnames)} {(female ? "Thị" : "Văn")} {Pick(female ? FemaleGiven : MaleGiven)}",
                NameStyle.Dao => $"{Pick(DaoSurnames)} {(female ? "Thị" : Pick(["Văn", "Tiến", "Quý", "Kim"]))} {Pick(female ? FemaleGiven : MaleGiven)}",
                _ => $"{Pick(KinhSurnames)} {Pick(female ? FemaleMiddle : MaleMiddle)} {Pick(female ? FemaleGiven : MaleGiven)}",
            };
            var parts = name.Split(' ');
            if (parts[^1] == parts[^2] && attempt <= 50)
            {
                continue; // "Dương Hồng Hồng"
            }

            if (_usedNames.Add(name) || attempt > 50)
            {
                return name;
            }
        }
    }

    private string Pick(string[] items) => items[_random.Next(items.Length)];

    private string Phone()
    {
        string[] prefixes = ["0912", "0913", "0915", "0983", "0984", "0986", "0977", "0968", "0389", "0347", "0358"];
        return $"{Pick(prefixes)} {_random.Next(100, 1000)} {_random.Next(100, 1000)}";
    }

    /// <summary>The usual provincial mailbox: given name + initials of surname and middle names ("lannt").</summary>
    private static string MailUser(string name)
    {
        var parts = VietnameseText.Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts[^1] + string.Concat(parts[..^1].Select(p => p[0]));
    }
}
