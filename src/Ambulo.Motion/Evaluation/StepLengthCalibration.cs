using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings;

namespace Ambulo.Motion.Evaluation;

/// <summary>A reference stride: its two initial contacts (s) and its length (m).</summary>
public sealed record ReferenceStrideLength(double StartSeconds, double EndSeconds, double LengthMeters);

/// <summary>The line a step-length calibration applies per step: L → max(0, Scale·L + OffsetMeters).</summary>
public sealed record StepLengthLine(double Scale, double OffsetMeters, int Strides);

/// <summary>
/// How the lower-back step-length calibration (<see cref="LowerBackGaitOptions.StepLengthScale"/>,
/// <see cref="LowerBackGaitOptions.StepLengthOffsetMeters"/>) is obtained, so that its figures, in-sample and
/// leave-one-participant-out, are printed by a command rather than quoted from a one-off script.
/// </summary>
public static class StepLengthCalibration
{
    /// <summary>
    /// The uncalibrated pendulum stride length (two steps between the reference's own contacts) paired with the reference
    /// stride length, for every reference stride whose two contacts are consecutive-but-one in <paramref name="reference"/>
    /// (so both steps of the stride are bounded by reference contacts). Detection is taken out: this is the model alone.
    /// </summary>
    public static IReadOnlyList<(double ModelMeters, double ReferenceMeters)> StridePairs(SensorRecording recording, IReadOnlyList<InitialContact> reference,
        IReadOnlyList<ReferenceBout> bouts, IReadOnlyList<ReferenceStrideLength> strides, double sensorHeightMeters, LowerBackGaitOptions options)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(bouts);
        ArgumentNullException.ThrowIfNull(strides);
        ArgumentNullException.ThrowIfNull(options);
        var pairs = new List<(double, double)>();
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

            var lengths = LowerBackStepLength.StepLengthsMeters(vertical, yaw, contacts, fs, sensorHeightMeters, options.PendulumCorrectionFactor, scale: 1, offsetMeters: 0);
            foreach (var stride in strides)
            {
                var k = contacts.FindIndex(c => Math.Abs(c / fs - stride.StartSeconds) <= sameContact);
                if (k >= 0 && k + 2 < contacts.Count && Math.Abs(contacts[k + 2] / fs - stride.EndSeconds) <= sameContact)
                {
                    pairs.Add((lengths[k] + lengths[k + 1], stride.LengthMeters));
                }
            }
        }

        return pairs;
    }

    /// <summary>
    /// The least-squares line from model stride lengths to reference stride lengths, as a per-step line: a stride is two
    /// steps, so a stride line y = A·x + B is the step line A·L + B/2 applied to each of its steps. Null for fewer than two
    /// pairs or no spread in the model lengths.
    /// </summary>
    public static StepLengthLine? Fit(IReadOnlyCollection<(double ModelMeters, double ReferenceMeters)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count < 2)
        {
            return null;
        }

        var meanX = pairs.Average(p => p.ModelMeters);
        var meanY = pairs.Average(p => p.ReferenceMeters);
        double sxy = 0, sxx = 0;
        foreach (var (x, y) in pairs)
        {
            sxy += (x - meanX) * (y - meanY);
            sxx += (x - meanX) * (x - meanX);
        }

        if (sxx <= 0)
        {
            return null;
        }

        var slope = sxy / sxx;
        return new StepLengthLine(slope, (meanY - slope * meanX) / 2, pairs.Count);
    }
}
