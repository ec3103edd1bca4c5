using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Orientation;

/// <summary>Which quantity of a segment's movement is tracked.</summary>
public enum MovementSignal
{
    /// <summary>Inclination in the sagittal plane (segment pitch).</summary>
    Pitch,
    /// <summary>Inclination in the frontal plane (segment roll).</summary>
    Roll,
    /// <summary>Turning about the vertical (heading); needs a gyroscope, gravity cannot see it.</summary>
    Yaw,
    /// <summary>Force on a pressure sensor (puck).</summary>
    Force,
}

/// <summary>
/// Turns raw samples into one number per sample that rises and falls with the exercise:
/// <list type="bullet">
/// <item>Pitch and roll: the inclination of the segment from its start pose, measured about the
/// movement axis. That axis is learned from the first movement larger than <c>lockAngleDegrees</c>
/// (that movement is positive) and re-learned whenever the tilt doubles, until the first repetition
/// is counted; so the sensor may be strapped at any
/// angle and turned any way round the limb; pitch and roll are then the same computation and the
/// catalogue's choice only documents which plane the exercise moves in.</item>
/// <item>Yaw: the bias-corrected angular velocity about the start-pose vertical, integrated.</item>
/// <item>Force: the force change from the calibration window's mean, in newtons.</item>
/// </list>
/// A mutable struct owned by one stream; no allocation.
/// </summary>
internal struct MovementAngleTracker
{
    private const double RadToDeg = 180 / Math.PI;
    private readonly MovementSignal _signal;
    private readonly double _lockTan2;
    private readonly double _lockDegrees;
    private GravityTracker _gravity;
    private Vector3D _axisTerm; // a × u0: its dot with g gives the sine part of the angle about a
    private bool _locked;
    private bool _refined;
    private double _lockRatio; // tan² of the tilt at which the axis was last locked
    private double _heading;
    private double _sign;
    private double _forceSum;
    private int _forceCount;
    private double _forceReference;

    public MovementAngleTracker(MovementSignal signal, OrientationOptions options, double samplingRateHz, bool hasGyroscope, double lockAngleDegrees)
    {
        if (signal == MovementSignal.Yaw && !hasGyroscope)
        {
            throw new ArgumentException("yaw (turning about the vertical) needs a gyroscope; this recording has none", nameof(hasGyroscope));
        }

        _signal = signal;
        _gravity = new GravityTracker(options, samplingRateHz, hasGyroscope);
        var t = Math.Tan(lockAngleDegrees * Math.PI / 180);
        _lockTan2 = t * t;
        _lockDegrees = lockAngleDegrees;
        _sign = 1;
    }

    public readonly bool IsCalibrated => _gravity.IsCalibrated;

    /// <summary>True once the movement axis (or turning direction) is known.</summary>
    public readonly bool IsAxisLocked => _locked;

    /// <summary>Fixes the movement axis for good (the detector calls this when it counts the first repetition).</summary>
    public void FinishAxisRefinement()
    {
        if (_locked)
        {
            _refined = true;
        }
    }

    /// <summary>
    /// True when <see cref="PushAngles"/> can run: a pitch or roll tracker, calibrated, with a gyroscope,
    /// whose movement axis is fixed for good.
    /// </summary>
    public readonly bool CanPushAngles => _refined && (_signal is MovementSignal.Pitch or MovementSignal.Roll) && _gravity.IsCalibrated;

    /// <summary>
    /// Bulk form of <see cref="Push"/> once <see cref="CanPushAngles"/> holds (see <see cref="GravityTracker.PushAngles"/>):
    /// bit-identical angles for the samples it accepts, written to <paramref name="angleDegrees"/>; returns how many it pushed.
    /// </summary>
    public int PushAngles(ReadOnlySpan<ImuSample> samples, double maximumGapSeconds, Span<double> angleDegrees) =>
        CanPushAngles ? _gravity.PushAngles(samples, maximumGapSeconds, _axisTerm, _gravity.Reference, angleDegrees) : 0;

    /// <summary>Feeds one sample; returns the tracked value (degrees or newtons), 0 until calibrated; unsigned until the axis is locked.</summary>
    public double Push(in ImuSample sample)
    {
        var wasCalibrated = _gravity.IsCalibrated;
        _gravity.Push(in sample);
        if (_signal == MovementSignal.Force)
        {
            if (!wasCalibrated)
            {
                _forceSum += sample.ForceNewtons;
                _forceCount++;
                if (_gravity.IsCalibrated)
                {
                    _forceReference = _forceSum / _forceCount;
                }

                return 0;
            }

            return sample.ForceNewtons - _forceReference;
        }

        if (!wasCalibrated)
        {
            return 0;
        }

        if (_signal == MovementSignal.Yaw)
        {
            _heading += _gravity.LastAngularVelocity.Dot(_gravity.Reference) * _gravity.LastDt * RadToDeg;
            if (!_locked && Math.Abs(_heading) >= _lockDegrees)
            {
                _locked = true;
                _sign = _heading >= 0 ? 1 : -1;
            }

            // Before the direction is known the magnitude is reported, so the value is continuous at the lock.
            return _locked ? _sign * _heading : Math.Abs(_heading);
        }

        var g = _gravity.Gravity;
        var u0 = _gravity.Reference;
        if (!_refined)
        {
            // Until the first repetition is counted, the axis follows the largest tilt seen: a small
            // wobble about another axis before the exercise starts must not fix the movement axis.
            var c = g.Dot(u0);
            var cross = u0.Cross(g);
            var s2 = cross.Dot(cross);
            var threshold = _locked ? 4 * _lockRatio : _lockTan2;
            if (c <= 0 || s2 >= threshold * c * c)
            {
                _locked = true;
                _lockRatio = c > 0 ? s2 / (c * c) : double.MaxValue;
                _axisTerm = cross.Normalized().Cross(u0);
            }
            else
            {
                // Before the axis is known the tilt magnitude is reported, so the value is continuous at the lock.
                return FastAngle.Atan2Degrees(Math.Sqrt(s2), c);
            }
        }

        return FastAngle.Atan2Degrees(g.Dot(_axisTerm), g.Dot(u0));
    }
}
