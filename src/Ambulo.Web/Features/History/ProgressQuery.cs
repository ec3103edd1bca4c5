using Ambulo.Domain.Exercises;
using Ambulo.Domain.Motivation;
using Ambulo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Ambulo.Web.Features.History;

internal sealed record DayTotal(DateOnly Day, int Repetitions);

internal sealed record PersonalBest(string ExerciseId, string Name, int MostRepetitionsInADay, double? LargestRangeOfMotionDegrees);

internal sealed record Progress(
    int TotalPoints,
    Level Level,
    StreakStatus Streak,
    IReadOnlyList<DayTotal> LastDays,
    IReadOnlyList<PersonalBest> PersonalBests)
{
    /// <summary>Days in a row the daily goal was met (or the person stopped for safety): the domain's <see cref="Streaks"/> rule.</summary>
    public int StreakDays => Streak.CurrentStreakDays;
}

/// <summary>
/// Streak, level, per-day totals and personal bests, read from storage and judged by the domain's
/// motivation rules (<see cref="Streaks"/>, <see cref="PersonalBests"/>, <see cref="Levels"/>).
/// </summary>
internal sealed class ProgressQuery(AmbuloDbContext db, ExerciseCatalogue catalogue, TimeProvider clock)
{
    public const int ChartDays = 14;

    public async Task<Progress> ForPatientAsync(int patientId, CancellationToken cancellationToken)
    {
        var total = await db.Sessions.Where(s => s.PatientId == patientId).SumAsync(s => s.Points, cancellationToken);
        var countedAt = await db.Repetitions.AsNoTracking()
            .Join(db.Sessions.Where(s => s.PatientId == patientId), r => r.SessionId, s => s.Id, (r, _) => r.CountedUtc)
            .ToListAsync(cancellationToken);
        var names = await db.PlannedExercises.AsNoTracking()
            .GroupBy(p => p.ExerciseId).Select(g => new { Id = g.Key, Name = g.Max(p => p.Name) })
            .ToDictionaryAsync(x => x.Id, x => x.Name ?? x.Id, cancellationToken);

        var zone = clock.LocalTimeZone;
        DateOnly LocalDay(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var perDay = countedAt.GroupBy(LocalDay).ToDictionary(g => g.Key, g => g.Count());
        var lastDays = Enumerable.Range(0, ChartDays)
            .Select(i => today.AddDays(i - ChartDays + 1))
            .Select(d => new DayTotal(d, perDay.GetValueOrDefault(d)))
            .ToArray();

        var scores = await MotivationHistory.ScoresAsync(db, patientId, exerciseId: null, cancellationToken);
        var bests = PersonalBests.From(scores.Select(s => s.Score)).Values
            .Select(b => new PersonalBest(b.ExerciseId, names.GetValueOrDefault(b.ExerciseId, b.ExerciseId), b.MostRepetitions, b.BestRangeOfMotionDegrees))
            .OrderBy(b => b.Name, StringComparer.Ordinal)
            .ToArray();

        var days = await MotivationHistory.DaysAsync(db, catalogue, patientId, cancellationToken);
        return new Progress(total, Levels.For(total), Streaks.Evaluate(days, today), lastDays, bests);
    }
}
