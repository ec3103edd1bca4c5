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
    public void FootPitchDegrees_RowsOfTheFile_MatchTheClosedFormWorkedByHand()
    {
        // orientation_sample.csv, left_sensor stride 0, samples 47 and 79 (q_x, q_y, q_z, q_w).
        // Vertical part of the toe axis = 2(q_x q_z + q_w q_y):
        //   row 47: 2(−0.126435·−0.131540 + 0.824820·0.535148) = 0.916064 → asin = 66.357°
        //   row 79: 2(−0.128063·−0.085028 + 0.952919·−0.261371) = −0.476353 → asin = −28.447°
        var row47 = new Quaternion(-0.126435001904985f, 0.5351476542147519f, -0.1315402259413176f, 0.8248201909756102f);
        var row79 = new Quaternion(-0.1280628368423458f, -0.261370877952282f, -0.0850283162674361f, 0.9529193876771892f);

        GaitmapReference.FootPitchDegrees(row47).ShouldBe(66.357, 0.002);
        GaitmapReference.FootPitchDegrees(row79).ShouldBe(-28.447, 0.002);
    }

    [Fact]
    public void PitchRangeDegrees_FirstLeftAndRightStride_MatchAFullQuaternionRotation()
    {
        // Expected values from rotating the foot x axis by the conjugate of every quaternion of the stride with a
        // separate full rotation (q* v q), outside this code base: left stride 0 spans rows 47 (max) and 79 (min).
        var strides = GaitmapReference.ReadStrideOrientations(Data("orientation_sample.csv"));

        strides.Single(s => s.Foot == BodySide.Left && s.StrideId == 0).PitchRangeDegrees.ShouldBe(94.805, 0.005);
        strides.Single(s => s.Foot == BodySide.Right && s.StrideId == 28).PitchRangeDegrees.ShouldBe(92.826, 0.005);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(35)]
    [InlineData(-60)]
    public void FootPitchDegrees_PureRotationAboutTheMediolateralAxis_IsThatAngle(double degrees)
    {
        // The toe axis is rotated by the conjugate, −θ about y, which lifts x towards +z by θ.
        var q = Quaternion.CreateFromAxisAngle(Vector3.UnitY, (float)(degrees * Math.PI / 180));

        GaitmapReference.FootPitchDegrees(q).ShouldBe(degrees, 1e-4);
        new GaitmapStrideOrientation(0, BodySide.Left, [q, Quaternion.Identity]).PitchRangeDegrees.ShouldBe(Math.Abs(degrees), 1e-4);
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
