using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Ambulo.Web.Features.SensorIngest;

/// <summary>
/// The self-signed certificate for HTTPS on the local network. Phones only give motion readings to
/// pages from a secure origin, and a phone reaches this computer by its LAN address, so the server
/// makes a certificate for that address (and localhost) and keeps it in the data folder. The person
/// accepts it once on the phone (README, "Use a phone as the sensor").
/// </summary>
public static class LanCertificate
{
    /// <summary>File name inside the certificate folder.</summary>
    public const string FileName = "lan-https.pfx";

    private const string ServerAuthenticationOid = "1.3.6.1.5.5.7.3.1";

    /// <summary>
    /// Loads the stored certificate when it is still valid for at least 30 days and covers every one of
    /// <paramref name="addresses"/>; otherwise makes a new one (valid one year) and stores it.
    /// </summary>
    public static X509Certificate2 LoadOrCreate(string folder, IReadOnlyCollection<IPAddress> addresses, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentNullException.ThrowIfNull(time);
        var path = Path.Combine(folder, FileName);
        var now = time.GetUtcNow();
        if (File.Exists(path))
        {
            try
            {
                var stored = X509CertificateLoader.LoadPkcs12FromFile(path, password: null);
                if (stored.NotAfter.ToUniversalTime() > now.UtcDateTime.AddDays(30) && Covers(stored, addresses))
                {
                    return stored;
                }

                stored.Dispose();
            }
            catch (CryptographicException)
            {
                // Unreadable file: make a new one below.
            }
        }

        using var created = Create(addresses, now);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(path, created.Export(X509ContentType.Pkcs12));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return X509CertificateLoader.LoadPkcs12FromFile(path, password: null);
    }

    /// <summary>A new self-signed server certificate for the addresses, localhost and 127.0.0.1.</summary>
    public static X509Certificate2 Create(IReadOnlyCollection<IPAddress> addresses, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Ambulo on this computer, O=Ambulo", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthenticationOid)], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        foreach (var address in addresses.Distinct())
        {
            names.AddIpAddress(address);
        }

        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(now.AddDays(-1), now.AddDays(365));
    }

    /// <summary>True when the certificate names every address in its subject alternative names.</summary>
    public static bool Covers(X509Certificate2 certificate, IEnumerable<IPAddress> addresses)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var san = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        if (san is null)
        {
            return false;
        }

        var named = san.EnumerateIPAddresses().ToHashSet();
        return addresses.All(named.Contains);
    }
}
