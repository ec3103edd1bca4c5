using Ambulo.Web.Features.SensorIngest;
using Microsoft.Extensions.Options;

namespace Ambulo.Web.Tests.SensorIngest;

public class SensorSessionRegistryTests
{
    private readonly ManualTime _time = new();

    private SensorSessionRegistry Registry(Action<SensorIngestOptions>? configure = null)
    {
        var options = new SensorIngestOptions();
        configure?.Invoke(options);
        return new SensorSessionRegistry(_time, new StaticOptions(options));
    }

    [Fact]
    public void Open_NewSession_ShowsSixDigitCodeThatExpiresLater()
    {
        var registry = Registry();

        var session = registry.Open();

        session.PairingCode.ShouldNotBeNull().Length.ShouldBe(6);
        session.PairingCode.All(char.IsAsciiDigit).ShouldBeTrue();
        session.PairingCodeExpiresAt.ShouldBe(_time.GetUtcNow().AddMinutes(5));
        session.State.ShouldBe(SensorConnectionState.WaitingForPhone);
    }

    [Fact]
    public void Redeem_RightCode_KeepsOnlyTheTokensHashAndTellsWhoeverListens()
    {
        var registry = Registry();
        var session = registry.Open();
        SensorSession? told = null;
        session.Paired += s => told = s;

        registry.Redeem(session.PairingCode, out _, out var token).ShouldBe(PairingOutcome.Paired);

        told.ShouldBeSameAs(session);
        session.TokenHash.ShouldBe(SensorSessionRegistry.HashToken(token!));
        session.TokenHash!.ShouldNotContain(token!);
        session.TokenHash!.Length.ShouldBe(64);
        registry.TryGetByToken(token!, out var found).ShouldBeTrue();
        found.ShouldBeSameAs(session);
        registry.TryGetByToken(session.TokenHash, out _).ShouldBeFalse(); // the stored hash is no key to the door
    }

    [Fact]
    public void Restore_StoredHash_TheOldTokenConnectsToADisconnectedSessionWithTheSameId()
    {
        var before = Registry();
        var session = before.Open();
        before.Redeem(session.PairingCode, out _, out var token);
        var after = Registry(); // a restarted server

        var restored = after.Restore(session.Id, session.TokenHash!).ShouldNotBeNull();

        restored.Id.ShouldBe(session.Id);
        restored.State.ShouldBe(SensorConnectionState.Disconnected);
        restored.PairingCode.ShouldBeNull();
        after.TryGetByToken(token!, out var found).ShouldBeTrue();
        found.ShouldBeSameAs(restored);
        after.Restore(session.Id, session.TokenHash!).ShouldBeSameAs(restored);
        after.Close(restored.Id).ShouldBeTrue();
        after.TryGetByToken(token!, out _).ShouldBeFalse();
    }

    [Fact]
    public void Redeem_RightCode_PairsOnceAndGivesAToken()
    {
        var registry = Registry();
        var session = registry.Open();
        var code = session.PairingCode!;

        registry.Redeem(code, out var paired, out var token).ShouldBe(PairingOutcome.Paired);
        registry.Redeem(code, out _, out _).ShouldBe(PairingOutcome.Unknown);

        paired.ShouldBeSameAs(session);
        token.ShouldNotBeNull().Length.ShouldBeGreaterThanOrEqualTo(32);
        registry.TryGetByToken(token, out var byToken).ShouldBeTrue();
        byToken.ShouldBeSameAs(session);
        session.PairingCode.ShouldBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("١٢٣٤٥٦")]
    public void Redeem_NotSixAsciiDigits_IsMalformed(string? code) =>
        Registry().Redeem(code, out _, out _).ShouldBe(PairingOutcome.Malformed);

    [Fact]
    public void Redeem_AfterLifetime_IsExpiredAndThenUnknown()
    {
        var registry = Registry(o => o.PairingCodeLifetimeSeconds = 60);
        var code = registry.Open().PairingCode!;
        _time.Advance(TimeSpan.FromSeconds(61));

        registry.Redeem(code, out var session, out var token).ShouldBe(PairingOutcome.Expired);
        registry.Redeem(code, out _, out _).ShouldBe(PairingOutcome.Unknown);

        session.ShouldBeNull();
        token.ShouldBeNull();
    }

    [Fact]
    public void NewCode_ReplacesTheOldCode()
    {
        var registry = Registry();
        var session = registry.Open();
        var old = session.PairingCode!;

        var fresh = registry.NewCode(session);

        registry.Redeem(old, out _, out _).ShouldBe(old == fresh ? PairingOutcome.Paired : PairingOutcome.Unknown);
        if (old != fresh)
        {
            registry.Redeem(fresh, out _, out _).ShouldBe(PairingOutcome.Paired);
        }
    }

    [Fact]
    public void Redeem_SecondPairing_RevokesTheFirstPhonesToken()
    {
        var registry = Registry();
        var session = registry.Open();
        registry.Redeem(session.PairingCode, out _, out var first);
        var code = registry.NewCode(session);

        registry.Redeem(code, out _, out var second).ShouldBe(PairingOutcome.Paired);

        registry.TryGetByToken(first!, out _).ShouldBeFalse();
        registry.TryGetByToken(second!, out _).ShouldBeTrue();
    }

    [Fact]
    public void Close_Session_EndsCodeTokenAndChannel()
    {
        var registry = Registry();
        var session = registry.Open();
        var code = registry.NewCode(session);
        var other = registry.Open();
        registry.Redeem(other.PairingCode, out _, out var token);

        registry.Close(session.Id).ShouldBeTrue();
        registry.Close(other.Id).ShouldBeTrue();

        registry.Redeem(code, out _, out _).ShouldBe(PairingOutcome.Unknown);
        registry.TryGetByToken(token!, out _).ShouldBeFalse();
        registry.TryGet(session.Id, out _).ShouldBeFalse();
        session.State.ShouldBe(SensorConnectionState.Closed);
        session.Batches.Completion.IsCompleted.ShouldBeTrue();
        registry.Close(session.Id).ShouldBeFalse();
    }

    [Fact]
    public void Open_WhenFull_ClosesTheLongestIdleSession()
    {
        var registry = Registry(o => o.MaxOpenSessions = 2);
        var oldest = registry.Open();
        _time.Advance(TimeSpan.FromMinutes(1));
        var middle = registry.Open();
        _time.Advance(TimeSpan.FromMinutes(1));

        var newest = registry.Open();

        registry.Count.ShouldBe(2);
        registry.TryGet(oldest.Id, out _).ShouldBeFalse();
        registry.TryGet(middle.Id, out _).ShouldBeTrue();
        registry.TryGet(newest.Id, out _).ShouldBeTrue();
        oldest.State.ShouldBe(SensorConnectionState.Closed);
    }

    [Fact]
    public void Restore_WhenFull_RestoresNothingAndClosesNoOpenSession()
    {
        var before = Registry();
        var stored = Enumerable.Range(0, 3).Select(_ => before.Open()).ToList();
        var tokens = stored.Select(s => { before.Redeem(s.PairingCode, out _, out var token); return token!; }).ToList();
        var after = Registry(o => o.MaxOpenSessions = 2); // a restarted server with a lower limit
        var open = after.Open();

        var first = after.Restore(stored[0].Id, stored[0].TokenHash!);
        var second = after.Restore(stored[1].Id, stored[1].TokenHash!);

        first.ShouldNotBeNull();
        second.ShouldBeNull();
        after.Count.ShouldBe(2);
        after.TryGet(open.Id, out _).ShouldBeTrue();
        open.State.ShouldBe(SensorConnectionState.WaitingForPhone);
        after.TryGetByToken(tokens[0], out _).ShouldBeTrue();
        after.TryGetByToken(tokens[1], out _).ShouldBeFalse();
        after.TryGet(stored[1].Id, out _).ShouldBeFalse();
        after.Restore(stored[0].Id, stored[0].TokenHash!).ShouldBeSameAs(first); // an open id is returned even when full
    }

    [Fact]
    public void Open_ManySessions_GivesDistinctCodesAndIds()
    {
        var registry = Registry(o => o.MaxOpenSessions = 500);

        var sessions = Enumerable.Range(0, 300).Select(_ => registry.Open()).ToList();

        sessions.Select(s => s.PairingCode).Distinct().Count().ShouldBe(300);
        sessions.Select(s => s.Id).Distinct().Count().ShouldBe(300);
    }

    internal sealed class StaticOptions(SensorIngestOptions value) : IOptionsMonitor<SensorIngestOptions>
    {
        public SensorIngestOptions CurrentValue => value;

        public SensorIngestOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SensorIngestOptions, string?> listener) => null;
    }
}
