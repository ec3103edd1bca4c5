using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Recordings.Importers;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Tests;

/// <summary>In-memory recordings for tests that build their samples themselves (synthetic walks, spliced real data).</summary>
internal static class TestRecordings
{
    /// <summary>
    /// A recording of <paramref name="samples"/> at <paramref name="placement"/>: accelerometer and gyroscope unless
    /// <paramref name="gyroscope"/> is false (an acceleration-only phone).
    /// </summary>
    public static SensorRecording Of(ImuSample[] samples, string placement, double samplingRateHz = 100, bool gyroscope = true,
        SensorKind sensor = SensorKind.Imu) => new(new RecordingMetadata
        {
            Sensor = sensor,
            Placement = placement,
            SamplingRateHz = samplingRateHz,
            Channels = gyroscope ? SensorChannels.Accelerometer | SensorChannels.Gyroscope : SensorChannels.Accelerometer,
        }, samples);

    /// <summary>REAL data: the gaitmap walk's two foot IMUs (<c>imu_sample.csv</c>), left then right.</summary>
    public static SensorRecording[] GaitmapFeet()
    {
        var path = TestData.Path("gaitmap-foot-mocap", "data", "imu_sample.csv");
        return
        [
            GaitmapImporter.Import(path, BodySide.Left, GaitmapImporter.ImuSampleRateHz).Recording,
            GaitmapImporter.Import(path, BodySide.Right, GaitmapImporter.ImuSampleRateHz).Recording,
        ];
    }
}
