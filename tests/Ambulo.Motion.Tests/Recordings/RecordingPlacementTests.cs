using System.Numerics;
using System.Text;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Recordings.Importers;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Tests.Recordings;

/// <summary>A placement Ambulo does not know is an error naming the value and the accepted ones, never analysed as a phone.</summary>
public class RecordingPlacementTests
{
    private static string File(string placement) =>
        $"# ambulo-recording: 1\n# sensor: imu\n# placement: {placement}\n# sampling_rate_hz: 100\nt_s,acc_x_mps2,acc_y_mps2,acc_z_mps2\n0,0,0,9.8\n0.01,0,0,9.8\n";

    private static SensorRecording WithPlacement(string placement)
    {
        var recording = RecordingCsvTests.Recording(SensorChannels.Accelerometer, new ImuSample(0, Vector3.UnitZ));
        return recording with { Metadata = recording.Metadata with { Placement = placement } };
    }

    [Theory]
    [InlineData("wrist")]
    [InlineData("shnak-left")]
    [InlineData("foot-middle")]
    [InlineData("pocket")]
    public void Read_UnknownPlacement_ThrowsNamingTheValueAndTheAcceptedOnes(string placement)
    {
        var ex = Should.Throw<RecordingFormatException>(() => RecordingCsv.Parse(File(placement)));

        ex.LineNumber.ShouldBe(3);
        ex.Message.ShouldStartWith($"line 3: unknown placement '{placement}'; expected ");
        foreach (var accepted in new[] { "foot", "shank", "thigh", "front-pocket", "back-pocket", "hand", "lower-back", "-left or -right" })
        {
            ex.Message.ShouldContain(accepted);
        }
    }

    [Fact]
    public void Read_EmptyPlacement_ThrowsNamingTheAcceptedOnes()
    {
        var ex = Should.Throw<RecordingFormatException>(() => RecordingCsv.Parse(File("")));

        ex.Message.ShouldStartWith("line 3: placement is empty; expected foot");
    }

    [Fact]
    public void Read_VeryLongPlacement_IsShortenedInTheMessage()
    {
        var ex = Should.Throw<RecordingFormatException>(() => RecordingCsv.Parse(File(new string('x', 5000))));

        ex.Message.Length.ShouldBeLessThan(400);
    }

    [Theory]
    [InlineData("Shank-Left", "shank-left")]
    [InlineData("FRONT-POCKET", "front-pocket")]
    [InlineData("l5", "lower-back")]
    [InlineData("Belt", "lower-back")]
    [InlineData("thigh-right", "thigh-right")]
    public void Read_KnownPlacementInAnotherSpelling_GivesTheCanonicalName(string written, string canonical)
    {
        RecordingCsv.Parse(File(written)).Recording.Metadata.Placement.ShouldBe(canonical);
    }

    [Fact]
    public void Read_EveryAcceptedName_ReadsBackUnchanged()
    {
        foreach (var name in RecordingPlacements.Names)
        {
            RecordingCsv.Parse(File(name)).Recording.Metadata.Placement.ShouldBe(name);
        }
    }

    [Fact]
    public void Names_IncludeEveryPlacementGaitAnalysisAccepts()
    {
        // Every --placement of the walking commands can also be read from a file.
        GaitAnalyzer.PlacementNames.ShouldBeSubsetOf(RecordingPlacements.Names);
    }

    [Fact]
    public void Write_UnknownPlacement_ThrowsSoNoFileIsWrittenThatCannotBeRead()
    {
        var recording = WithPlacement("wrist");

        Should.Throw<ArgumentException>(() => RecordingCsv.Format(recording)).Message.ShouldContain("unknown placement 'wrist'");
        Should.Throw<ArgumentException>(() => RecordingBinary.Write(new MemoryStream(), recording)).Message.ShouldContain("unknown placement 'wrist'");
    }

    [Fact]
    public void BinaryRead_UnknownPlacement_ThrowsNamingTheByteOffsetAndTheValue()
    {
        var recording = WithPlacement("hand");
        using var written = new MemoryStream();
        RecordingBinary.Write(written, recording);
        var bytes = written.ToArray();
        var at = bytes.AsSpan().IndexOf("hand"u8);
        "hanx"u8.CopyTo(bytes.AsSpan(at));

        var ex = Should.Throw<RecordingFormatException>(() => RecordingBinary.Read(new MemoryStream(bytes)));

        ex.Message.ShouldStartWith($"byte {at - 2}: unknown placement 'hanx'");
    }

    [Fact]
    public void OxfordImport_UnknownPlacement_ThrowsNamingIt()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("1000000000,0.1,9.8,0.2,0,0,0\n"));

        Should.Throw<ArgumentException>(() => OxfordImporter.Import(stream, "pocket", "test")).Message.ShouldContain("unknown placement 'pocket'");
    }
}
