using System.Net;
using System.Security.Cryptography.X509Certificates;
using Ambulo.Web.Features.SensorIngest;

namespace Ambulo.Web.Tests.SensorIngest;

public sealed class LanCertificateTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ambulo-cert-tests", Guid.NewGuid().ToString("N"));
    private readonly ManualTime _time = new();
    private static readonly IPAddress Lan = IPAddress.Parse("192.168.1.20");

    [Fact]
    public void LoadOrCreate_FirstRun_StoresAServerCertificateForTheLanAddress()
    {
        using var certificate = LanCertificate.LoadOrCreate(_folder, [Lan], _time);

        File.Exists(Path.Combine(_folder, LanCertificate.FileName)).ShouldBeTrue();
        certificate.HasPrivateKey.ShouldBeTrue();
        LanCertificate.Covers(certificate, [Lan, IPAddress.Loopback]).ShouldBeTrue();
        certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single()
            .EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Select(o => o.Value).ShouldContain("1.3.6.1.5.5.7.3.1");
        certificate.NotAfter.ToUniversalTime().ShouldBeGreaterThan(_time.GetUtcNow().UtcDateTime.AddDays(360));
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(_folder, LanCertificate.FileName)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public void LoadOrCreate_SecondRun_ReusesTheStoredCertificate()
    {
        using var first = LanCertificate.LoadOrCreate(_folder, [Lan], _time);

        using var second = LanCertificate.LoadOrCreate(_folder, [Lan], _time);

        second.Thumbprint.ShouldBe(first.Thumbprint);
    }

    [Fact]
    public void LoadOrCreate_NewLanAddress_MakesANewCertificate()
    {
        using var first = LanCertificate.LoadOrCreate(_folder, [Lan], _time);
        var moved = IPAddress.Parse("10.0.0.7");

        using var second = LanCertificate.LoadOrCreate(_folder, [moved], _time);

        second.Thumbprint.ShouldNotBe(first.Thumbprint);
        LanCertificate.Covers(second, [moved]).ShouldBeTrue();
    }

    [Fact]
    public void LoadOrCreate_CloseToExpiry_MakesANewCertificate()
    {
        using var first = LanCertificate.LoadOrCreate(_folder, [Lan], _time);
        _time.Advance(TimeSpan.FromDays(340));

        using var second = LanCertificate.LoadOrCreate(_folder, [Lan], _time);

        second.Thumbprint.ShouldNotBe(first.Thumbprint);
    }

    [Fact]
    public void LoadOrCreate_DamagedFile_IsReplaced()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, LanCertificate.FileName), "not a certificate");

        using var certificate = LanCertificate.LoadOrCreate(_folder, [Lan], _time);

        certificate.HasPrivateKey.ShouldBeTrue();
    }

    [Fact]
    public void IsPrivate_KnowsThePrivateRanges()
    {
        LanAddress.IsPrivate(IPAddress.Parse("192.168.0.5")).ShouldBeTrue();
        LanAddress.IsPrivate(IPAddress.Parse("10.1.2.3")).ShouldBeTrue();
        LanAddress.IsPrivate(IPAddress.Parse("172.20.0.1")).ShouldBeTrue();
        LanAddress.IsPrivate(IPAddress.Parse("172.32.0.1")).ShouldBeFalse();
        LanAddress.IsPrivate(IPAddress.Parse("8.8.8.8")).ShouldBeFalse();
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
