using Ambulo.Web.Data;
using Ambulo.Web.Features.History;
using Ambulo.Web.Features.Session;
using Microsoft.EntityFrameworkCore;

namespace Ambulo.Web.Features.Home;

internal sealed record ProgramCard(int PlannedExerciseId, string ExerciseId, string Name, string ModeWording, int Sets, int RepetitionsPerSet, int RepetitionsDone, bool Done);

internal sealed record HomeView(
    int PatientId,
    string PatientName,
    IReadOnlyList<ProgramCard> Cards,
    int ExercisesDone,
    bool SessionInProgress,
    bool EndedForSafetyToday,
    Progress Progress);

/// <summary>What the home screen shows: today's program with done / to do, streak and level.</summary>
internal sealed class HomeQuery(AmbuloDbContext db, TodayProgram today, ProgressQuery progress)
{
    public async Task<HomeView?> LoadAsync(CancellationToken cancellationToken)
    {
        var patient = await db.Patients.AsNoTracking().OrderBy(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        if (patient is null)
        {
            return null;
        }

        var program = await today.EnsureAsync(patient.Id, cancellationToken);
        var sessions = db.Sessions.Where(s => s.DailyProgramId == program.Id);
        var rated = await db.Ratings.Join(sessions, r => r.SessionId, s => s.Id, (r, _) => r.PlannedExerciseId).ToListAsync(cancellationToken);
        var repsDone = await db.Repetitions.Join(sessions, r => r.SessionId, s => s.Id, (r, _) => r)
            .GroupBy(r => r.PlannedExerciseId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var inProgress = await sessions.AnyAsync(s => s.Status == SessionStatus.InProgress, cancellationToken);
        var endedForSafety = await sessions.AnyAsync(s => s.Status == SessionStatus.EndedForSafety, cancellationToken);

        var cards = program.Exercises.OrderBy(p => p.Position)
            .Select(p => new ProgramCard(p.Id, p.ExerciseId, p.Name, ModeWording.For(p.Mode), p.Sets, p.RepetitionsPerSet,
                repsDone.GetValueOrDefault(p.Id), rated.Contains(p.Id)))
            .ToArray();
        return new HomeView(patient.Id, patient.DisplayName, cards, cards.Count(c => c.Done), inProgress, endedForSafety,
            await progress.ForPatientAsync(patient.Id, cancellationToken));
    }
}
