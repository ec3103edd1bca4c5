using Ambulo.Motion.Evaluation.References;
using Ambulo.Motion.Recordings.Importers;
using Ambulo.Motion.Repetitions;

namespace Ambulo.Tracking;

/// <summary>
/// One front-pocket walk: thigh pitch cycles counted against the foot-switch steps. The data set does not say
/// which leg the pocket was on (nor, for the pads, which foot each pad was under), so the pocket leg's true stride
/// count is known only as half the steps of both feet: <see cref="ExpectedStrides"/> is exact to ±0.5 (±1 where the
/// walk starts and ends on different feet), and the outcome is an error in strides, not an exact/inexact verdict.
/// </summary>
/// <param name="Name">Walk (file or folder name).</param>
/// <param name="FootSwitchSteps">Steps of both feet from the foot switches.</param>
/// <param name="Counted">Thigh cycles counted while the reference was walking (peaks from 1.5 s before the first to 1.5 s after the last step).</param>
/// <param name="CountedOutside">Cycles counted outside that span (not scored).</param>
public sealed record PocketThighOutcome(string Name, int FootSwitchSteps, int Counted, int CountedOutside)
{
    public double ExpectedStrides => FootSwitchSteps / 2.0;

    /// <summary>Counted minus expected, in strides.</summary>
    public double ErrorStrides => Counted - ExpectedStrides;

    /// <summary>Error as a share (0–1) of the expected strides.</summary>
    public double ErrorShare => ExpectedStrides > 0 ? ErrorStrides / ExpectedStrides : double.NaN;
}

/// <summary>
/// A second real source for issue 3: a phone in the front trouser pocket lies on the thigh, and while walking the
/// thigh swings forward and back once per stride of that leg — a repeated limb movement with a foot-switch
/// reference nobody here wrote (Oxford step-counter data set, Salvi et al. 2018, CC BY 4.0). Accelerometer only
/// (the phones logged no gyroscope), so the detector's accelerometer-only tilt is what is tested. Counted with
/// <see cref="ExerciseTracking.StrideCycleOptions"/>, the settings used for the gaitmap feet.
/// </summary>
public static class PocketThighValidation
{
    private const double MarginSeconds = 1.5;

    /// <summary>Every front-pocket walk under an oxford-phone-steps folder (validation files and optimisation walk folders).</summary>
    public static IReadOnlyList<PocketThighOutcome> Run(string datasetDirectory)
    {
        var outcomes = new List<PocketThighOutcome>();
        var validation = Path.Combine(datasetDirectory, "validation");
        if (Directory.Exists(validation))
        {
            foreach (var file in Directory.GetFiles(validation, "*frontpocket*.csv").Order(StringComparer.Ordinal))
            {
                var steps = OxfordReference.ReadValidationSteps(file);
                outcomes.Add(Score(Path.GetFileName(file), file, steps.GroundTruthStepCount, steps.StepTimesSeconds));
            }
        }

        var optimisation = Path.Combine(datasetDirectory, "optimisation");
        if (Directory.Exists(optimisation))
        {
            foreach (var folder in Directory.GetDirectories(optimisation, "*FrontPocket*").Order(StringComparer.Ordinal))
            {
                var pads = OxfordReference.ReadPads(folder);
                outcomes.Add(Score(Path.GetFileName(folder), Path.Combine(folder, "accelerometer.csv"), pads.Steps.Count, pads.Steps.Select(s => s.TimeSeconds).ToList()));
            }
        }

        return outcomes;
    }

    private static PocketThighOutcome Score(string name, string accelerometerPath, int steps, IReadOnlyList<double> stepTimes)
    {
        var recording = OxfordImporter.Import(accelerometerPath, "front-pocket").Recording;
        var result = RepetitionDetector.Detect(recording, ExerciseTracking.StrideCycleOptions());
        if (stepTimes.Count == 0)
        {
            return new PocketThighOutcome(name, steps, 0, result.Count);
        }

        double first = stepTimes[0] - MarginSeconds, last = stepTimes[^1] + MarginSeconds;
        var inside = result.Repetitions.Count(r => r.PeakSeconds >= first && r.PeakSeconds <= last);
        return new PocketThighOutcome(name, steps, inside, result.Count - inside);
    }
}
