using QRCoder;

namespace Ambulo.Web.Features.SensorIngest;

/// <summary>Draws the QR code the phone scans, as SVG, on the server (no script, no external service).</summary>
public static class PairingQrCode
{
    /// <summary>An SVG image of <paramref name="text"/> with medium error correction and a quiet zone.</summary>
    public static string Svg(string text, int pixelsPerModule = 8)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(pixelsPerModule);
    }

    /// <summary>The phone page address with the code in it, e.g. <c>https://192.168.1.20:5443/phone/?code=123456</c>.</summary>
    public static Uri PhoneUrl(Uri baseAddress, string code)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        return new Uri(baseAddress, "/phone/?code=" + Uri.EscapeDataString(code));
    }
}
