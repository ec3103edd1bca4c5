namespace Ambulo.Web.Features.Sensors.Phone;

/// <summary>Settings of the phone as a session's sensor (section <c>Ambulo:Phone</c>).</summary>
internal sealed class PhoneLinkOptions
{
    /// <summary>
    /// How long a session's phone stays paired with no screen showing the session (a refresh, a closed
    /// tab). Past this, the pairing is closed and the phone is told so.
    /// </summary>
    public double GraceSecondsWithoutScreen { get; set; } = 120;

    /// <summary>
    /// How long a paired phone's pairing is kept across server restarts, from the moment it paired.
    /// Within it, a restart brings the pairing back (the phone reconnects with its token); the
    /// pairing still ends as usual when the session ends or no screen shows it.
    /// </summary>
    public double PairingLifetimeHours { get; set; } = 12;
}
