using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Ambulo.Web.Features.SensorIngest;

/// <summary>Outcome of a phone trying a pairing code.</summary>
public enum PairingOutcome
{
    Paired,

    /// <summary>Not six digits.</summary>
    Malformed,

    /// <summary>No session shows this code (wrong, already used, or replaced by a newer one).</summary>
    Unknown,

    /// <summary>The code was right but too old.</summary>
    Expired,
}

/// <summary>
/// All open phone-sensor sessions of this server, in memory. A session is opened by the screen that
/// wants a sensor (<see cref="Open"/>), shows a six-digit code that works once and expires, and gives
/// the phone that redeems it a long random token to connect — and reconnect — with.
/// Registered as a singleton by <c>AddSensorIngest</c>.
/// </summary>
public sealed class SensorSessionRegistry
{
    private const int CodeDigits = 6;
    private readonly ConcurrentDictionary<string, SensorSession> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SensorSession> _byCode = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SensorSession> _byToken = new(StringComparer.Ordinal); // by token hash
    private readonly Lock _pairingGate = new();
    private readonly TimeProvider _time;
    private readonly IOptionsMonitor<SensorIngestOptions> _options;

    public SensorSessionRegistry(TimeProvider time, IOptionsMonitor<SensorIngestOptions> options)
    {
        _time = time;
        _options = options;
    }

    /// <summary>Open sessions.</summary>
    public int Count => _byId.Count;

    /// <summary>Opens a session with a fresh pairing code. When full, the longest-idle unconnected session is closed.</summary>
    public SensorSession Open()
    {
        var options = _options.CurrentValue;
        while (_byId.Count >= Math.Max(1, options.MaxOpenSessions))
        {
            var oldest = _byId.Values
                .OrderBy(s => s.State == SensorConnectionState.Connected ? 1 : 0)
                .ThenBy(s => s.LastActivity)
                .First();
            Close(oldest.Id);
        }

        var session = new SensorSession(NewSecret(9), _time, Math.Max(1, options.BatchBufferCapacity));
        _byId[session.Id] = session;
        NewCode(session);
        return session;
    }

    /// <summary>Replaces the session's code with a new one (e.g. when the shown one expired).</summary>
    public string NewCode(SensorSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        lock (_pairingGate)
        {
            if (session.PairingCode is { } old)
            {
                _byCode.TryRemove(old, out _);
            }

            string code;
            do
            {
                code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            }
            while (!_byCode.TryAdd(code, session));

            session.PairingCode = code;
            session.PairingCodeExpiresAt = _time.GetUtcNow().AddSeconds(_options.CurrentValue.PairingCodeLifetimeSeconds);
            return code;
        }
    }

    /// <summary>
    /// Redeems a code typed or scanned on the phone. On success the code is used up and the phone gets
    /// a new token; a phone paired earlier with the same session loses its token.
    /// </summary>
    public PairingOutcome Redeem(string? code, out SensorSession? session, out string? token)
    {
        session = null;
        token = null;
        if (code is null || code.Length != CodeDigits || !code.All(char.IsAsciiDigit))
        {
            return PairingOutcome.Malformed;
        }

        lock (_pairingGate)
        {
            if (!_byCode.TryGetValue(code, out var found))
            {
                return PairingOutcome.Unknown;
            }

            if (_time.GetUtcNow() > found.PairingCodeExpiresAt)
            {
                _byCode.TryRemove(code, out _);
                found.PairingCode = null;
                return PairingOutcome.Expired;
            }

            _byCode.TryRemove(code, out _);
            found.PairingCode = null;
            if (found.TokenHash is { } oldToken)
            {
                _byToken.TryRemove(oldToken, out _);
            }

            token = NewSecret(24);
            found.TokenHash = HashToken(token);
            _byToken[found.TokenHash] = found;
            session = found;
        }

        session!.OnPaired();
        return PairingOutcome.Paired;
    }

    /// <summary>The session a phone token belongs to.</summary>
    public bool TryGetByToken(string token, out SensorSession session) =>
        _byToken.TryGetValue(HashToken(token), out session!);

    /// <summary>
    /// Brings back a pairing stored before a server restart: a session with the same id whose phone
    /// may connect again with its token (known here only by its hash). No code is on offer, and the
    /// sensor shows as disconnected until the phone is back. An open session with the id is returned as is.
    /// <para>
    /// The limit of <see cref="SensorIngestOptions.MaxOpenSessions"/> holds here as in <see cref="Open"/>, but the other
    /// way round: when the registry is full nothing is closed for a restored pairing and null is returned (its phone
    /// must pair again). A restored pairing is a phone that may come back; an open session is one a screen shows
    /// now, or one restored earlier at the same start-up (the caller restores the newest pairings first).
    /// </para>
    /// <para>
    /// Only pairings of guided exercise sessions are stored and restored (<c>PhonePairingStore</c>). A session opened
    /// directly (<see cref="Open"/>, <c>POST /api/sensor/sessions</c>) is deliberately not: its samples go to whoever
    /// reads <see cref="SensorSession.Batches"/> or attached a sink in this process, and that reader is gone after a
    /// restart, so a restored session would take the phone's frames and drop them while the phone shows it is
    /// streaming. Unknown after the restart, its token gets 404 and the phone page stops and asks for a new code,
    /// which is the truth. Storing it would need a reader that outlives the process, which no caller has.
    /// </para>
    /// </summary>
    public SensorSession? Restore(string id, string tokenHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenHash);
        lock (_pairingGate)
        {
            if (_byId.TryGetValue(id, out var open))
            {
                return open;
            }

            if (_byId.Count >= Math.Max(1, _options.CurrentValue.MaxOpenSessions))
            {
                return null;
            }

            var session = new SensorSession(id, _time, Math.Max(1, _options.CurrentValue.BatchBufferCapacity));
            session.MarkRestored();
            session.TokenHash = tokenHash;
            _byToken[tokenHash] = session;
            _byId[id] = session;
            return session;
        }
    }

    /// <summary>
    /// The hash a token is known by (lower-case hex SHA-256). Tokens are 192 random bits, so a plain
    /// hash is enough to make a stored one useless to whoever reads the database.
    /// </summary>
    public static string HashToken(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>A session by its id.</summary>
    public bool TryGet(string id, out SensorSession session) => _byId.TryGetValue(id, out session!);

    /// <summary>Closes a session: its code and token stop working and its phone is disconnected.</summary>
    public bool Close(string id)
    {
        if (!_byId.TryRemove(id, out var session))
        {
            return false;
        }

        lock (_pairingGate)
        {
            if (session.PairingCode is { } code)
            {
                _byCode.TryRemove(code, out _);
            }

            if (session.TokenHash is { } token)
            {
                _byToken.TryRemove(token, out _);
            }
        }

        session.Close();
        return true;
    }

    private static string NewSecret(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
}
