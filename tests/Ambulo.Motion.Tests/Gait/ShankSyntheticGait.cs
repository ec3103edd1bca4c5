using System.Numerics;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Tests.Gait;

/// <summary>
/// SYNTHETIC shank gyroscope signals with known contact times, from a kinematic model of the shank's sagittal rotation
/// (the model this project's shank detector is tested against; no real shank recording with a reference is available).
/// <para>
/// Sign convention: positive = the lower leg swinging forward (the foot moving ahead of the knee). Over one stride the
/// shank's inclination goes round a closed loop: during stance it turns the other way (negative) at a slow, steady rate
/// as the knee passes over the planted foot; at toe-off (final contact) the knee has flexed fast in pre-swing, which shows as a
/// local minimum of the rate; in swing it rotates forward through its whole excursion in a single large lobe, peaking in
/// mid-swing; at heel strike (initial contact) it is stopped abruptly, a short negative dip (the shape of Aminian et al.
/// 2002, J Biomech 35:689, Fig. 2, and of Salarian et al. 2004, IEEE TBME 51:1434).
/// </para>
/// <para>
/// Model, per swing k from final contact FC_k to initial contact IC_k (duration S, x = (t − FC)/S) and the stance before
/// it (IC_k−1 to FC_k, duration D):
/// a stance plateau −B·w(t), w rising along a half cosine from 0 at the landing to 1 over the first 15 % of the stance,
/// then flat up to toe-off, the backward rotation growing into pre-swing;
/// a swing lobe A·sin(πx) − B·(1 − x)², which starts from the stance's −B and rises to the mid-swing peak;
/// a dip −a_IC·exp(−(t − IC)²/2σ_IC²) at each initial contact and −a_FC·exp(−(t − FC)²/2σ_FC²) at each final contact.
/// B is chosen so that the stance rotates the shank back by exactly the swing's excursion E less the dips, and A so that
/// the lobe rotates it forward by E: the inclination at consecutive initial contacts is the same. The rate's minima fall
/// at the true contacts (each dip is centred on its contact, where the other terms are flat on one side and rising away
/// from it on the other), which is the method's premise; real signals lag the footswitch by about 10 ms at heel strike
/// (Aminian 2002), which this model does not add.
/// The other two axes carry smaller rotations at the stride frequency (about the shank's long axis and its forward axis),
/// all three get white noise, and the whole is turned by the sensor's mounting rotation.
/// </para>
/// </summary>
internal static class ShankSyntheticGait
{
    private const double DegToRad = Math.PI / 180;

    /// <summary>Fraction of the stance over which the backward rotation builds up after a landing (its area is 1 − 0.15/2 of a full plateau).</summary>
    private const double StanceTaper = 0.15;

    /// <summary>The shape of one leg's signal.</summary>
    /// <param name="SwingExcursionDegrees">Forward rotation of the shank in each swing (model values: 65° for the healthy leg, 35° for
    /// the slow one; not measurements).</param>
    /// <param name="InitialContactDipDegreesPerSecond">Depth of the heel-strike dip.</param>
    /// <param name="FinalContactDipDegreesPerSecond">Depth of the pre-swing minimum at toe-off.</param>
    /// <param name="InitialContactDipSeconds">Width (standard deviation) of the heel-strike dip.</param>
    /// <param name="FinalContactDipSeconds">Width of the toe-off minimum.</param>
    public sealed record Leg(
        double SwingExcursionDegrees = 65,
        double InitialContactDipDegreesPerSecond = 100,
        double FinalContactDipDegreesPerSecond = 80,
        double InitialContactDipSeconds = 0.03,
        double FinalContactDipSeconds = 0.05)
    {
        public static Leg Healthy { get; } = new();

        /// <summary>A slow or paretic leg: a small swing and blunt, shallow contacts.</summary>
        public static Leg Slow { get; } = new(SwingExcursionDegrees: 35, InitialContactDipDegreesPerSecond: 30, FinalContactDipDegreesPerSecond: 25,
            InitialContactDipSeconds: 0.06, FinalContactDipSeconds: 0.08);
    }

    /// <summary>One swing: it leaves the ground at <paramref name="FinalContact"/> and lands at <paramref name="InitialContact"/>.</summary>
    public readonly record struct SwingEvents(double FinalContact, double InitialContact);

    /// <summary>
    /// Regular walking of one leg: <paramref name="swings"/> swings, the first landing at <paramref name="firstInitialContact"/>,
    /// <paramref name="strideSeconds"/> apart, stance <paramref name="stanceFraction"/> of the stride.
    /// </summary>
    public static List<SwingEvents> Regular(int swings, double firstInitialContact, double strideSeconds, double stanceFraction)
    {
        var swing = strideSeconds * (1 - stanceFraction);
        return [.. Enumerable.Range(0, swings).Select(k =>
        {
            var ic = firstInitialContact + (k * strideSeconds);
            return new SwingEvents(ic - swing, ic);
        })];
    }

    /// <summary>Stride seconds for a cadence in steps per minute (both legs' steps): 120 / cadence.</summary>
    public static double StrideSecondsAt(double stepsPerMinute) => 120 / stepsPerMinute;

    /// <summary>
    /// Samples at <paramref name="rateHz"/> for <paramref name="durationSeconds"/>: the leg walks <paramref name="swings"/> with
    /// <paramref name="leg"/>'s shape; excursion of swing k scaled by <paramref name="excursionScale"/>[k] when given
    /// (irregular swings); white noise of standard deviation <paramref name="noiseDegreesPerSecond"/> on every gyroscope axis;
    /// the model's medio-lateral axis is the sensor's y axis before <paramref name="mounting"/> turns it.
    /// </summary>
    public static ImuSample[] Signal(IReadOnlyList<SwingEvents> swings, double durationSeconds, double rateHz = 100, Leg? leg = null,
        double noiseDegreesPerSecond = 2, int seed = 1, Quaternion? mounting = null, IReadOnlyList<double>? excursionScale = null)
    {
        leg ??= Leg.Healthy;
        var rotation = mounting ?? Quaternion.Identity;
        var random = new Random(seed);
        var n = (int)Math.Round(durationSeconds * rateHz);
        var sagittal = new double[n];
        var dipArea = Math.Sqrt(2 * Math.PI) * ((leg.InitialContactDipDegreesPerSecond * leg.InitialContactDipSeconds) + (leg.FinalContactDipDegreesPerSecond * leg.FinalContactDipSeconds));
        for (var k = 0; k < swings.Count; k++)
        {
            var (fc, ic) = (swings[k].FinalContact, swings[k].InitialContact);
            var s = ic - fc;
            var excursion = leg.SwingExcursionDegrees * (excursionScale is null ? 1 : excursionScale[k]);

            // The stance before this swing (from the previous landing) rotates the shank back by what this swing and the
            // dips rotate it forward; its plateau B carries on into the swing lobe and fades out by mid-swing.
            var plateau = 0.0;
            if (k > 0)
            {
                var previousIc = swings[k - 1].InitialContact;
                var d = fc - previousIc;
                plateau = Math.Max(0, (excursion - dipArea) / (d * (1 - (StanceTaper / 2))));
                for (var i = Math.Max(0, (int)(previousIc * rateHz) - 1); i < n && i / rateHz < fc; i++)
                {
                    sagittal[i] -= plateau * TaperIn(((i / rateHz) - previousIc) / d);
                }
            }

            var amplitude = Math.PI * (excursion + (plateau * s / 3)) / (2 * s);
            for (var i = Math.Max(0, (int)(fc * rateHz) - 1); i < n && i / rateHz <= ic; i++)
            {
                var x = ((i / rateHz) - fc) / s;
                if (x >= 0)
                {
                    sagittal[i] += (amplitude * Math.Sin(Math.PI * x)) - (plateau * (1 - x) * (1 - x));
                }
            }

            AddDip(sagittal, rateHz, ic, leg.InitialContactDipDegreesPerSecond, leg.InitialContactDipSeconds);
            AddDip(sagittal, rateHz, fc, leg.FinalContactDipDegreesPerSecond, leg.FinalContactDipSeconds);
        }

        var strideSeconds = swings.Count > 1 ? (swings[^1].InitialContact - swings[0].InitialContact) / (swings.Count - 1) : 1.1;
        var typicalPeak = swings.Count > 0 ? Math.PI * leg.SwingExcursionDegrees / (2 * (swings[0].InitialContact - swings[0].FinalContact)) : 0;
        var samples = new ImuSample[n];
        for (var i = 0; i < n; i++)
        {
            var t = i / rateHz;
            var walking = swings.Count > 0 && t > swings[0].FinalContact - 0.3 && t < swings[^1].InitialContact + 0.3;
            var phase = 2 * Math.PI * t / strideSeconds;
            var longAxis = walking ? 0.15 * typicalPeak * Math.Sin(phase) : 0;
            var forwardAxis = walking ? 0.1 * typicalPeak * Math.Sin(phase + 1) : 0;
            var gyroDegrees = new Vector3(
                (float)(forwardAxis + (noiseDegreesPerSecond * Gaussian(random))),
                (float)(sagittal[i] + (noiseDegreesPerSecond * Gaussian(random))),
                (float)(longAxis + (noiseDegreesPerSecond * Gaussian(random))));
            var gyro = gyroDegrees * (float)DegToRad;
            samples[i] = new ImuSample(t, Vector3.Transform(new Vector3(0, 0, 9.81f), rotation), Vector3.Transform(gyro, rotation));
        }

        return samples;
    }

    /// <summary>A sensor on a standing person: slow postural sway of a few °/s and noise.</summary>
    public static ImuSample[] Standing(double durationSeconds, double rateHz = 100, int seed = 3)
    {
        var random = new Random(seed);
        var n = (int)Math.Round(durationSeconds * rateHz);
        var samples = new ImuSample[n];
        for (var i = 0; i < n; i++)
        {
            var t = i / rateHz;
            var sway = 3 * Math.Sin(2 * Math.PI * 0.3 * t);
            var gyro = new Vector3((float)(2 * Gaussian(random)), (float)(sway + (2 * Gaussian(random))), (float)(2 * Gaussian(random))) * (float)DegToRad;
            samples[i] = new ImuSample(t, new Vector3(0, 0, 9.81f), gyro);
        }

        return samples;
    }

    /// <summary>
    /// Random leg movement that is not walking: on each axis white noise smoothed by a one-pole low-pass at
    /// <paramref name="bandHz"/> and scaled to a standard deviation of <paramref name="rmsDegreesPerSecond"/> (fidgeting,
    /// being driven over a rough road). With <paramref name="sagittalOnly"/> all of it is about the y axis, the axis the
    /// walking model turns about (the hardest case for the detector: every rotation looks like flexion–extension).
    /// </summary>
    public static ImuSample[] RandomMotion(double durationSeconds, int seed, double rmsDegreesPerSecond = 80, double bandHz = 2, double rateHz = 100,
        bool sagittalOnly = false)
    {
        var random = new Random(seed);
        var n = (int)Math.Round(durationSeconds * rateHz);
        var alpha = 1 - Math.Exp(-2 * Math.PI * bandHz / rateHz);
        var axes = new double[3][];
        for (var a = 0; a < 3; a++)
        {
            axes[a] = new double[n];
            double state = 0;
            for (var i = 0; i < n; i++)
            {
                state += alpha * (Gaussian(random) - state);
                axes[a][i] = state;
            }

            var rms = Math.Sqrt(axes[a].Average(v => v * v));
            for (var i = 0; i < n; i++)
            {
                axes[a][i] *= rmsDegreesPerSecond / rms;
            }
        }

        var samples = new ImuSample[n];
        for (var i = 0; i < n; i++)
        {
            var gyro = sagittalOnly
                ? new Vector3(0, (float)axes[1][i], 0) * (float)DegToRad
                : new Vector3((float)axes[0][i], (float)axes[1][i], (float)axes[2][i]) * (float)DegToRad;
            samples[i] = new ImuSample(i / rateHz, new Vector3(0, 0, 9.81f), gyro);
        }

        return samples;
    }

    private static void AddDip(double[] signal, double rateHz, double center, double depth, double width)
    {
        var from = Math.Max(0, (int)((center - (5 * width)) * rateHz));
        var to = Math.Min(signal.Length - 1, (int)((center + (5 * width)) * rateHz));
        for (var i = from; i <= to; i++)
        {
            var d = (i / rateHz) - center;
            signal[i] -= depth * Math.Exp(-d * d / (2 * width * width));
        }
    }

    /// <summary>0 at the landing, rising along a half cosine (flat at both ends) to 1 over the first <see cref="StanceTaper"/> of the stance.</summary>
    private static double TaperIn(double u) => u < 0 ? 0 : u < StanceTaper ? 0.5 * (1 - Math.Cos(Math.PI * u / StanceTaper)) : 1;

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
