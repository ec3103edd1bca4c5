namespace Ambulo.Motion.Samples;

/// <summary>Checks shared by the per-sample and bulk paths, so both accept exactly the same samples.</summary>
internal static class ImuSampleChecks
{
    /// <summary>Time, acceleration, angular velocity and force are all finite (the magnetometer is not used by counting).</summary>
    public static bool IsFinite(in ImuSample s) =>
        double.IsFinite(s.TimeSeconds)
        && float.IsFinite(s.AccelerationMps2.X) && float.IsFinite(s.AccelerationMps2.Y) && float.IsFinite(s.AccelerationMps2.Z)
        && float.IsFinite(s.AngularVelocityRadps.X) && float.IsFinite(s.AngularVelocityRadps.Y) && float.IsFinite(s.AngularVelocityRadps.Z)
        && float.IsFinite(s.ForceNewtons);
}
