using System.Numerics;
using System.Runtime.CompilerServices;
using Ambulo.Motion.Filters;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Orientation;

/// <summary>
/// Causal estimate of the gravity direction in the sensor frame, one sample at a time, plus the
/// start-pose calibration. With a gyroscope it is a complementary filter: the previous estimate is
/// rotated by the measured angular velocity and pulled towards the accelerometer with time constant
/// <see cref="OrientationOptions.ComplementaryTimeConstantSeconds"/>. Without one it is the
/// accelerometer low-passed per axis. A mutable struct owned by one stream; no allocation.
/// </summary>
internal struct GravityTracker
{
    private readonly BiquadCoefficients _accLowPass;
    private readonly double _blend;
    private readonly double _keep; // 1 − blend
    private readonly double _nominalDt;
    private readonly double _calibrationSeconds;
    private readonly double _maxBiasRadps;
    private readonly bool _useGyroscope;

    private BiquadMemory _lx, _ly, _lz;
    private double _gx, _gy, _gz;
    private double _sumAx, _sumAy, _sumAz, _sumWx, _sumWy, _sumWz;
    private int _calibrationCount;
    private double _firstTime, _lastTime;
    private bool _started;

    public GravityTracker(OrientationOptions options, double samplingRateHz, bool useGyroscope)
    {
        options.Validate();
        _useGyroscope = useGyroscope;
        _nominalDt = 1 / samplingRateHz;
        _blend = _nominalDt / (options.ComplementaryTimeConstantSeconds + _nominalDt);
        _keep = 1 - _blend;
        _accLowPass = BiquadCoefficients.LowPass(Math.Min(options.AccelerometerOnlyCutoffHz, samplingRateHz * 0.45), samplingRateHz);
        _calibrationSeconds = options.CalibrationSeconds;
        _maxBiasRadps = options.MaximumCalibrationBiasDegreesPerSecond * Math.PI / 180;
    }

    /// <summary>True once the calibration window has passed; <see cref="Reference"/> and <see cref="GyroBias"/> are then set.</summary>
    public bool IsCalibrated { get; private set; }

    /// <summary>Unit gravity direction (pointing up) of the start pose, in the sensor frame.</summary>
    public Vector3D Reference { get; private set; }

    /// <summary>Gyroscope bias found in the calibration window (rad/s), zero if the window was not still.</summary>
    public Vector3D GyroBias { get; private set; }

    /// <summary>Current gravity estimate in the sensor frame (not normalised; about 9.81 m/s² long).</summary>
    public readonly Vector3D Gravity => new(_gx, _gy, _gz);

    /// <summary>Seconds since the previous sample (nominal period for the first one or after a bad timestamp).</summary>
    public double LastDt { get; private set; }

    /// <summary>Bias-corrected angular velocity of the last sample (rad/s, sensor frame).</summary>
    public Vector3D LastAngularVelocity { get; private set; }

    public void Push(in ImuSample sample)
    {
        double ax = sample.AccelerationMps2.X, ay = sample.AccelerationMps2.Y, az = sample.AccelerationMps2.Z;
        var dt = _nominalDt;
        if (_started)
        {
            dt = sample.TimeSeconds - _lastTime;
            if (!(dt > 0) || dt > 5 * _nominalDt)
            {
                dt = _nominalDt;
            }
        }
        else
        {
            _firstTime = sample.TimeSeconds;
            _started = true;
        }

        _lastTime = sample.TimeSeconds;
        LastDt = dt;

        if (!IsCalibrated)
        {
            _sumAx += ax; _sumAy += ay; _sumAz += az;
            _sumWx += sample.AngularVelocityRadps.X; _sumWy += sample.AngularVelocityRadps.Y; _sumWz += sample.AngularVelocityRadps.Z;
            _calibrationCount++;
            LastAngularVelocity = default;
            if (sample.TimeSeconds - _firstTime + _nominalDt >= _calibrationSeconds)
            {
                FinishCalibration();
            }

            return;
        }

        if (_useGyroscope)
        {
            var b = GyroBias;
            double wx = sample.AngularVelocityRadps.X - b.X, wy = sample.AngularVelocityRadps.Y - b.Y, wz = sample.AngularVelocityRadps.Z - b.Z;
            LastAngularVelocity = new Vector3D(wx, wy, wz);
            Advance(ref _gx, ref _gy, ref _gz, wx, wy, wz, ax, ay, az, dt, _keep, _blend);
        }
        else
        {
            _gx = _lx.Process(in _accLowPass, ax);
            _gy = _ly.Process(in _accLowPass, ay);
            _gz = _lz.Process(in _accLowPass, az);
        }
    }

    /// <summary>
    /// Bulk form of <see cref="Push"/> for a calibrated tracker with a gyroscope, the offline and
    /// chunked hot path: pushes samples while each is finite, later than the previous one and no more than
    /// <paramref name="maximumGapSeconds"/> after it, and writes for each the angle
    /// atan2(g·<paramref name="sineAxis"/>, g·<paramref name="cosineAxis"/>) in degrees. The arithmetic is
    /// that of <see cref="Push"/> step for step, so the results are bit-identical. Returns how many samples
    /// were pushed (0 when the tracker is not calibrated, has no gyroscope, or the first sample does not qualify).
    /// The caller low-passes the angles itself: it needs them unfiltered too (a low-pass fused into this loop, writing
    /// both, measured slower than this loop plus the caller's filter).
    /// </summary>
    public int PushAngles(ReadOnlySpan<ImuSample> samples, double maximumGapSeconds, Vector3D sineAxis, Vector3D cosineAxis,
        Span<double> angleDegrees)
    {
        if (!IsCalibrated || !_useGyroscope || !_started)
        {
            return 0;
        }

        double gx = _gx, gy = _gy, gz = _gz, last = _lastTime;
        var b = GyroBias;
        double bx = b.X, by = b.Y, bz = b.Z;
        double sx = sineAxis.X, sy = sineAxis.Y, sz = sineAxis.Z;
        double cx = cosineAxis.X, cy = cosineAxis.Y, cz = cosineAxis.Z;
        double blend = _blend, keep = _keep, nominal = _nominalDt, longest = 5 * _nominalDt;
        double dt = 0, wx = 0, wy = 0, wz = 0;
        var count = Math.Min(samples.Length, angleDegrees.Length);
        var i = 0;
        for (; i < count; i++)
        {
            ref readonly var s = ref samples[i];
            var t = s.TimeSeconds;
            if (!ImuSampleChecks.IsFinite(in s) || !(t > last) || t - last > maximumGapSeconds)
            {
                break;
            }

            dt = t - last;
            if (dt > longest)
            {
                dt = nominal;
            }

            last = t;
            wx = s.AngularVelocityRadps.X - bx;
            wy = s.AngularVelocityRadps.Y - by;
            wz = s.AngularVelocityRadps.Z - bz;
            Advance(ref gx, ref gy, ref gz, wx, wy, wz, s.AccelerationMps2.X, s.AccelerationMps2.Y, s.AccelerationMps2.Z, dt, keep, blend);
            var angle = FastAngle.Atan2Degrees(gx * sx + gy * sy + gz * sz, gx * cx + gy * cy + gz * cz);
            angleDegrees[i] = angle;
        }

        if (i > 0)
        {
            _gx = gx;
            _gy = gy;
            _gz = gz;
            _lastTime = last;
            LastDt = dt;
            LastAngularVelocity = new Vector3D(wx, wy, wz);
        }

        return i;
    }

    /// <summary>
    /// One complementary-filter step. A vector fixed in the world seen from a frame rotating at ω changes by
    /// dg/dt = g × ω; the rotated estimate n = g + (g × ω)·dt is then pulled towards the accelerometer a:
    /// g' = (1 − β)·n + β·a. Written as g' = ((1 − β)·g + β·a) + (g × (1 − β)·dt·ω), so the chain from one
    /// sample's g to the next is a multiply and two adds long instead of six operations (the loop is
    /// latency-bound on that chain). Shared by <see cref="Push"/> and <see cref="PushAngles"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Advance(ref double gx, ref double gy, ref double gz, double wx, double wy, double wz,
        double ax, double ay, double az, double dt, double keep, double blend)
    {
        var scale = keep * dt;
        double px = wx * scale, py = wy * scale, pz = wz * scale;
        double x = gx, y = gy, z = gz;
        gx = (keep * x + blend * ax) + (y * pz - z * py);
        gy = (keep * y + blend * ay) + (z * px - x * pz);
        gz = (keep * z + blend * az) + (x * py - y * px);
    }

    private void FinishCalibration()
    {
        var n = _calibrationCount;
        double mx = _sumAx / n, my = _sumAy / n, mz = _sumAz / n;
        var norm = Math.Sqrt(mx * mx + my * my + mz * mz);
        if (!(norm > 1e-6) || !double.IsFinite(norm))
        {
            // No usable gravity (a zero or broken accelerometer): fall back to the sensor z axis.
            mx = 0; my = 0; mz = 9.81; norm = 9.81;
        }

        Reference = new Vector3D(mx / norm, my / norm, mz / norm);
        var bias = new Vector3D(_sumWx / n, _sumWy / n, _sumWz / n);
        GyroBias = _useGyroscope && bias.Length <= _maxBiasRadps ? bias : default;
        _gx = mx; _gy = my; _gz = mz;
        _lx.Settle(in _accLowPass, mx);
        _ly.Settle(in _accLowPass, my);
        _lz.Settle(in _accLowPass, mz);
        IsCalibrated = true;
    }
}

/// <summary>A small double-precision 3-vector (System.Numerics.Vector3 is single precision).</summary>
public readonly record struct Vector3D(double X, double Y, double Z)
{
    public double Length => Math.Sqrt(X * X + Y * Y + Z * Z);

    public double Dot(Vector3D o) => X * o.X + Y * o.Y + Z * o.Z;

    public Vector3D Cross(Vector3D o) => new(Y * o.Z - Z * o.Y, Z * o.X - X * o.Z, X * o.Y - Y * o.X);

    public Vector3D Normalized()
    {
        var l = Length;
        return l > 0 ? new Vector3D(X / l, Y / l, Z / l) : this;
    }

    public static Vector3D operator *(Vector3D v, double s) => new(v.X * s, v.Y * s, v.Z * s);

    public static Vector3D operator +(Vector3D a, Vector3D b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    public static Vector3D operator -(Vector3D a, Vector3D b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    public static Vector3D From(Vector3 v) => new(v.X, v.Y, v.Z);
}
