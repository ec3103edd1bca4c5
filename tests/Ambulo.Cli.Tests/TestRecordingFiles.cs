using Ambulo.Motion.Recordings;
using Ambulo.Motion.Samples;

namespace Ambulo.Cli.Tests;

/// <summary>Writes synthetic samples as a recording file the CLI reads, for its process tests.</summary>
internal static class TestRecordingFiles
{
    /// <summary>
    /// Writes <paramref name="samples"/> to <paramref name="path"/> as a <paramref name="sensor"/> recording at
    /// <paramref name="placement"/>: accelerometer and gyroscope unless <paramref name="gyroscope"/> is false.
    /// </summary>
    public static void Write(string path, ImuSample[] samples, SensorKind sensor, string placement, double samplingRateHz, bool gyroscope = true) =>
        RecordingCsv.WriteFile(path, new SensorRecording(new RecordingMetadata
        {
            Sensor = sensor,
            Placement = placement,
            SamplingRateHz = samplingRateHz,
            Channels = gyroscope ? SensorChannels.Accelerometer | SensorChannels.Gyroscope : SensorChannels.Accelerometer,
        }, samples));
}
