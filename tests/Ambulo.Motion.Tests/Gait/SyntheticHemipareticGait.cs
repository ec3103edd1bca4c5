using System.Numerics;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Tests.Gait;

/// <summary>How the synthetic walker uses a walking aid.</summary>
public enum WalkingAid
{
    /// <summary>No aid.</summary>
    None,

    /// <summary>Two-point cane pattern: the cane (held on the sound side) is set down together with the paretic foot.</summary>
    Cane,

    /// <summary>
    /// Three-point step-to pattern: cane, then the paretic foot, then the sound foot brought up beside it (a short step).
    /// The cane lands in the middle of the paretic step interval, where a careless detector would see a step.
    /// </summary>
    StepToWithCane,
}

/// <summary>Where the synthetic sensor is worn.</summary>
public enum HemipareticPlacement { LowerBack, PocketPareticSide, PocketSoundSide, Hand, FootParetic, FootSound }

/// <summary>
/// A SYNTHETIC hemiparetic walker (seeded, reproducible). Clinical anchors come from the project's clinical reference
/// (<c>clinical-reference.md</c>, cited below as CR with its section); every other magnitude is an engineering
/// assumption [ENG], chosen to be physically plausible and stated where it is used. Synthetic data is weak evidence
/// about people: it guards against regressions on gait shapes we can describe, not against the ones we cannot.
/// </summary>
/// <param name="CadenceStepsPerMinute">Mean cadence. CR §2.2/§4 header: typical healthy cadence is 80–110 steps/min and
/// temporal asymmetry goes with slower walking (Patterson 2008); the grid spans 40–90 (well below to just inside healthy).</param>
/// <param name="StepTimeAsymmetry">Larger / smaller step time (the CR §2.2 symmetry ratio). CR: "normal" upper limits of
/// the ratios are about 1.05–1.08 [R], so 1.1 is just abnormal and 2.0 is a strongly asymmetric gait. Which side takes the
/// longer step alternates with the seed (the CR defines the ratio larger/smaller, not which side is larger).</param>
/// <param name="PareticBounceFraction">Trunk bounce (vertical acceleration peak) of a paretic-leg step relative to a sound
/// one; 0.25–0.6 in the grid [ENG: weaker push-off and loading of the paretic leg, CR §2.2 links temporal asymmetry to
/// poorer leg/foot motor recovery]. The same fraction scales the paretic leg's own signals (pocket on that thigh, foot).</param>
/// <param name="Aid">Walking aid; CR §4.5: the three-point pattern (cane → paretic foot → other foot) is used early for
/// stability, the two-point pattern later.</param>
/// <param name="Seed">Everything random (timing jitter, amplitudes, noise, which leg starts, sensor mounting) follows it.</param>
/// <param name="Bouts">Walking bouts separated by standing pauses (pauses and starts).</param>
/// <param name="StrideTimeCv">Stride-to-stride variability of stride time (coefficient of variation) [ENG: 5 % default,
/// above the 2–3 % usual in healthy walkers; the CR has no figure].</param>
/// <param name="SoundBounceMps2">Sound-leg step bounce of the trunk in m/s² [ENG: 1.0–2.0 m/s² at these slow speeds;
/// 2.5–4 m/s² is common at brisk healthy speed].</param>
internal sealed record HemipareticWalk(
    double CadenceStepsPerMinute = 60,
    double StepTimeAsymmetry = 1.5,
    double PareticBounceFraction = 0.4,
    WalkingAid Aid = WalkingAid.None,
    int Seed = 1,
    int Bouts = 3,
    double StrideTimeCv = 0.05,
    double SoundBounceMps2 = 1.5)
{
    public override string ToString() =>
        FormattableString.Invariant($"{CadenceStepsPerMinute:0} spm, ratio {StepTimeAsymmetry:0.0#}, paretic {PareticBounceFraction:0.0#}, {Aid}, seed {Seed}");
}

/// <summary>One true step: its initial contact, which leg, how strong, its bout and whether it closes the bout.</summary>
/// <param name="StepSeconds">Time to the next contact of the bout (for the closing step: its own step time).</param>
/// <param name="PreviousContactSeconds">The other foot's contact before this one (for the first step of a bout: null).</param>
internal readonly record struct SyntheticStep(double ContactSeconds, bool Paretic, double Strength, int Bout, bool Closing, double StepSeconds,
    double? PreviousContactSeconds);

/// <summary>A synthetic recording and its truth.</summary>
internal sealed record SyntheticHemipareticRecording(ImuSample[] Samples, double SamplingRateHz, IReadOnlyList<SyntheticStep> Steps, BodySide PareticSide)
{
    /// <summary>Initial-contact times, optionally only one leg's, optionally without the closing step of each bout.</summary>
    public List<double> Contacts(bool? paretic = null, bool includeClosing = true) =>
        Steps.Where(s => (paretic is null || s.Paretic == paretic) && (includeClosing || !s.Closing)).Select(s => s.ContactSeconds).ToList();
}

/// <summary>
/// Generates the SYNTHETIC walker of <see cref="HemipareticWalk"/> as seen by a sensor at one placement. The trunk
/// (lower back, pocket, hand) sees one vertical bounce per step shortly after initial contact, zero-mean over the step
/// (the centre of mass has no net vertical velocity over a step), so the gravity estimate of the detectors is not
/// biased by the bounces. A foot sees one swing lobe of its medio-lateral angular rate per stride.
/// </summary>
internal static class SyntheticHemipareticGait
{
    private const float DegToRad = MathF.PI / 180;

    /// <summary>Standing pause between bouts, s [ENG: longer than every preset's longest step, so a pause ends a bout].</summary>
    private const double MinimumPauseSeconds = 3.5;

    /// <summary>
    /// Double support after each contact, as a fraction of the stride. CR §4 header: about 20 % of the cycle in
    /// healthy walking (10 % after each contact) [S]; slow walkers spend longer in it [ENG: 15 % after each contact].
    /// </summary>
    private const double DoubleSupportFraction = 0.15;

    public static SyntheticHemipareticRecording Generate(HemipareticWalk walk, HemipareticPlacement placement)
    {
        var random = new Random(walk.Seed * 7919 + (int)placement);
        var steps = Timeline(walk, new Random(walk.Seed));
        var pareticSide = walk.Seed % 4 < 2 ? BodySide.Left : BodySide.Right;
        var end = steps[^1].ContactSeconds + 3.0;
        return placement switch
        {
            HemipareticPlacement.LowerBack => new(Trunk(walk, steps, end, random, pareticSide, placement), 100, steps, pareticSide),
            HemipareticPlacement.FootParetic or HemipareticPlacement.FootSound =>
                new(Foot(walk, steps, end, random, placement == HemipareticPlacement.FootParetic), 100, steps, pareticSide),
            _ => new(Trunk(walk, steps, end, random, pareticSide, placement), 100, steps, pareticSide),
        };
    }

    /// <summary>
    /// True steps: bouts of 6–10 strides plus the closing step, separated by standing pauses of 3.5–7 s. Gait initiation
    /// is slower and weaker (first two steps 20 % longer, bounce 70 % and 85 %) and the closing step is weak (60 %)
    /// [ENG]. Stride time varies by <see cref="HemipareticWalk.StrideTimeCv"/> from stride to stride (Gaussian, clipped at
    /// 2.5 CV), each step by a further 0.3 CV; bounce strength by 10 % from step to step.
    /// </summary>
    internal static List<SyntheticStep> Timeline(HemipareticWalk walk, Random random)
    {
        var stride = 120 / walk.CadenceStepsPerMinute;
        var r = walk.StepTimeAsymmetry;
        var pareticLonger = walk.Seed % 2 == 1;
        var longStep = stride * r / (1 + r);
        var shortStep = stride / (1 + r);
        var pareticStep = pareticLonger ? longStep : shortStep;
        var soundStep = pareticLonger ? shortStep : longStep;
        var steps = new List<SyntheticStep>();
        var t = 2.0 + random.NextDouble();
        for (var b = 0; b < walk.Bouts; b++)
        {
            var count = 2 * (6 + random.Next(5)) + 1;
            var paretic = random.Next(2) == 0;
            var strideFactor = 1.0;
            double? previous = null;
            for (var k = 0; k < count; k++)
            {
                if (k % 2 == 0)
                {
                    strideFactor = 1 + walk.StrideTimeCv * Gauss(random, 2.5);
                }

                // The step that ends at the next contact belongs to the next leg; its duration is that leg's step time.
                var nextParetic = !paretic;
                var interval = (nextParetic ? pareticStep : soundStep) * strideFactor * (1 + 0.3 * walk.StrideTimeCv * Gauss(random, 2.5));
                if (k < 2)
                {
                    interval *= 1.2;
                }

                var strength = (paretic ? walk.PareticBounceFraction : 1) * (1 + 0.1 * Gauss(random, 2.5));
                if (!paretic && walk.Aid == WalkingAid.StepToWithCane)
                {
                    // Step-to: the sound foot only comes up beside the paretic one, a short step with a smaller bounce [ENG].
                    strength *= 0.8;
                }

                strength *= k switch { 0 => 0.7, 1 => 0.85, _ => 1 };
                var closing = k == count - 1;
                if (closing)
                {
                    strength *= 0.6;
                }

                steps.Add(new SyntheticStep(t, paretic, strength, b, closing, interval, previous));
                previous = t;
                if (!closing)
                {
                    t += interval;
                }

                paretic = nextParetic;
            }

            t += MinimumPauseSeconds + 3.5 * random.NextDouble();
        }

        return steps;
    }

    /// <summary>
    /// A trunk-coupled sensor (lower back on a belt, phone in a front trouser pocket, phone held in the hand) at 100 Hz
    /// (phones: jittered ±20 % around 10 ms, as phones deliver samples). The placement decides what adds to the trunk
    /// bounce (all [ENG]):
    /// lower back: the bounce as it is, a pelvis yaw rate alternating with the stepping side, lateral sway;
    /// pocket: the bounce plus the pocket leg's own heel-strike jolt (sound leg 1.2 × the sound bounce, paretic leg
    /// scaled by the paretic fraction: a flat, slow paretic landing jolts less) and its thigh's forward swing
    /// acceleration; the phone pitches with the thigh (±20°, paretic thigh less);
    /// hand: the bounce damped by the arm (× 0.7) plus slow arm sway.
    /// Cane strikes add a small jolt (0.12 × the sound bounce on the trunk); standing pauses hold one weight shift
    /// (a slow 0.3 × sound-bounce bump) and postural sway.
    /// </summary>
    private static ImuSample[] Trunk(HemipareticWalk walk, List<SyntheticStep> steps, double end, Random random, BodySide pareticSide, HemipareticPlacement placement)
    {
        var phone = placement != HemipareticPlacement.LowerBack;
        var times = new List<double>();
        for (var t = 0.0; t < end; t += phone ? (0.8 + 0.4 * random.NextDouble()) / 100 : 0.01)
        {
            times.Add(t);
        }

        var n = times.Count;
        var vertical = new double[n];
        var forward = new double[n];
        var lateral = new double[n];
        var yaw = new double[n];
        var pitch = new double[n];
        var a0 = walk.SoundBounceMps2;
        var gain = placement == HemipareticPlacement.Hand ? 0.7 : 1.0;
        var stride = 120 / walk.CadenceStepsPerMinute;
        bool? pocketParetic = placement switch
        {
            HemipareticPlacement.PocketPareticSide => true,
            HemipareticPlacement.PocketSoundSide => false,
            _ => null,
        };

        foreach (var s in steps)
        {
            var amplitude = gain * a0 * s.Strength;

            // Bounce: a peak 50 ms after contact (loading), wider for slower steps, balanced by a broad dip mid-step.
            var sigma = Math.Clamp(0.06 * s.StepSeconds / 0.55, 0.06, 0.12);
            var sigmaDip = 0.22 * s.StepSeconds;
            AddGauss(times, vertical, s.ContactSeconds + 0.05, sigma, amplitude);
            AddGauss(times, vertical, s.ContactSeconds + 0.05 + 0.45 * s.StepSeconds, sigmaDip, -amplitude * sigma / sigmaDip);

            // Pelvis yaw rate alternates with the stepping side (positive at a right contact); lateral sway toward the stance leg.
            var right = s.Paretic == (pareticSide == BodySide.Right);
            AddGauss(times, yaw, s.ContactSeconds, 0.15, (right ? 0.35 : -0.35) * (s.Paretic ? 0.7 : 1));
            AddGauss(times, lateral, s.ContactSeconds + 0.3 * s.StepSeconds, 0.25 * s.StepSeconds, (right ? 0.3 : -0.3) * amplitude);

            if (pocketParetic is { } pp && s.Paretic == pp)
            {
                // The pocket leg's own heel strike (a sharp jolt) and its thigh swinging forward before it.
                var legStrength = 1.2 * s.Strength;
                AddGauss(times, vertical, s.ContactSeconds + 0.02, 0.03, a0 * legStrength);
                AddGauss(times, vertical, s.ContactSeconds + 0.12, 0.09, -a0 * legStrength / 3);
                var swingStart = s.PreviousContactSeconds is { } p ? p + DoubleSupportFraction * stride : s.ContactSeconds - 0.5 * s.StepSeconds;
                var swing = Math.Max(0.2, s.ContactSeconds - swingStart);
                var swingAmplitude = (s.Paretic ? walk.PareticBounceFraction : 1) * 1.0;
                AddSine(times, forward, swingStart, s.ContactSeconds, 2, swingAmplitude);
                AddSine(times, pitch, swingStart, s.ContactSeconds, 2, (s.Paretic ? 0.6 : 1) * 20 * DegToRad * Math.PI / swing);
            }

            if (walk.Aid != WalkingAid.None && s.Paretic && s.PreviousContactSeconds is { } before)
            {
                // Cane strike: with the paretic foot (two-point) or before it, mid-interval (three-point step-to).
                var cane = walk.Aid == WalkingAid.Cane ? s.ContactSeconds - 0.08 : before + 0.4 * (s.ContactSeconds - before);
                AddGauss(times, vertical, cane, 0.03, 0.12 * gain * a0);
                AddGauss(times, vertical, cane + 0.06, 0.08, -0.12 * gain * a0 * 0.03 / 0.08);
            }
        }

        // One weight shift in every standing pause.
        for (var k = 1; k < steps.Count; k++)
        {
            if (steps[k].Bout != steps[k - 1].Bout)
            {
                var mid = (steps[k - 1].ContactSeconds + steps[k].ContactSeconds) / 2;
                AddGauss(times, vertical, mid, 0.15, 0.3 * gain * a0);
                AddGauss(times, vertical, mid + 0.3, 0.3, -0.15 * gain * a0);
            }
        }

        var sway = Sway(random, times, 0.04);
        var armSway = placement == HemipareticPlacement.Hand ? Sway(random, times, 0.15) : null;
        var mounting = Quaternion.CreateFromYawPitchRoll((float)(random.NextDouble() * 6.28), (float)(random.NextDouble() * 6.28), (float)(random.NextDouble() * 6.28));
        var samples = new ImuSample[n];
        var thighAngle = 0.0;
        for (var i = 0; i < n; i++)
        {
            var noise = (random.NextDouble() - 0.5) * 0.2;
            var world = new Vector3((float)forward[i], (float)lateral[i], (float)(9.81 + vertical[i] + sway[i] + (armSway?[i] ?? 0) + noise));
            var worldGyro = new Vector3(0, (float)pitch[i], (float)yaw[i]);
            if (i > 0)
            {
                thighAngle += pitch[i] * (times[i] - times[i - 1]);
            }

            // The sensor frame: fixed mounting, and for the pocket also the thigh's pitch about the lateral axis.
            var orientation = pocketParetic is null ? mounting : Quaternion.Concatenate(Quaternion.CreateFromAxisAngle(Vector3.UnitY, (float)thighAngle), mounting);
            var toSensor = Quaternion.Inverse(orientation);
            samples[i] = new ImuSample(times[i], Vector3.Transform(world, toSensor), Vector3.Transform(worldGyro, toSensor));
        }

        return samples;
    }

    /// <summary>
    /// A foot IMU at 100 Hz. Medio-lateral angular rate per stride of that foot: a push-off lobe before toe-off, the
    /// swing lobe (negative) from toe-off to initial contact, a heel-rocker lobe after contact. The swing lobe's peak is
    /// π/2 × (foot pitch excursion / swing time) so slow, short swings are weak: excursion 60° for the sound foot
    /// [ENG: CR §4 header, about 20–25° plantarflexion at toe-off to neutral plus the shank's forward rotation], the
    /// paretic foot 60° × (0.5 + 0.5 × paretic fraction) (foot drop and stiff knee: less rotation). Swing starts after the
    /// double support that follows the other foot's contact. Foot drop: little dorsiflexion at contact, so the paretic
    /// heel-rocker lobe is small (0.15 × swing peak, sound 0.5) and the push-off weak (0.3, sound 0.6). The paretic
    /// swing also circumducts: a yaw/roll component of 30 % of the swing peak [ENG].
    /// </summary>
    private static ImuSample[] Foot(HemipareticWalk walk, List<SyntheticStep> steps, double end, Random random, bool paretic)
    {
        var n = (int)(end * 100);
        var times = Enumerable.Range(0, n).Select(i => i / 100.0).ToList();
        var ml = new double[n];
        var other = new double[n];
        var stride = 120 / walk.CadenceStepsPerMinute;
        foreach (var s in steps.Where(s => s.Paretic == paretic))
        {
            var swingStart = s.PreviousContactSeconds is { } p ? p + DoubleSupportFraction * stride : s.ContactSeconds - 0.35 * stride;
            var swing = Math.Max(0.25, s.ContactSeconds - swingStart);
            var excursion = 60.0 * (paretic ? 0.5 + 0.5 * walk.PareticBounceFraction : 1) * (s.Closing ? 0.6 : 1);
            var peak = Math.PI / 2 * excursion / swing;
            var toeOff = s.ContactSeconds - swing;
            AddSine(times, ml, toeOff - 0.12, toeOff, 1, (paretic ? 0.3 : 0.6) * peak);
            AddSine(times, ml, toeOff, s.ContactSeconds, 1, -peak);
            AddSine(times, ml, s.ContactSeconds, s.ContactSeconds + 0.08, 1, (paretic ? 0.15 : 0.5) * peak);
            if (paretic)
            {
                AddSine(times, other, toeOff, s.ContactSeconds, 2, 0.3 * peak);
            }
        }

        var mounting = Quaternion.CreateFromYawPitchRoll((float)(random.NextDouble() - 0.5), (float)(random.NextDouble() - 0.5), (float)(random.NextDouble() - 0.5));
        var samples = new ImuSample[n];
        for (var i = 0; i < n; i++)
        {
            var gyroNoise = new Vector3((float)Gauss(random, 4), (float)Gauss(random, 4), (float)Gauss(random, 4)) * (1.5f * DegToRad);
            var gyro = new Vector3((float)(other[i] * 0.7), (float)ml[i], (float)(other[i] * 0.7)) * DegToRad + gyroNoise;
            var acc = new Vector3(0, 0, 9.81f) + new Vector3((float)Gauss(random, 4), (float)Gauss(random, 4), (float)Gauss(random, 4)) * 0.05f;
            samples[i] = new ImuSample(times[i], Vector3.Transform(acc, mounting), Vector3.Transform(gyro, mounting));
        }

        return samples;
    }

    /// <summary>Slow random sway: three sinusoids between 0.2 and 1.2 Hz with random phases.</summary>
    private static double[] Sway(Random random, List<double> times, double amplitude)
    {
        var result = new double[times.Count];
        for (var k = 0; k < 3; k++)
        {
            var f = 0.2 + random.NextDouble();
            var phase = random.NextDouble() * 2 * Math.PI;
            for (var i = 0; i < times.Count; i++)
            {
                result[i] += amplitude * Math.Sin(2 * Math.PI * f * times[i] + phase);
            }
        }

        return result;
    }

    private static void AddGauss(List<double> times, double[] signal, double centre, double sigma, double amplitude)
    {
        var from = LowerBound(times, centre - 4 * sigma);
        for (var i = from; i < times.Count && times[i] <= centre + 4 * sigma; i++)
        {
            var d = times[i] - centre;
            signal[i] += amplitude * Math.Exp(-d * d / (2 * sigma * sigma));
        }
    }

    /// <summary>Adds <paramref name="halfPeriods"/> half-sine lobes of alternating sign between two times.</summary>
    private static void AddSine(List<double> times, double[] signal, double from, double to, int halfPeriods, double amplitude)
    {
        for (var i = LowerBound(times, from); i < times.Count && times[i] < to; i++)
        {
            signal[i] += amplitude * Math.Sin(halfPeriods * Math.PI * (times[i] - from) / (to - from));
        }
    }

    private static int LowerBound(List<double> times, double value)
    {
        var index = times.BinarySearch(value);
        return Math.Max(0, index < 0 ? ~index : index);
    }

    /// <summary>A standard normal draw (Box–Muller), clipped at ±<paramref name="clip"/>.</summary>
    private static double Gauss(Random random, double clip)
    {
        var u = 1 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Clamp(Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v), -clip, clip);
    }
}
