using System.Text.RegularExpressions;
using Dialogue.Office.Cli;
using Dialogue.Office.Cli.Output;
using Spectre.Console.Cli;

namespace Dialogue.Office.Automation.Tests.Cli;

/// <summary>
/// Every sentence Spectre.Console.Cli's parser can say about a command line, produced by the real parser with the real
/// commands, comes out in Vietnamese. A library upgrade that rewords one fails here instead of leaking English.
/// </summary>
public sealed partial class UsageErrorsTests
{
    public static TheoryData<string[], string> CommandLines => new()
    {
        { ["bogus"], "Không có lệnh \"bogus\"." },
        { ["chek", "thu.docx"], "Không có lệnh \"chek\". Có phải ý bạn là \"check\"?" },
        { ["questions", "mrege"], "Không có lệnh \"mrege\". Có phải ý bạn là \"merge\"?" },
        { ["check", "--bogus", "thu.docx"], "Không có tùy chọn \"--bogus\"." },
        { ["check", "-x", "thu.docx"], "Không có tùy chọn \"-x\"." },
        { ["--format", "json"], "Tùy chọn \"--format\" phải đứng sau tên lệnh" },
        { ["check"], "Lệnh \"check\" còn thiếu <tệp.docx>." },
        { ["template", "giay-moi", "--out"], "Tùy chọn \"--out\" cần một giá trị ngay sau nó." },
        { ["check", "thu.docx", "--format"], "Tùy chọn \"--format\" cần một giá trị ngay sau nó." },
        { ["questions", "merge", "phieu", "--out", "th.xlsx", "--nguong-gan-trung"], "Thiếu giá trị sau một tùy chọn." },
        { ["build", "--publish=yes", "ke-hoach"], "Tùy chọn bật/tắt (như --publish) không nhận giá trị" },
        { ["check", "--o", "thu.docx"], "Tên tùy chọn dài không hợp lệ" },
        { ["check", "--1x", "thu.docx"], "Tên tùy chọn dài không hợp lệ" },
        { ["check", "--a$b", "thu.docx"], "Tên tùy chọn dài không hợp lệ" },
        { ["check", "-", "thu.docx"], "Có dấu \"-\" hoặc \"--\" mà không có tên tùy chọn." },
        { ["check", "-@", "thu.docx"], "Tùy chọn ngắn chỉ gồm một chữ cái" },
        { ["template", "giay-moi", "thua", "--out", "x.docx"], "Thừa \"thua\"" },
        { ["questions", "merge", "phieu", "--out", "th.xlsx", "--nguong-gan-trung", "cao"], "Giá trị \"cao\" không hợp lệ: cần một số" },
        { ["check", "--format", "xml", "thu.docx"], "Định dạng \"xml\" không có; dùng --format text (mặc định) hoặc --format json." },
        { ["invitations", "/khong/co/thu-muc"], "Không tìm thấy thư mục kế hoạch \"/khong/co/thu-muc\"." },
    };

    [Theory]
    [MemberData(nameof(CommandLines))]
    public void Describe_EveryParserError_IsVietnamese(string[] args, string expected)
    {
        var error = Fail(args);

        var message = UsageErrors.Describe(error, args);

        Assert.NotNull(message);
        Assert.StartsWith(expected, message, StringComparison.Ordinal);
        Assert.DoesNotMatch(English(), message);
        Assert.DoesNotMatch(English(), UsageErrors.Hint(error, args));
    }

    [Fact]
    public void Hint_KnownCommand_PointsToItsHelp_UnknownCommand_ToTheList()
    {
        Assert.Equal("Xem cách dùng: dialogue check --help.", UsageErrors.Hint(Fail("check"), ["check"]));
        Assert.Equal(UsageErrors.HelpHint, UsageErrors.Hint(Fail("bogus"), ["bogus"]));
    }

    [Fact]
    public void Run_MistypedCommand_ExitsWithTheUsageCode()
    {
        Assert.Equal(ExitCodes.Usage, CommandRegistry.Run(["bogus"]));
    }

    /// <summary>The error the real parser raises for this command line (the app configured as the CLI configures it).</summary>
    private static CommandAppException Fail(params string[] args)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            CommandRegistry.Configure(config, args);
            config.PropagateExceptions();
        });
        return Assert.ThrowsAny<CommandAppException>(() => app.Run(args));
    }

    /// <summary>Words of Spectre's English sentences that never occur in ours.</summary>
    [GeneratedRegex(@"\b(Unknown|Unexpected|command|option|argument|value|Did you|Could|Expected|Invalid|Missing|Failed|required|defined|provided|Flags|name)\b")]
    private static partial Regex English();
}
