using Dialogue.Office.Automation.Attendance;

namespace Dialogue.Office.Automation.QrCodes;

/// <summary>
/// The link a delegate's QR code opens: the delegate's own page when the conference has one
/// (<see cref="DelegatePage.LinkFor"/>, <c>{base}/d/{code}?k={token}</c>), else the packet URL (the published documents
/// folder, else the plan's <c>packet_url</c>) with the delegate's code added as <c>db=&lt;code&gt;</c>. Chosen here,
/// where QR codes are made, and nowhere else: the invitations, their list and the Word preview all take it from this class.
/// </summary>
internal static class DelegateQrLink
{
    /// <summary>The query parameter that carries the delegate's code.</summary>
    public const string Parameter = "db";

    /// <summary>The delegate page's link of <paramref name="delegateCode"/> when <paramref name="page"/> is on, else <see cref="For(string, string)"/>.</summary>
    public static string For(string packetUrl, string delegateCode, DelegatePage? page) =>
        page?.LinkFor(delegateCode) ?? For(packetUrl, delegateCode);

    /// <summary><paramref name="packetUrl"/> with <c>db=&lt;code&gt;</c> added (after <c>&amp;</c> when it already has a query).</summary>
    public static string For(string packetUrl, string delegateCode)
    {
        var separator = packetUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return $"{packetUrl}{separator}{Parameter}={Uri.EscapeDataString(delegateCode)}";
    }
}
