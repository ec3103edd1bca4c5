using Ambulo.Web.Features.SensorIngest.Frames;

namespace Ambulo.Web.Features.SensorIngest;

/// <summary>
/// Settings of the phone-sensor feature, bound from the <c>SensorIngest</c> configuration section
/// (appsettings.json, environment <c>SensorIngest__IdleTimeoutSeconds=…</c>, or the command line).
/// </summary>
public sealed class SensorIngestOptions
{
    public const string SectionName = "SensorIngest";

    /// <summary>How long a pairing code shown on the screen stays valid.</summary>
    public double PairingCodeLifetimeSeconds { get; set; } = 300;

    /// <summary>Pairing attempts (right or wrong codes) one client address may make per minute.</summary>
    public int PairingAttemptsPerMinute { get; set; } = 10;

    /// <summary>New pairing sessions one client address may open per minute.</summary>
    public int SessionsPerMinute { get; set; } = 20;

    /// <summary>Open sessions kept at most; when full, the one idle the longest is closed.</summary>
    public int MaxOpenSessions { get; set; } = 32;

    /// <summary>Frames one phone connection may send per second; more are dropped and counted.</summary>
    public int MaxFramesPerSecond { get; set; } = 100;

    /// <summary>
    /// Frames refused in a row (malformed, replayed, out of range, text, too large) after which the
    /// connection is closed with 1008 "policy violation": a page that sends nothing usable is either
    /// broken or hostile. Frames dropped by the rate limit are not counted here.
    /// </summary>
    public int MaxConsecutiveRejectedFrames { get; set; } = 100;

    /// <summary>A connection silent for this long is closed and the sensor shown as disconnected.</summary>
    public double IdleTimeoutSeconds { get; set; } = 5;

    /// <summary>
    /// An oversized message is read and thrown away up to this size, so the connection can go on;
    /// anything larger closes the connection with "message too big".
    /// </summary>
    public int MaxDiscardedMessageBytes { get; set; } = 64 * 1024;

    /// <summary>Decoded batches kept for a slow reader of <see cref="SensorSession.Batches"/> (about 40 s at 25 frames/s).</summary>
    public int BatchBufferCapacity { get; set; } = 1000;

    /// <summary>
    /// Base address the QR code points the phone to, e.g. <c>https://192.168.1.20:5443</c>. When empty,
    /// the HTTPS LAN address is used if <see cref="LanHttps"/> is on, else the address the screen was opened with.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Largest frame accepted; fixed by the format, shown here for reference.</summary>
    public static int MaxFrameBytes => SensorFrameFormat.MaxFrameBytes;

    /// <summary>Serving HTTPS on the local network for phones (see README, "Use a phone as the sensor").</summary>
    public LanHttpsOptions LanHttps { get; set; } = new();
}

/// <summary>HTTPS on the local network with a certificate the server makes for itself.</summary>
public sealed class LanHttpsOptions
{
    /// <summary>Off by default: the app listens only on 127.0.0.1 over HTTP unless this is turned on.</summary>
    public bool Enabled { get; set; }

    /// <summary>Port of the HTTPS listener on every network interface.</summary>
    public int Port { get; set; } = 5443;

    /// <summary>
    /// Folder for the certificate (<c>lan-https.pfx</c>). Empty means the app's data folder
    /// (<c>Ambulo:DataFolder</c>, relative to the content root).
    /// </summary>
    public string? CertificateDirectory { get; set; }
}
