namespace Dialogue.Office.Automation.QrCodes;

/// <summary>
/// The link a delegate's QR code opens: the packet URL (the published documents folder, else the plan's
/// <c>packet_url</c>) with the delegate's code added as <c>db=&lt;code&gt;</c>. Made here, where QR codes are made, and
/// nowhere else: the invitations, their list and the Word preview all take it from this class.
/// </summary>
internal static class DelegateQrLink
{
    /// <summary>The query parameter that carries the delegate's code.</summary>
    public const string Parameter = "db";

    /// <summary><paramref name="packetUrl"/> with <c>db=&lt;code&gt;</c> added (after <c>&amp;</c> when it already has a query).</summary>
    public static string For(string packetUrl, string delegateCode)
    {
        var separator = packetUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return $"{packetUrl}{separator}{Parameter}={Uri.EscapeDataString(delegateCode)}";
    }
}
