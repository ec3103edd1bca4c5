using System.Numerics;
using Ambulo.Motion.Evaluation.References;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings;

namespace Ambulo.Motion.Tests.Evaluation.References;

public class GaitmapReferenceTests
{
    private static string Data(string file) => TestData.Path("gaitmap-foot-mocap", "data", file);

    [Fact]
    public void ReadStrideEvents_SampleFile_SecondsFromIndicesAt204Point8Hz()
    {
        // "0,left,494.0,709.0,657.0,586.0,494.0,438.0" and the last row "56,right,6631.0,6867.0,6816.0,6742.0,6631.0,6584.0".
        var strides = GaitmapReference.ReadStrideEvents(Data("stride_events_sample.csv"));

        strides.Count.ShouldBe(57);
        strides.Count(s => s.Foot == BodySide.Left).ShouldBe(28);
        strides[0].ShouldBe(new GaitmapStrideEvent(0, BodySide.Left, 494 / 204.8, 709 / 204.8, 657 / 204.8, 586 / 204.8, 494 / 204.8, 438 / 204.8));
        strides[^1].Foot.ShouldBe(BodySide.Right);
        strides[^1].InitialContactSeconds.ShouldBe(6816 / 204.8);
        strides[^1].PreviousInitialContactSeconds.ShouldBe(6584 / 204.8);
    }

    [Fact]
    public void ReadStrideEvents_MeanStrideTime_MatchesDatasetReadme()
    {
        // The data set README gives mean stride times of 1.13 s (left) and 1.09 s (right).
        var strides = GaitmapReference.ReadStrideEvents(Data("stride_events_sample.csv"));

        strides.Where(s => s.Foot == BodySide.Left).Average(s => s.DurationSeconds).ShouldBe(1.13, 0.01);
        strides.Where(s => s.Foot == BodySide.Right).Average(s => s.DurationSeconds).ShouldBe(1.09, 0.01);
    }

    [Fact]
    public void ReadStrideBorders_BothFiles_UseTheirOwnRates()
    {
        var borders = GaitmapReference.ReadStrideBorders(Data("stride_borders_sample.csv"));
        var icBorders = GaitmapReference.ReadStrideBorders(Data("stride_borders_sample_ic_stride.csv"));

        borders.Count.ShouldBe(58);
        borders[0].ShouldBe(new GaitmapStrideBorder(0, BodySide.Left, 364 / 204.8, 584 / 204.8, 1));
        borders.First(b => b.Foot == BodySide.Right).ShouldBe(new GaitmapStrideBorder(28, BodySide.Right, 475 / 204.8, 691 / 204.8, 1));
        icBorders.Count.ShouldBe(14);
        icBorders[0].ShouldBe(new GaitmapStrideBorder(0, BodySide.Left, 696 / 102.4, 812 / 102.4, 1));
    }

    [Fact]
    public void ReadStrideLengths_LastHeelPositionOfEachStride()
    {
        // Last row of left stride 0: pos_x -1.3938828125, pos_y -0.0772578125; of right stride 28: -1.412181640625, -0.0352666015625.
        var lengths = GaitmapReference.ReadStrideLengths(Data("position_sample.csv"));

        lengths.Count.ShouldBe(57);
        lengths[0].ShouldBe(new GaitmapStrideLength(0, BodySide.Left, Math.Sqrt((1.3938828125 * 1.3938828125) + (0.0772578125 * 0.0772578125))));
        lengths.Single(l => l.Foot == BodySide.Right && l.StrideId == 28).LengthMeters.ShouldBe(1.41262193, 1e-8);
        lengths.Average(l => l.LengthMeters).ShouldBe(1.34, 0.02); // README: mean ≈ 1.34 m
    }

    [Fact]
    public void ReadStrideOrientations_QuaternionsPerStride()
    {
        var strides = GaitmapReference.ReadStrideOrientations(Data("orientation_sample.csv"));

        strides.Count.ShouldBe(57);
        strides[0].Foot.ShouldBe(BodySide.Left);
        strides[0].Orientations.Count.ShouldBe(105);
        strides[0].Orientations[0].ShouldBe(new Quaternion(-0.0776396235924155f, -0.0255600946814702f, -0.080004240336764f, 0.9934375128494192f));
        strides.SelectMany(s => s.Orientations).ShouldAllBe(q => Math.Abs(q.Length() - 1) < 1e-3);
    }

    [Fact]
    public void ReadStrideEvents_BadFoot_ThrowsNamingLine()
    {
        using var stream = new MemoryStream("s_id,foot,start,end,ic,tc,min_vel,pre_ic\n0,middle,1,2,3,4,5,6\n"u8.ToArray());

        var ex = Should.Throw<RecordingFormatException>(() => GaitmapReference.ReadStrideEvents(stream));

        ex.LineNumber.ShouldBe(2);
        ex.Column.ShouldBe("foot");
    }
}
