using System.Numerics;
using Ambulo.Domain.Exercises;
using Ambulo.Motion.Samples;
using Ambulo.Web.Features.SensorIngest;
using Ambulo.Web.Features.SensorIngest.Frames;

namespace Ambulo.Web.Tests.SensorIngest;

public class SensorSessionTests
{
    private readonly ManualTime _time = new();
    private readonly ImuSample[] _scratch = new ImuSample[SensorFrameFormat.MaxSamplesPerFrame];

    private SensorSession NewSession(int capacity = 100) => new("s1", _time, capacity);

    private static ImuSample[] Samples(double startSeconds, int count, float y = 9.8f) =>
        [.. Enumerable.Range(0, count).Select(i => new ImuSample(startSeconds + (i * 0.01), new Vector3(0.5f, y, 0.1f * i), new Vector3(0, 0, 0.2f)))];

    private static byte[] Frame(uint stream, uint sequence, ImuSample[] samples) =>
        SensorFrameEncoder.Encode(stream, sequence, FrameChannels.All, samples);

    [Fact]
    public void Receive_ValidFrames_QueueTheSamplesInOrder()
    {
        var session = NewSession();
        session.TryConnect(out var connection, out _).ShouldBeTrue();

        session.Receive(connection, Frame(1, 0, Samples(0, 3)), _scratch).ShouldBe(FrameRejection.None);
        session.Receive(connection, Frame(1, 1, Samples(0.03, 2)), _scratch).ShouldBe(FrameRejection.None);

        session.Batches.TryRead(out var first).ShouldBeTrue();
        session.Batches.TryRead(out var second).ShouldBeTrue();
        first!.Samples.ShouldBe(Samples(0, 3));
        first.StreamRestarted.ShouldBeTrue();
        second!.Samples.ShouldBe(Samples(0.03, 2));
        second.StreamRestarted.ShouldBeFalse();
        var status = session.GetStatus();
        status.FramesAccepted.ShouldBe(2);
        status.SamplesAccepted.ShouldBe(5);
        status.State.ShouldBe(SensorConnectionState.Connected);
    }

    [Fact]
    public void Receive_BadFrames_AreCountedByReasonAndTheNextGoodFrameStillArrives()
    {
        var session = NewSession();
        session.TryConnect(out var connection, out _);
        var nan = Frame(1, 0, Samples(0, 2, float.NaN));
        var garbage = new byte[] { 1, 2, 3 };

        session.Receive(connection, nan, _scratch).ShouldBe(FrameRejection.NonFiniteValue);
        session.Receive(connection, garbage, _scratch).ShouldBe(FrameRejection.TooShort);
        session.Receive(connection, Frame(1, 0, Samples(0, 2)), _scratch).ShouldBe(FrameRejection.None);
        session.Receive(connection, Frame(1, 0, Samples(0.02, 2)), _scratch).ShouldBe(FrameRejection.StaleSequence);

        session.Rejections[FrameRejection.NonFiniteValue].ShouldBe(1);
        session.Rejections[FrameRejection.TooShort].ShouldBe(1);
        session.Rejections[FrameRejection.StaleSequence].ShouldBe(1);
        session.GetStatus().FramesAccepted.ShouldBe(1);
    }

    [Fact]
    public void Receive_SequenceGap_ReportsLostFramesWithTheNextBatch()
    {
        var session = NewSession();
        session.TryConnect(out var connection, out _);
        session.Receive(connection, Frame(1, 0, Samples(0, 1)), _scratch);

        session.Receive(connection, Frame(1, 3, Samples(0.5, 1)), _scratch);

        session.Batches.TryRead(out _);
        session.Batches.TryRead(out var afterGap).ShouldBeTrue();
        afterGap!.LostFramesBefore.ShouldBe(2);
        session.GetStatus().LostFrames.ShouldBe(2);
    }

    [Fact]
    public void Receive_NewStreamAfterReload_ContinuesTheTimeLineAndFlagsTheRestart()
    {
        var session = NewSession();
        session.TryConnect(out var connection, out _);
        session.Receive(connection, Frame(1, 0, Samples(10, 2)), _scratch);
        _time.Advance(TimeSpan.FromSeconds(4));

        // The reloaded page starts its clock at zero again.
        session.Receive(connection, Frame(2, 0, Samples(0, 2)), _scratch).ShouldBe(FrameRejection.None);

        session.Batches.TryRead(out var before);
        session.Batches.TryRead(out var after);
        after!.StreamRestarted.ShouldBeTrue();
        after.Samples[0].TimeSeconds.ShouldBe(before!.Samples[^1].TimeSeconds + 4, 1e-9);
        (after.Samples[1].TimeSeconds - after.Samples[0].TimeSeconds).ShouldBe(0.01, 1e-9);
        session.GetStatus().StreamsStarted.ShouldBe(2);
    }

    [Fact]
    public void Receive_NewStreamStartingWithKeepAlive_FlagsTheRestartOnItsFirstSamples()
    {
        var session = NewSession();
        session.TryConnect(out var connection, out _);
        session.Receive(connection, Frame(1, 0, Samples(0, 1)), _scratch);
        session.Batches.TryRead(out _);

        session.Receive(connection, Frame(2, 0, []), _scratch);
        session.Receive(connection, Frame(2, 1, Samples(0.1, 1)), _scratch);

        session.Batches.TryRead(out var batch).ShouldBeTrue();
        batch!.StreamRestarted.ShouldBeTrue();
        session.Batches.TryRead(out _).ShouldBeFalse();
    }

    [Fact]
    public void Connect_Twice_ReplacesTheFirstConnectionAndIgnoresItsFrames()
    {
        var session = NewSession();
        session.TryConnect(out var first, out var firstStop);

        session.TryConnect(out var second, out _);
        session.Receive(first, Frame(1, 0, Samples(0, 1)), _scratch).ShouldBe(FrameRejection.None);
        session.Disconnect(first);

        firstStop.IsCancellationRequested.ShouldBeTrue();
        session.Batches.TryRead(out _).ShouldBeFalse();
        session.State.ShouldBe(SensorConnectionState.Connected);
        session.Receive(second, Frame(1, 0, Samples(0, 1)), _scratch).ShouldBe(FrameRejection.None);
        session.Batches.TryRead(out _).ShouldBeTrue();
    }

    [Fact]
    public void State_PhoneDropsAndReturns_GoesDisconnectedThenConnectedAgain()
    {
        var session = NewSession();
        var seen = new List<SensorConnectionState>();
        session.StateChanged += seen.Add;

        session.TryConnect(out var first, out _);
        session.Disconnect(first);
        session.TryConnect(out _, out _);

        seen.ShouldBe([SensorConnectionState.Connected, SensorConnectionState.Disconnected, SensorConnectionState.Connected]);
        session.GetStatus().Connections.ShouldBe(2);
    }

    [Fact]
    public void Close_ThenConnect_IsRefused()
    {
        var session = NewSession();
        session.Close();

        session.TryConnect(out _, out _).ShouldBeFalse();
        session.State.ShouldBe(SensorConnectionState.Closed);
    }

    [Fact]
    public void Attach_Sink_SeesSamplesAndStatesUntilDetached()
    {
        var session = NewSession();
        var sink = new RecordingSink();
        var attachment = session.Attach(sink);
        session.TryConnect(out var connection, out _);

        session.Receive(connection, Frame(1, 0, Samples(0, 3)), _scratch);
        attachment.Dispose();
        session.Receive(connection, Frame(1, 1, Samples(0.03, 3)), _scratch);

        sink.Samples.ShouldBe(Samples(0, 3));
        sink.Restarts.ShouldBe(1);
        sink.States.ShouldBe([SensorConnectionState.Connected]);
    }

    [Fact]
    public void Attach_SinkThatThrows_IsDetachedAndTheSessionGoesOn()
    {
        var session = NewSession();
        session.Attach(new ThrowingSink());
        var healthy = new RecordingSink();
        session.Attach(healthy);
        session.TryConnect(out var connection, out _);

        session.Receive(connection, Frame(1, 0, Samples(0, 1)), _scratch).ShouldBe(FrameRejection.None);
        session.Receive(connection, Frame(1, 1, Samples(0.01, 1)), _scratch).ShouldBe(FrameRejection.None);

        healthy.Samples.Count.ShouldBe(2);
        session.Batches.TryRead(out _).ShouldBeTrue();
    }

    [Fact]
    public void Batches_NobodyReading_KeepsTheNewestAndCountsTheDropped()
    {
        var session = NewSession(capacity: 2);
        session.TryConnect(out var connection, out _);

        for (uint i = 0; i < 5; i++)
        {
            session.Receive(connection, Frame(1, i, Samples(i, 1)), _scratch);
        }

        session.GetStatus().BatchesDropped.ShouldBe(3);
        session.Batches.TryRead(out var oldestKept);
        oldestKept!.Samples[0].TimeSeconds.ShouldBe(3);
    }

    [Fact]
    public void Batches_NobodyReadingButASinkTakesThem_CountsNoneAsDropped()
    {
        var session = NewSession(capacity: 2);
        var sink = new RecordingSink();
        using var attachment = session.Attach(sink);
        session.TryConnect(out var connection, out _);

        for (uint i = 0; i < 5; i++)
        {
            session.Receive(connection, Frame(1, i, Samples(i, 1)), _scratch);
        }

        attachment.Dispose();
        for (uint i = 5; i < 9; i++)
        {
            session.Receive(connection, Frame(1, i, Samples(i, 1)), _scratch);
        }

        sink.Samples.Count.ShouldBe(5); // every batch reached a consumer while the sink was attached ...
        session.GetStatus().BatchesDropped.ShouldBe(2); // ... so only the two pushed out after it left were lost
        session.Batches.TryRead(out var oldestKept);
        oldestKept!.Samples[0].TimeSeconds.ShouldBe(7);
    }

    [Theory]
    [InlineData(50)]
    [InlineData(100)]
    [InlineData(200)]
    public void Receive_SteadyStream_MeasuresTheRateAfterTheFirstWindowAndTellsTheSinks(double rateHz)
    {
        var session = NewSession();
        var sink = new RecordingSink();
        session.Attach(sink);
        session.TryConnect(out var connection, out _);
        var samples = Enumerable.Range(0, 200).Select(i => new ImuSample(i / rateHz, new Vector3(0, 9.8f, 0), Vector3.Zero)).ToArray();

        uint sequence = 0;
        foreach (var chunk in samples.Chunk(4))
        {
            session.Receive(connection, Frame(1, sequence++, chunk), _scratch).ShouldBe(FrameRejection.None);
        }

        sink.Rates[0].ShouldBeNull(); // not measured from one frame
        sink.Rates[^1]!.Value.ShouldBe(rateHz, rateHz * 0.002);
        session.SamplingRateHz!.Value.ShouldBe(rateHz, rateHz * 0.002);
        session.GetStatus().SamplingRateHz!.Value.ShouldBe(rateHz, 0.1);
        var firstMeasured = sink.Rates.FindIndex(r => r is not null);
        (firstMeasured * 4).ShouldBeLessThanOrEqualTo(SamplingRateEstimator.WindowIntervals + 4);
    }

    [Fact]
    public void Receive_NewStreamAfterReload_MeasuresTheRateAgain()
    {
        var session = NewSession();
        session.TryConnect(out var connection, out _);
        var at100 = Enumerable.Range(0, 100).Select(i => new ImuSample(i / 100.0, new Vector3(0, 9.8f, 0), Vector3.Zero)).ToArray();
        var at50 = Enumerable.Range(0, 100).Select(i => new ImuSample(i / 50.0, new Vector3(0, 9.8f, 0), Vector3.Zero)).ToArray();
        session.Receive(connection, Frame(1, 0, at100), _scratch);
        session.SamplingRateHz!.Value.ShouldBe(100, 0.2);

        session.Receive(connection, Frame(2, 0, at50[..10]), _scratch);
        session.SamplingRateHz.ShouldBeNull(); // another page, perhaps another phone: not assumed
        session.Receive(connection, Frame(2, 1, at50[10..]), _scratch);

        session.SamplingRateHz!.Value.ShouldBe(50, 0.1);
    }

    [Fact]
    public void SetExercise_TellsThePhoneWhereToStrapIt()
    {
        var session = NewSession();
        var exercise = ExerciseCatalogue.Default.Get("seated-knee-extension");

        session.SetExercise(exercise);

        var status = session.GetStatus();
        status.ExerciseName.ShouldBe(exercise.Name);
        status.PlacementText.ShouldBe(PlacementInstructions.For(SensorPlacement.Shank));
        status.PlacementText.ShouldContain("shin");
    }

    private sealed class RecordingSink : ISensorSampleSink
    {
        public List<ImuSample> Samples { get; } = [];

        public int Restarts { get; private set; }

        public List<SensorConnectionState> States { get; } = [];

        public List<double?> Rates { get; } = [];

        public void OnSamples(SensorBatch batch)
        {
            Samples.AddRange(batch.Samples);
            Restarts += batch.StreamRestarted ? 1 : 0;
            Rates.Add(batch.SamplingRateHz);
        }

        public void OnConnectionStateChanged(SensorConnectionState state) => States.Add(state);
    }

    private sealed class ThrowingSink : ISensorSampleSink
    {
        public void OnSamples(SensorBatch batch) => throw new InvalidOperationException("consumer bug");

        public void OnConnectionStateChanged(SensorConnectionState state)
        {
        }
    }
}
