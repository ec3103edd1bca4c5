using Ambulo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Ambulo.Web.Features.Home;

/// <summary>Finds (or plans, once a day) the patient's program for today.</summary>
internal sealed class TodayProgram(AmbuloDbContext db, DailyProgramPlanner planner, TimeProvider clock)
{
    /// <summary>Today's date on the patient's (the server's) local calendar.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<DailyProgram> EnsureAsync(int patientId, CancellationToken cancellationToken)
    {
        var day = Today;
        var existing = await db.DailyPrograms.Include(p => p.Exercises)
            .FirstOrDefaultAsync(p => p.PatientId == patientId && p.Day == day, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var patient = await db.Patients.FirstAsync(p => p.Id == patientId, cancellationToken);
        var program = new DailyProgram { PatientId = patientId, Day = day, GeneratedBy = DailyProgramPlanner.Name };
        var position = 0;
        var history = await ProgressionHistory.ReadAsync(db, patientId, day, cancellationToken);
        foreach (var draft in planner.Plan(patient.ProfileJson, history))
        {
            program.Exercises.Add(new PlannedExercise
            {
                Position = position++,
                ExerciseId = draft.ExerciseId,
                Name = draft.Name,
                Mode = draft.Mode,
                Sets = draft.Sets,
                RepetitionsPerSet = draft.RepetitionsPerSet,
                TempoSeconds = draft.TempoSeconds,
                RestBetweenSetsSeconds = draft.RestBetweenSetsSeconds,
                TargetRangeOfMotionDegrees = draft.TargetRangeOfMotionDegrees,
                Instructions = string.Join('\n', draft.Instructions),
                HelperRequired = draft.HelperRequired,
                Warnings = string.Join('\n', draft.Warnings),
            });
        }

        db.DailyPrograms.Add(program);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two tabs planned the same day at once: the unique index kept one; use it.
            db.ChangeTracker.Clear();
            return await db.DailyPrograms.Include(p => p.Exercises)
                .FirstAsync(p => p.PatientId == patientId && p.Day == day, cancellationToken);
        }

        return program;
    }
}
