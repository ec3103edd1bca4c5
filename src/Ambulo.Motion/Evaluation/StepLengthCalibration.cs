using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings;

namespace Ambulo.Motion.Evaluation;

/// <summary>A reference stride: its two initial contacts (s) and its length (m).</summary>
public sealed record ReferenceStrideLength(double StartSeconds, double EndSeconds, double LengthMeters);

/// <summary>
/// One reference stride at the reference's contacts with the two terms of our calibrated stride length: the sum of its two
/// uncalibrated pendulum steps, each times the cosine of the trunk's turn during it (as <see cref="LowerBackStepLength"/>
/// projects them), and the sum of the two step durations times the same cosines.
/// </summary>
public sealed record StrideTerms(double PendulumMeters, double ProjectedSeconds, double ReferenceMeters);

/// <summary>
/// The calibration a step gets: a step of pendulum length L lasting T seconds, turning the trunk by ψ, is
/// max(0, cos ψ · (Scale·L + SpeedOffsetMetersPerSecond·T)); on a straight stride that moves its speed (length ÷ time)
/// to Scale × the pendulum's + SpeedOffsetMetersPerSecond.
/// </summary>
public sealed record StepLengthLine(double Scale, double SpeedOffsetMetersPerSecond, int Strides);

/// <summary>
/// How the lower-back step-length calibration (<see cref="LowerBackGaitOptions.StepLengthScale"/>,
/// <see cref="LowerBackGaitOptions.StepLengthSpeedOffsetMetersPerSecond"/>) is obtained, so that its figures, in-sample and
/// leave-one-participant-out, are printed by a command rather than quoted from a one-off script.
/// </summary>
public static class StepLengthCalibration
{
    /// <summary>
    /// The terms of our stride length (<see cref="StrideTerms"/>, uncalibrated, between the reference's own contacts) with the
    /// reference stride length, for every reference stride whose two contacts are consecutive-but-one in <paramref name="reference"/>
    /// (so both steps of the stride are bounded by reference contacts). Detection is taken out: this is the model alone.
    /// </summary>
    public static IReadOnlyList<StrideTerms> StridePairs(SensorRecording recording, IReadOnlyList<InitialContact> reference,
        IReadOnlyList<ReferenceBout> bouts, IReadOnlyList<ReferenceStrideLength> strides, double sensorHeightMeters, LowerBackGaitOptions options)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(bouts);
        ArgumentNullException.ThrowIfNull(strides);
        ArgumentNullException.ThrowIfNull(options);
        var pairs = new List<StrideTerms>();
        if (sensorHeightMeters <= 0)
        {
            return pairs;
        }

        var fs = recording.Metadata.SamplingRateHz;
        var (vertical, yaw) = TrunkSignals.Compute(recording.Samples, fs);
        const double sameContact = 0.011; // reference times are on a 100 Hz grid; contacts are rounded to samples
        foreach (var bout in bouts)
        {
            // Bout by bout, with the contacts GaitValidation.LowerBackSpeedAtReferenceContacts uses, so
            // the outlier filter and the displacement see the same steps as the "model at reference contacts" row.
            var contacts = GaitValidation.ReferenceContactsInBout(reference, bout, fs, vertical.Length);
            if (contacts.Count < 3)
            {
                continue;
            }

            var lengths = LowerBackStepLength.StepLengthsMeters(vertical, yaw, contacts, fs, sensorHeightMeters, options.PendulumCorrectionFactor, scale: 1, speedOffsetMetersPerSecond: 0);
            foreach (var stride in strides)
            {
                var k = contacts.FindIndex(c => Math.Abs(c / fs - stride.StartSeconds) <= sameContact);
                if (k >= 0 && k + 2 < contacts.Count && Math.Abs(contacts[k + 2] / fs - stride.EndSeconds) <= sameContact)
                {
                    var seconds = (LowerBackStepLength.TurnProjection(yaw, contacts[k], contacts[k + 1], fs) * (contacts[k + 1] - contacts[k]) / fs)
                        + (LowerBackStepLength.TurnProjection(yaw, contacts[k + 1], contacts[k + 2], fs) * (contacts[k + 2] - contacts[k + 1]) / fs);
                    pairs.Add(new StrideTerms(lengths[k] + lengths[k + 1], seconds, stride.LengthMeters));
                }
            }
        }

        return pairs;
    }

    /// <summary>
    /// The least-squares calibration from our stride terms to the reference stride lengths, reference ≈ a·pendulum + c·projected
    /// seconds (no constant: a stride with no pendulum excursion and no time has no length). Null for fewer than two strides or
    /// terms that cannot be told apart.
    /// </summary>
    public static StepLengthLine? Fit(IReadOnlyCollection<StrideTerms> strides)
    {
        ArgumentNullException.ThrowIfNull(strides);
        if (strides.Count < 2)
        {
            return null;
        }

        double xx = 0, xt = 0, tt = 0, xy = 0, ty = 0;
        foreach (var s in strides)
        {
            xx += s.PendulumMeters * s.PendulumMeters;
            xt += s.PendulumMeters * s.ProjectedSeconds;
            tt += s.ProjectedSeconds * s.ProjectedSeconds;
            xy += s.PendulumMeters * s.ReferenceMeters;
            ty += s.ProjectedSeconds * s.ReferenceMeters;
        }

        var determinant = (xx * tt) - (xt * xt);
        if (determinant <= 1e-9 * xx * tt)
        {
            return null;
        }

        return new StepLengthLine(((xy * tt) - (ty * xt)) / determinant, ((ty * xx) - (xy * xt)) / determinant, strides.Count);
    }
}
