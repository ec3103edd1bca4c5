using Ambulo.Domain.Motivation;
using Ambulo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Ambulo.Web.Features.History;

internal sealed record DayTotal(DateOnly Day, int Repetitions);

internal sealed record PersonalBest(string ExerciseId, string Name, int MostRepetitionsInADay, double? LargestRangeOfMotionDegrees);

internal sealed record Progress(
    int TotalPoints,
    Level Level,
    int StreakDays,
    IReadOnlyList<DayTotal> LastDays,
    IReadOnlyList<PersonalBest> PersonalBests);

/// <summary>Streak, level and per-day totals, read from the stored repetitions.</summary>
internal sealed class ProgressQuery(AmbuloDbContext db, TimeProvider clock)
{
    public const int ChartDays = 14;

    public async Task<Progress> ForPatientAsync(int patientId, CancellationToken cancellationToken)
    {
        var total = await db.Sessions.Where(s => s.PatientId == patientId).SumAsync(s => s.Points, cancellationToken);
        var reps = await db.Repetitions.AsNoTracking()
            .Join(db.Sessions.Where(s => s.PatientId == patientId), r => r.SessionId, s => s.Id, (r, _) => r)
            .Select(r => new { r.ExerciseId, r.CountedUtc, r.RangeOfMotionDegrees })
            .ToListAsync(cancellationToken);
        var names = await db.PlannedExercises.AsNoTracking()
            .GroupBy(p => p.ExerciseId).Select(g => new { Id = g.Key, Name = g.Max(p => p.Name) })
            .ToDictionaryAsync(x => x.Id, x => x.Name ?? x.Id, cancellationToken);

        var zone = clock.LocalTimeZone;
        DateOnly LocalDay(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var perDay = reps.GroupBy(r => LocalDay(r.CountedUtc)).ToDictionary(g => g.Key, g => g.Count());

        var lastDays = Enumerable.Range(0, ChartDays)
            .Select(i => today.AddDays(i - ChartDays + 1))
            .Select(d => new DayTotal(d, perDay.GetValueOrDefault(d)))
            .ToArray();

        var bests = reps.GroupBy(r => r.ExerciseId)
            .Select(g => new PersonalBest(
                g.Key,
                names.GetValueOrDefault(g.Key, g.Key),
                g.GroupBy(r => LocalDay(r.CountedUtc)).Max(d => d.Count()),
                g.Max(r => r.RangeOfMotionDegrees)))
            .OrderBy(b => b.Name, StringComparer.Ordinal)
            .ToArray();

        return new Progress(total, Levels.For(total), Streak(perDay.Keys, today), lastDays, bests);
    }

    /// <summary>Days in a row with at least one repetition, up to today; a day not yet exercised today does not break it.</summary>
    public static int Streak(IEnumerable<DateOnly> activeDays, DateOnly today)
    {
        var days = activeDays.ToHashSet();
        var day = days.Contains(today) ? today : today.AddDays(-1);
        var streak = 0;
        while (days.Contains(day))
        {
            streak++;
            day = day.AddDays(-1);
        }

        return streak;
    }
}
