using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Ambulo.Web.Features.SensorIngest;

/// <summary>Finds the address a phone on the same Wi-Fi can reach this computer at.</summary>
public static class LanAddress
{
    /// <summary>
    /// IPv4 addresses of the network interfaces that are up, private ranges (192.168/16, 10/8,
    /// 172.16/12) first; loopback and link-local addresses are left out.
    /// </summary>
    public static IReadOnlyList<IPAddress> Find()
    {
        var found = new List<IPAddress>();
        try
        {
            foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
            {
                if (nic.OperationalStatus != OperationalStatus.Up || nic.NetworkInterfaceType == NetworkInterfaceType.Loopback)
                {
                    continue;
                }

                foreach (var unicast in nic.GetIPProperties().UnicastAddresses)
                {
                    var address = unicast.Address;
                    if (address.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(address) && !IsLinkLocal(address))
                    {
                        found.Add(address);
                    }
                }
            }
        }
        catch (NetworkInformationException)
        {
            // No interface information on this platform: the caller falls back to the request's host.
        }

        return [.. found.Distinct().OrderBy(a => IsPrivate(a) ? 0 : 1)];
    }

    /// <summary>True for 10/8, 172.16/12 and 192.168/16.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var b = address.GetAddressBytes();
        return b.Length == 4 && (b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168));
    }

    private static bool IsLinkLocal(IPAddress address)
    {
        var b = address.GetAddressBytes();
        return b[0] == 169 && b[1] == 254;
    }
}
