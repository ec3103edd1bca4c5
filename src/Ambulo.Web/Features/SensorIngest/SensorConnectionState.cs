namespace Ambulo.Web.Features.SensorIngest;

/// <summary>Where a session's phone stands, for the screen ("sensor disconnected").</summary>
public enum SensorConnectionState
{
    /// <summary>A pairing code is on screen; no phone has connected yet.</summary>
    WaitingForPhone,

    /// <summary>A phone is connected and its frames arrive.</summary>
    Connected,

    /// <summary>The phone was connected and dropped off (closed, lost network, or went silent). It may come back.</summary>
    Disconnected,

    /// <summary>The session was closed on the server; the phone cannot reconnect.</summary>
    Closed,
}
