using Ambulo.Web.Features.SensorIngest.Frames;

namespace Ambulo.Web.Tests.SensorIngest;

public class SensorStreamTrackerTests
{
    private static SensorFrameHeader Frame(uint stream, uint sequence, ulong baseMicros) =>
        new(stream, sequence, baseMicros, 1, FrameChannels.All);

    [Fact]
    public void Accept_ConsecutiveFrames_AcceptsAndCountsNoLoss()
    {
        var tracker = new SensorStreamTracker();

        tracker.Accept(Frame(9, 0, 0), 40_000, out var first).ShouldBe(FrameRejection.None);
        tracker.Accept(Frame(9, 1, 40_000), 80_000, out var second).ShouldBe(FrameRejection.None);

        first.ShouldBeTrue();
        second.ShouldBeFalse();
        tracker.LostFrames.ShouldBe(0);
        tracker.LastSequence.ShouldBe(1u);
    }

    [Fact]
    public void Accept_SequenceGap_CountsTheMissingFrames()
    {
        var tracker = new SensorStreamTracker();
        tracker.Accept(Frame(9, 0, 0), 10, out _);

        tracker.Accept(Frame(9, 4, 200_000), 200_010, out _).ShouldBe(FrameRejection.None);

        tracker.LostFrames.ShouldBe(3);
    }

    [Theory]
    [InlineData(5u)]
    [InlineData(2u)]
    public void Accept_RepeatedOrOlderSequence_IsStaleSequence(uint sequence)
    {
        var tracker = new SensorStreamTracker();
        tracker.Accept(Frame(9, 5, 0), 10, out _);

        tracker.Accept(Frame(9, sequence, 20), 30, out _).ShouldBe(FrameRejection.StaleSequence);
        tracker.LastSequence.ShouldBe(5u);
    }

    [Fact]
    public void Accept_FrameStartingBeforePreviousEnded_IsTimeWentBackwards()
    {
        var tracker = new SensorStreamTracker();
        tracker.Accept(Frame(9, 0, 0), 50_000, out _);

        tracker.Accept(Frame(9, 1, 49_999), 60_000, out _).ShouldBe(FrameRejection.TimeWentBackwards);
        tracker.Accept(Frame(9, 2, 50_000), 60_000, out _).ShouldBe(FrameRejection.None);
    }

    [Fact]
    public void Accept_NewStreamId_StartsOverWithEarlierTimes()
    {
        var tracker = new SensorStreamTracker();
        tracker.Accept(Frame(9, 0, 0), 5_000_000, out _);

        tracker.Accept(Frame(10, 0, 0), 10, out var newStream).ShouldBe(FrameRejection.None);

        newStream.ShouldBeTrue();
        tracker.StreamId.ShouldBe(10u);
        tracker.StreamsStarted.ShouldBe(2);
    }
}
