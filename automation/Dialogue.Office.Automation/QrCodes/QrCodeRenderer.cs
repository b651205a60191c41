using QRCoder;

namespace Dialogue.Office.Automation.QrCodes;

/// <summary>Renders QR codes as PNG bytes with QRCoder's managed PNG writer (no System.Drawing, works on Linux).</summary>
internal static class QrCodeRenderer
{
    /// <summary>
    /// PNG of <paramref name="text"/>, error correction M (survives a creased letter), 6 px per module with the quiet zone,
    /// which prints sharp at the 2.5 cm the templates give it.
    /// </summary>
    public static byte[] Png(string text, int pixelsPerModule = 6)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(pixelsPerModule);
    }
}
