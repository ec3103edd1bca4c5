using Ambulo.Domain.Exercises;
using Ambulo.Domain.Motivation;
using Ambulo.Domain.Programs;
using Ambulo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Ambulo.Web.Features.History;

/// <summary>One exercise on one program day, in the domain's terms, with the program it belongs to.</summary>
internal sealed record DayExerciseScore(int DailyProgramId, ExerciseSessionScore Score);

/// <summary>
/// The stored history in the terms of the domain's motivation rules (<see cref="Streaks"/>,
/// <see cref="PersonalBests"/>, <see cref="Points"/>), so the web has one rule for each and no rule of its own.
/// A "day" is a program day: the calendar day the program was planned for (the patient's local day).
/// </summary>
internal static class MotivationHistory
{
    /// <summary>
    /// One <see cref="DayScore"/> per program day: the points of its sessions, that day's own goal
    /// (<see cref="Points.DailyGoalFor"/> of the stored program) and whether a session ended for pain or dizziness.
    /// </summary>
    public static async Task<IReadOnlyDictionary<DateOnly, DayScore>> DaysAsync(
        AmbuloDbContext db, ExerciseCatalogue catalogue, int patientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(catalogue);
        var programs = await db.DailyPrograms.AsNoTracking().Where(p => p.PatientId == patientId)
            .Select(p => new { p.Id, p.Day })
            .ToListAsync(cancellationToken);
        var planned = (await db.PlannedExercises.AsNoTracking()
                .Where(e => e.DailyProgram!.PatientId == patientId)
                .Select(e => new { e.DailyProgramId, e.ExerciseId, e.Mode, e.Sets, e.RepetitionsPerSet, e.HelperRequired })
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.DailyProgramId);
        var sessions = (await db.Sessions.AsNoTracking().Where(s => s.PatientId == patientId)
                .Select(s => new { s.DailyProgramId, s.Points, s.Status })
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.DailyProgramId);

        var days = new Dictionary<DateOnly, DayScore>();
        foreach (var program in programs)
        {
            var items = planned[program.Id].Select(e => new ProgramItem
            {
                ExerciseId = e.ExerciseId,
                Category = catalogue.Find(e.ExerciseId)?.Category ?? default,
                Position = catalogue.Find(e.ExerciseId)?.Position ?? default,
                Mode = Enum.TryParse<ExerciseMode>(e.Mode, out var mode) ? mode : ExerciseMode.Active,
                Sets = e.Sets,
                Reps = e.RepetitionsPerSet,
                HelperRequired = e.HelperRequired,
                Reasons = [],
                Warnings = [],
                EstimatedSeconds = 0,
            }).ToArray();
            var goal = Points.DailyGoalFor(new Ambulo.Domain.Programs.DailyProgram { Items = items, TotalMinutes = 0, Notes = [], Excluded = [] });
            var done = sessions[program.Id].ToList();
            days[program.Day] = new DayScore(
                done.Sum(s => s.Points),
                goal,
                StoppedForSafety: done.Any(s => s.Status == SessionStatus.EndedForSafety));
        }

        return days;
    }

    /// <summary>
    /// One <see cref="ExerciseSessionScore"/> per program day and exercise (all its repetitions that day; the
    /// full-range ones are those that reached the planned target angle), optionally for one exercise only.
    /// </summary>
    public static async Task<IReadOnlyList<DayExerciseScore>> ScoresAsync(
        AmbuloDbContext db, int patientId, string? exerciseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var reps = db.Repetitions.AsNoTracking().Where(r => exerciseId == null || r.ExerciseId == exerciseId);
        var rows = await reps
            .Join(db.Sessions.Where(s => s.PatientId == patientId), r => r.SessionId, s => s.Id, (r, s) => new { r.ExerciseId, r.PlannedExerciseId, r.RangeOfMotionDegrees, s.DailyProgramId })
            .Join(db.PlannedExercises, x => x.PlannedExerciseId, p => p.Id, (x, p) => new { x.ExerciseId, x.RangeOfMotionDegrees, x.DailyProgramId, p.TargetRangeOfMotionDegrees, p.DailyProgram!.Day })
            .GroupBy(x => new { x.DailyProgramId, x.Day, x.ExerciseId })
            .Select(g => new
            {
                g.Key.DailyProgramId,
                g.Key.Day,
                g.Key.ExerciseId,
                Count = g.Count(),
                FullRange = g.Sum(x => x.RangeOfMotionDegrees != null && x.TargetRangeOfMotionDegrees != null && x.RangeOfMotionDegrees >= x.TargetRangeOfMotionDegrees ? 1 : 0),
                BestRom = g.Max(x => x.RangeOfMotionDegrees),
            })
            .ToListAsync(cancellationToken);
        return rows
            .OrderBy(r => r.Day)
            .Select(r => new DayExerciseScore(r.DailyProgramId, new ExerciseSessionScore
            {
                Date = r.Day,
                ExerciseId = r.ExerciseId,
                Repetitions = r.Count,
                FullRangeRepetitions = r.FullRange,
                BestRangeOfMotionDegrees = r.BestRom,
            }))
            .ToArray();
    }
}
