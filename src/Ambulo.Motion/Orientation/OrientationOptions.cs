namespace Ambulo.Motion.Orientation;

/// <summary>
/// Settings of the segment-orientation estimate. JSON-serialisable, so a stored result says how it was made.
/// </summary>
public sealed record OrientationOptions
{
    /// <summary>
    /// Length of the still period at the start of a recording or stream. Its mean acceleration gives the
    /// sensor-to-segment alignment (the start pose is 0°) and, with a gyroscope, its mean angular
    /// velocity gives the gyroscope bias.
    /// </summary>
    public double CalibrationSeconds { get; init; } = 1.0;

    /// <summary>
    /// Complementary filter time constant: how long the gyroscope is trusted before the
    /// accelerometer's gravity direction pulls the estimate back. Longer ignores more of the
    /// movement's own acceleration; shorter corrects gyroscope drift faster.
    /// </summary>
    public double ComplementaryTimeConstantSeconds { get; init; } = 1.0;

    /// <summary>Without a gyroscope, gravity is the accelerometer low-passed at this cut-off.</summary>
    public double AccelerometerOnlyCutoffHz { get; init; } = 2.0;

    /// <summary>
    /// The calibration window is treated as still (and its mean angular velocity used as gyroscope
    /// bias) only if that mean is below this rate.
    /// </summary>
    public double MaximumCalibrationBiasDegreesPerSecond { get; init; } = 3.0;

    /// <summary>Defaults for body-worn phones and IMUs at 50–200 Hz.</summary>
    public static OrientationOptions Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        Require(CalibrationSeconds is > 0 and <= 10, nameof(CalibrationSeconds), "must be in (0, 10] s");
        Require(ComplementaryTimeConstantSeconds is > 0 and <= 100, nameof(ComplementaryTimeConstantSeconds), "must be in (0, 100] s");
        Require(AccelerometerOnlyCutoffHz > 0, nameof(AccelerometerOnlyCutoffHz), "must be positive");
        Require(MaximumCalibrationBiasDegreesPerSecond >= 0, nameof(MaximumCalibrationBiasDegreesPerSecond), "must not be negative");
    }

    private static void Require(bool ok, string name, string rule)
    {
        if (!ok)
        {
            throw new ArgumentException($"orientation option {name} {rule}", name);
        }
    }
}
