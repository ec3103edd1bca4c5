using System.Numerics;

namespace Ambulo.Motion.Samples;

/// <summary>
/// One reading of a body-worn sensor, in the sensor frame. Channels the sensor lacks are zero and
/// marked absent in <see cref="SensorChannels"/> of the recording, so the struct stays fixed-size
/// and arrays of it can be processed with spans and no per-sample allocation.
/// </summary>
/// <param name="TimeSeconds">Seconds since the start of the recording.</param>
/// <param name="AccelerationMps2">Specific force in m/s², gravity included (a still sensor reads about 9.81 upward).</param>
/// <param name="AngularVelocityRadps">Angular velocity in rad/s.</param>
/// <param name="MagneticFieldMicroTesla">Magnetic field in µT.</param>
/// <param name="ForceNewtons">Force on a pressure sensor (puck), in N.</param>
public readonly record struct ImuSample(
    double TimeSeconds,
    Vector3 AccelerationMps2,
    Vector3 AngularVelocityRadps = default,
    Vector3 MagneticFieldMicroTesla = default,
    float ForceNewtons = 0f);

/// <summary>Which channels a recording carries.</summary>
[Flags]
public enum SensorChannels
{
    None = 0,
    Accelerometer = 1,
    Gyroscope = 2,
    Magnetometer = 4,
    Force = 8,
}
