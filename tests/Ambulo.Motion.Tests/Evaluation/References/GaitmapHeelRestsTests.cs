using System.Numerics;
using Ambulo.Motion.Evaluation.References;
using Ambulo.Motion.Gait;

namespace Ambulo.Motion.Tests.Evaluation.References;

public class GaitmapHeelRestsTests
{
    private static string Data(string file) => TestData.Path("gaitmap-foot-mocap", "data", file);

    /// <summary>A heel path at 100 Hz: rests, then for each (start, end, metres) a smooth forward movement.</summary>
    private static List<Vector3> Path(int frames, params (int From, int To, double Meters)[] moves)
    {
        var path = new List<Vector3>();
        double x = 0;
        for (var i = 0; i < frames; i++)
        {
            foreach (var (from, to, meters) in moves)
            {
                if (i > from && i <= to)
                {
                    // Raised-cosine speed profile: integrates to exactly `meters` over the movement.
                    var u = (i - from - 0.5) / (to - from);
                    x += meters / (to - from) * (1 - Math.Cos(2 * Math.PI * u));
                }
            }

            path.Add(new Vector3((float)x, 0, 0));
        }

        return path;
    }

    private static GaitmapStrideEvent Event(int id, double start, double ic, double preIc) =>
        new(id, BodySide.Left, start, start + 1.1, ic, start + 0.3, start, preIc);

    [Fact]
    public void Check_OneSwingPerStride_KeepsTheListAndItsLengths()
    {
        var events = new[] { Event(0, 1.0, 1.8, 0.8), Event(1, 2.1, 2.9, 1.8) };
        var positions = new[]
        {
            new GaitmapStridePositions(0, BodySide.Left, Path(111, (30, 75, 1.3))),
            new GaitmapStridePositions(1, BodySide.Left, Path(111, (30, 75, 1.4))),
        };

        var check = GaitmapHeelRests.Check(events, positions);

        check.SplitStrides.ShouldBeEmpty();
        check.Strides.Select(s => (s.StartSeconds, s.EndSeconds)).ShouldBe([(0.8, 1.8), (1.8, 2.9)]);
        check.Strides[0].LengthMeters!.Value.ShouldBe(1.3, 0.01);
        check.Strides[1].LengthMeters!.Value.ShouldBe(1.4, 0.01);
    }

    [Fact]
    public void Check_HeelRestsBetweenTwoSwings_SplitsThatStrideAtTheRest()
    {
        // Stride 1 moves 0.6 m, rests 0.6 s, moves 0.5 m: the list missed a contact at the rest.
        var events = new[] { Event(0, 1.0, 1.8, 0.8), Event(1, 2.1, 4.0, 1.8), Event(2, 4.2, 5.0, 4.0) };
        var positions = new[]
        {
            new GaitmapStridePositions(0, BodySide.Left, Path(111, (30, 75, 1.3))),
            new GaitmapStridePositions(1, BodySide.Left, Path(211, (20, 60, 0.6), (120, 160, 0.5))),
            new GaitmapStridePositions(2, BodySide.Left, Path(111, (30, 75, 1.3))),
        };

        var check = GaitmapHeelRests.Check(events, positions);

        check.SplitStrides.ShouldBe([(BodySide.Left, 1)]);
        check.Strides.Count.ShouldBe(4);
        var (first, second) = (check.Strides[1], check.Strides[2]);
        first.StartSeconds.ShouldBe(1.8);
        second.EndSeconds.ShouldBe(4.0);
        first.EndSeconds.ShouldBe(second.StartSeconds);
        // The split contact lies at the end of the first movement minus the delay seen on the unsplit strides.
        first.EndSeconds.ShouldBeInRange(2.1 + 0.45, 2.1 + 0.7);
        first.LengthMeters!.Value.ShouldBe(0.6, 0.02);
        second.LengthMeters!.Value.ShouldBe(0.5, 0.02);
    }

    [Fact]
    public void Check_GaitmapSample_SplitsOnlyTheTurnStrideWhoseHeelRestsHalfway()
    {
        var events = GaitmapReference.ReadStrideEvents(Data("stride_events_sample.csv"));
        var positions = GaitmapReference.ReadStridePositions(Data("position_sample.csv"));

        var check = GaitmapHeelRests.Check(events, positions);

        // Left stride 13 (samples 3308 -> 3774) holds two turning steps; the heel rests near samples 3545-3690.
        check.SplitStrides.ShouldBe([(BodySide.Left, 13)]);
        check.Strides.Count.ShouldBe(58);
        var split = check.Strides.Where(s => s.Side == BodySide.Left && s.StartSeconds >= 3308 / 204.8 - 1e-9 && s.EndSeconds <= 3774 / 204.8 + 1e-9).ToList();
        split.Count.ShouldBe(2);
        (split[0].EndSeconds * 204.8).ShouldBeInRange(3500, 3560);
        check.RestOnsetAfterContactSeconds.ShouldBeInRange(0.03, 0.12);
    }

    [Fact]
    public void ReadStridePositions_SampleFile_OneTrajectoryPerStrideStartingAtZero()
    {
        var positions = GaitmapReference.ReadStridePositions(Data("position_sample.csv"));
        var lengths = GaitmapReference.ReadStrideLengths(Data("position_sample.csv"));

        positions.Count.ShouldBe(lengths.Count);
        positions.ShouldAllBe(p => p.PositionsMeters[0].Length() < 1e-6);
        var last = positions[0].PositionsMeters[^1];
        Math.Sqrt((last.X * last.X) + (last.Y * last.Y)).ShouldBe(lengths[0].LengthMeters, 1e-6);
    }
}
