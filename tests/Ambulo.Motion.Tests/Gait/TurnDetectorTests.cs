using System.Numerics;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Tests.Gait;

public class TurnDetectorTests
{
    internal static ImuSample[] Turning(double fs, params (double Start, double Duration, double Degrees)[] turns)
    {
        var tilt = Quaternion.CreateFromYawPitchRoll(0.2f, 1.3f, 0.1f);
        return Enumerable.Range(0, (int)(fs * 12)).Select(i =>
        {
            var t = i / fs;
            double rate = 0;
            foreach (var (start, duration, degrees) in turns)
            {
                if (t >= start && t < start + duration)
                {
                    // Half-sine rate profile whose integral is the turn angle.
                    rate += degrees * Math.PI / 180 * Math.PI / (2 * duration) * Math.Sin(Math.PI * (t - start) / duration);
                }
            }

            return new ImuSample(t, Vector3.Transform(new Vector3(0, 0, 9.81f), tilt), Vector3.Transform(new Vector3(0, 0, (float)rate), tilt));
        }).ToArray();
    }

    [Fact]
    public void Detect_HalfTurnThenSmallWiggle_FindsOnlyTheHalfTurnWithItsAngle()
    {
        var samples = Turning(100, (3, 2, 180), (8, 1, 20));

        var turns = TurnDetector.Detect(samples, 100);

        var turn = turns.ShouldHaveSingleItem();
        Math.Abs(turn.AngleDegrees).ShouldBe(180, 20);
        turn.StartSeconds.ShouldBe(3, 0.5);
    }

    [Fact]
    public void Detect_LeftAndRightTurns_HaveOppositeSigns()
    {
        var samples = Turning(100, (2, 1.5, 90), (6, 1.5, -90));

        var turns = TurnDetector.Detect(samples, 100);

        turns.Count.ShouldBe(2);
        Math.Sign(turns[0].AngleDegrees).ShouldBe(-Math.Sign(turns[1].AngleDegrees));
    }
}
