using Ambulo.Domain.Exercises;
using Ambulo.Domain.Programs;
using Ambulo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Ambulo.Web.Features.Home;

/// <summary>One earlier day's prescription of one exercise and what came of it, as stored.</summary>
internal sealed record PastExercise(
    DateOnly Day,
    string ExerciseId,
    string Mode,
    int Sets,
    int RepetitionsPerSet,
    double? TargetRangeOfMotionDegrees,
    int RepetitionsCounted,
    double? MeanRangeOfMotionDegrees,
    bool Rated,
    int? Effort,
    bool PainOrDizziness)
{
    /// <summary>
    /// The domain's view of this day, or null when it says nothing about progress: not rated (not done,
    /// or stopped before the rating) and no pain reported.
    /// </summary>
    public SessionResult? ToSessionResult()
    {
        if (!Enum.TryParse<ExerciseMode>(Mode, out var mode) || (!PainOrDizziness && (!Rated || Effort is null)))
        {
            return null;
        }

        return new SessionResult
        {
            Date = Day,
            ExerciseId = ExerciseId,
            Mode = mode,
            Sets = Sets,
            TargetReps = RepetitionsPerSet,
            RepsDone = Sets > 0 ? RepetitionsCounted / Sets : 0,
            TargetRangeOfMotionDegrees = TargetRangeOfMotionDegrees,
            RangeOfMotionReachedDegrees = MeanRangeOfMotionDegrees,
            // Pain or dizziness is judged before effort (the domain steps back on pain whatever the effort).
            Effort = Effort ?? 0,
            Pain = PainOrDizziness,
        };
    }
}

/// <summary>Reads a patient's earlier prescriptions with their repetitions, efforts and pain answers.</summary>
internal static class ProgressionHistory
{
    /// <summary>How far back the history reaches: the rules only look at the latest sessions.</summary>
    public const int Days = 56;

    public static async Task<IReadOnlyList<PastExercise>> ReadAsync(AmbuloDbContext db, int patientId, DateOnly before, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var from = before.AddDays(-Days);
        var planned = await db.PlannedExercises.AsNoTracking()
            .Where(p => p.DailyProgram!.PatientId == patientId && p.DailyProgram.Day < before && p.DailyProgram.Day >= from)
            .Select(p => new { p.Id, p.DailyProgram!.Day, p.ExerciseId, p.Mode, p.Sets, p.RepetitionsPerSet, p.TargetRangeOfMotionDegrees })
            .ToListAsync(cancellationToken);
        var ids = planned.Select(p => p.Id).ToList();
        var reps = await db.Repetitions.AsNoTracking()
            .Where(r => ids.Contains(r.PlannedExerciseId))
            .GroupBy(r => r.PlannedExerciseId)
            .Select(g => new { Id = g.Key, Count = g.Count(), MeanRom = g.Average(r => r.RangeOfMotionDegrees) })
            .ToDictionaryAsync(x => x.Id, cancellationToken);
        var ratings = (await db.Ratings.AsNoTracking().Where(r => ids.Contains(r.PlannedExerciseId)).ToListAsync(cancellationToken))
            .GroupBy(r => r.PlannedExerciseId)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.RatedUtc).Last());

        return planned
            .Select(p =>
            {
                var counted = reps.GetValueOrDefault(p.Id);
                var rating = ratings.GetValueOrDefault(p.Id);
                return new PastExercise(p.Day, p.ExerciseId, p.Mode, p.Sets, p.RepetitionsPerSet, p.TargetRangeOfMotionDegrees,
                    counted?.Count ?? 0, counted?.MeanRom, rating is not null, rating?.Effort, rating?.PainOrDizziness ?? false);
            })
            .OrderBy(p => p.Day)
            .ToArray();
    }
}
