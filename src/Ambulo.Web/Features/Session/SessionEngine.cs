using Ambulo.Domain.Motivation;
using System.Collections.Concurrent;
using Ambulo.Web.Data;
using Ambulo.Web.Features.History;
using Ambulo.Web.Features.Home;
using Ambulo.Web.Features.Sensors;
using Microsoft.EntityFrameworkCore;

namespace Ambulo.Web.Features.Session;

/// <summary>
/// Runs guided sessions. Every change is written to the database before anyone is told about it,
/// so a refresh, a closed tab or a server restart resumes exactly where the session stood.
/// Work on one session is serialised (a puck press and a simulator repetition never race).
/// </summary>
internal sealed class SessionEngine(
    IDbContextFactory<AmbuloDbContext> dbFactory,
    IServiceScopeFactory scopes,
    LiveSessionEvents events,
    TimeProvider clock)
{
    /// <summary>Name of the trace event marking a counted repetition as stored.</summary>
    public const string StoredEvent = "ambulo.stored";

    private readonly ConcurrentDictionary<int, SemaphoreSlim> _locks = new();

    /// <summary>The patient's session in progress for today, or a new one starting at the first exercise not yet done today.</summary>
    public async Task<int> StartOrResumeAsync(int patientId, CancellationToken cancellationToken)
    {
        DailyProgram program;
        using (var scope = scopes.CreateScope())
        {
            program = await scope.ServiceProvider.GetRequiredService<TodayProgram>().EnsureAsync(patientId, cancellationToken);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var running = await db.Sessions
            .Where(s => s.PatientId == patientId && s.Status == SessionStatus.InProgress)
            .OrderByDescending(s => s.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (running is not null && running.DailyProgramId == program.Id)
        {
            return running.Id;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (running is not null)
        {
            // Yesterday's session was left open: close it, its repetitions are already stored.
            running.Status = SessionStatus.Stopped;
            running.Phase = SessionPhase.Finished;
            running.EndedUtc = now;
        }

        var next = await NextUndoneExerciseAsync(db, program.Id, cancellationToken);
        var session = new ExerciseSession
        {
            PatientId = patientId,
            DailyProgramId = program.Id,
            StartedUtc = now,
            Status = next is null ? SessionStatus.Completed : SessionStatus.InProgress,
            Phase = next is null ? SessionPhase.Finished : SessionPhase.Exercising,
            CurrentPlannedExerciseId = next?.Id,
            CurrentSet = 1,
            SensorSource = SensorSources.Puck,
            EndedUtc = next is null ? now : null,
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }

    public async Task<SessionView?> GetAsync(int sessionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ReadViewAsync(db, sessionId, cancellationToken);
    }

    /// <summary>Counts one repetition of the current exercise, if the session is taking repetitions.</summary>
    public Task<RepetitionOutcome> CountRepetitionAsync(int sessionId, string source, double? rangeOfMotionDegrees, CancellationToken cancellationToken) =>
        CountRepetitionAsync(sessionId, source, rangeOfMotionDegrees, storeWith: null, cancellationToken);

    /// <summary>Counts one repetition of the current exercise, if the session is taking repetitions.</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="source">Which sensor counted it (<see cref="SensorSources"/>).</param>
    /// <param name="rangeOfMotionDegrees">The measured range, if any.</param>
    /// <param name="storeWith">
    /// More to write about this repetition (the phone's note of where on its clock the repetition ended), run
    /// only when the repetition is counted, in the same database transaction as the repetition itself: both are
    /// stored or neither is, so a server stopped in between cannot keep one without the other.
    /// </param>
    /// <param name="cancellationToken">Cancels the wait and the write.</param>
    public async Task<RepetitionOutcome> CountRepetitionAsync(
        int sessionId,
        string source,
        double? rangeOfMotionDegrees,
        Func<AmbuloDbContext, CancellationToken, Task>? storeWith,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (rangeOfMotionDegrees is { } rom && (!double.IsFinite(rom) || rom < 0 || rom > 360))
        {
            return RepetitionOutcome.Refused($"range of motion {rom} is not an angle between 0 and 360 degrees");
        }

        var gate = _locks.GetOrAdd(sessionId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        RepetitionOutcome outcome;
        try
        {
            outcome = await CountLockedAsync(sessionId, source, rangeOfMotionDegrees, storeWith, cancellationToken);
            if (outcome.Counted)
            {
                // For the pipeline's trace (PipelineTelemetry): stored, now telling the screens. Told under the
                // session's lock, so every screen gets the session's updates in the order they were stored;
                // telling only queues them, no screen is waited for.
                System.Diagnostics.Activity.Current?.AddEvent(new System.Diagnostics.ActivityEvent(StoredEvent));
                events.Publish(new SessionUpdate(sessionId, SessionUpdateKind.RepetitionCounted, outcome));
            }
        }
        finally
        {
            gate.Release();
        }

        return outcome;
    }

    private async Task<RepetitionOutcome> CountLockedAsync(
        int sessionId, string source, double? rangeOfMotionDegrees, Func<AmbuloDbContext, CancellationToken, Task>? storeWith, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return RepetitionOutcome.Refused($"there is no session {sessionId}");
        }

        if (session.Status != SessionStatus.InProgress || session.CurrentPlannedExerciseId is not { } plannedId)
        {
            return RepetitionOutcome.Refused("the session is over");
        }

        if (session.Phase == SessionPhase.Resting)
        {
            // Moving again during the rest means the person is ready: start the next set.
            session.Phase = SessionPhase.Exercising;
            session.CurrentSet++;
            session.RestEndsUtc = null;
        }
        else if (session.Phase != SessionPhase.Exercising)
        {
            return RepetitionOutcome.Refused("the exercise is finished; rate it first");
        }

        var planned = await db.PlannedExercises.FirstAsync(p => p.Id == plannedId, cancellationToken);
        var inSet = await db.Repetitions.CountAsync(r => r.SessionId == sessionId && r.PlannedExerciseId == plannedId && r.SetNumber == session.CurrentSet, cancellationToken);
        var totalBefore = await db.Sessions.Where(s => s.PatientId == session.PatientId).SumAsync(s => s.Points, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;

        var number = inSet + 1;
        // Points and levels follow the domain's motivation rules: a bonus when the repetition reaches its target range.
        var fullRange = rangeOfMotionDegrees is { } reached && planned.TargetRangeOfMotionDegrees is { } target && reached >= target;
        var points = Points.ForRepetition(fullRange);
        var setComplete = number >= planned.RepetitionsPerSet;
        if (setComplete)
        {
            if (session.CurrentSet >= planned.Sets)
            {
                session.Phase = SessionPhase.Rating;
            }
            else
            {
                session.Phase = SessionPhase.Resting;
                session.RestEndsUtc = now.AddSeconds(planned.RestBetweenSetsSeconds);
            }
        }

        var personalBest = await IsPersonalBestAsync(db, session, planned, rangeOfMotionDegrees, cancellationToken);
        db.Repetitions.Add(new CountedRepetition
        {
            SessionId = sessionId,
            PlannedExerciseId = plannedId,
            ExerciseId = planned.ExerciseId,
            SetNumber = session.CurrentSet,
            Number = number,
            CountedUtc = now,
            RangeOfMotionDegrees = rangeOfMotionDegrees,
            Source = source,
            Points = points,
        });
        session.Points += points;
        // One transaction: the repetition, the session's points and phase, and whatever the caller stores with it.
        // Disposed without a commit (any failure, including in storeWith), it is rolled back and nothing is stored.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            if (storeWith is not null)
            {
                await storeWith(db, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var levelBefore = Levels.For(totalBefore).Number;
        var levelAfter = Levels.For(totalBefore + points).Number;
        return new RepetitionOutcome(true, null, number, points, setComplete, personalBest, levelAfter > levelBefore, levelAfter);
    }

    /// <summary>
    /// Whether this repetition sets a new personal best by the domain's <see cref="PersonalBests"/> rule
    /// (most repetitions of the exercise in a day, or largest range of motion), announced once, at the
    /// repetition that beats the record. The first day of an exercise sets the mark and is not celebrated.
    /// </summary>
    private static async Task<bool> IsPersonalBestAsync(AmbuloDbContext db, ExerciseSession session, PlannedExercise planned, double? rom, CancellationToken cancellationToken)
    {
        var scores = await MotivationHistory.ScoresAsync(db, session.PatientId, planned.ExerciseId, cancellationToken);
        var earlier = PersonalBests.From(scores.Where(s => s.DailyProgramId != session.DailyProgramId).Select(s => s.Score));
        if (earlier.Count == 0)
        {
            return false;
        }

        var todaySoFar = scores.FirstOrDefault(s => s.DailyProgramId == session.DailyProgramId)?.Score
            ?? new ExerciseSessionScore { Date = DateOnly.MinValue, ExerciseId = planned.ExerciseId, Repetitions = 0, FullRangeRepetitions = 0 };
        var before = PersonalBests.Record(earlier, todaySoFar);
        var withThis = PersonalBests.Record(earlier, todaySoFar with
        {
            Repetitions = todaySoFar.Repetitions + 1,
            BestRangeOfMotionDegrees = rom is { } r && (todaySoFar.BestRangeOfMotionDegrees is not { } b || r > b) ? r : todaySoFar.BestRangeOfMotionDegrees,
        });
        var mostRepetitions = withThis.NewMostRepetitions && !before.NewMostRepetitions;
        var largestRange = rom is { } angle && PersonalBests.Record(before.Bests, new ExerciseSessionScore
        {
            Date = todaySoFar.Date, ExerciseId = planned.ExerciseId, Repetitions = 0, FullRangeRepetitions = 0, BestRangeOfMotionDegrees = angle,
        }).NewBestRange;
        return mostRepetitions || largestRange;
    }

    /// <summary>Ends the rest and starts the next set (rest timer reached zero, or "I am ready").</summary>
    public Task EndRestAsync(int sessionId, CancellationToken cancellationToken) =>
        MutateAsync(sessionId, (session, _) =>
        {
            if (session.Status != SessionStatus.InProgress || session.Phase != SessionPhase.Resting)
            {
                return Task.FromResult(false);
            }

            session.Phase = SessionPhase.Exercising;
            session.CurrentSet++;
            session.RestEndsUtc = null;
            return Task.FromResult(true);
        }, cancellationToken);

    /// <summary>Finishes the current exercise early ("I have done enough") and asks for the rating.</summary>
    public Task FinishExerciseAsync(int sessionId, CancellationToken cancellationToken) =>
        MutateAsync(sessionId, (session, _) =>
        {
            if (session.Status != SessionStatus.InProgress || session.Phase is not (SessionPhase.Exercising or SessionPhase.Resting))
            {
                return Task.FromResult(false);
            }

            session.Phase = SessionPhase.Rating;
            session.RestEndsUtc = null;
            return Task.FromResult(true);
        }, cancellationToken);

    /// <summary>
    /// Stores effort (0–10) and the pain-or-dizziness answer. Pain or dizziness ends the session;
    /// otherwise the next exercise starts, or the session is complete.
    /// </summary>
    public Task<bool> RateAsync(int sessionId, int? effort, bool painOrDizziness, CancellationToken cancellationToken)
    {
        if (effort is < 0 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(effort), effort, "effort is rated from 0 to 10");
        }

        return MutateAsync(sessionId, async (session, db) =>
        {
            if (session.Status != SessionStatus.InProgress || session.Phase != SessionPhase.Rating || session.CurrentPlannedExerciseId is not { } plannedId)
            {
                return false;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            db.Ratings.Add(new ExerciseRating { SessionId = sessionId, PlannedExerciseId = plannedId, Effort = effort, PainOrDizziness = painOrDizziness, RatedUtc = now });
            if (painOrDizziness)
            {
                session.Status = SessionStatus.EndedForSafety;
                session.Phase = SessionPhase.Finished;
                session.CurrentPlannedExerciseId = null;
                session.EndedUtc = now;
                return true;
            }

            // Save the rating first so the search for the next exercise sees it.
            await db.SaveChangesAsync(cancellationToken);
            var next = await NextUndoneExerciseAsync(db, session.DailyProgramId, cancellationToken);
            session.CurrentSet = 1;
            if (next is null)
            {
                session.Status = SessionStatus.Completed;
                session.Phase = SessionPhase.Finished;
                session.CurrentPlannedExerciseId = null;
                session.EndedUtc = now;
            }
            else
            {
                session.Phase = SessionPhase.Exercising;
                session.CurrentPlannedExerciseId = next.Id;
            }

            return true;
        }, cancellationToken);
    }

    /// <summary>The Stop button: ends the session now. Everything counted so far is already stored.</summary>
    public Task StopAsync(int sessionId, CancellationToken cancellationToken) =>
        MutateAsync(sessionId, (session, _) =>
        {
            if (session.Status != SessionStatus.InProgress)
            {
                return Task.FromResult(false);
            }

            session.Status = SessionStatus.Stopped;
            session.Phase = SessionPhase.Finished;
            session.CurrentPlannedExerciseId = null;
            session.RestEndsUtc = null;
            session.EndedUtc = clock.GetUtcNow().UtcDateTime;
            return Task.FromResult(true);
        }, cancellationToken);

    /// <summary>Remembers which sensor source the session uses, so a reload shows the same one.</summary>
    public Task SetSensorSourceAsync(int sessionId, string source, CancellationToken cancellationToken) =>
        MutateAsync(sessionId, (session, _) =>
        {
            if (session.SensorSource == source)
            {
                return Task.FromResult(false);
            }

            session.SensorSource = source;
            return Task.FromResult(true);
        }, cancellationToken);

    private async Task<bool> MutateAsync(int sessionId, Func<ExerciseSession, AmbuloDbContext, Task<bool>> change, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(sessionId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        bool changed;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
            if (session is null)
            {
                return false;
            }

            changed = await change(session, db);
            if (changed)
            {
                await db.SaveChangesAsync(cancellationToken);
                events.Publish(new SessionUpdate(sessionId, SessionUpdateKind.StateChanged, null));
            }
        }
        finally
        {
            gate.Release();
        }

        return changed;
    }

    private static async Task<PlannedExercise?> NextUndoneExerciseAsync(AmbuloDbContext db, int programId, CancellationToken cancellationToken)
    {
        var rated = db.Ratings.Join(db.Sessions.Where(s => s.DailyProgramId == programId), r => r.SessionId, s => s.Id, (r, _) => r.PlannedExerciseId);
        return await db.PlannedExercises
            .Where(p => p.DailyProgramId == programId && !rated.Contains(p.Id))
            .OrderBy(p => p.Position)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private static async Task<SessionView?> ReadViewAsync(AmbuloDbContext db, int sessionId, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return null;
        }

        var exercises = await db.PlannedExercises.AsNoTracking()
            .Where(p => p.DailyProgramId == session.DailyProgramId).OrderBy(p => p.Position).ToListAsync(cancellationToken);
        var current = exercises.FirstOrDefault(p => p.Id == session.CurrentPlannedExerciseId);
        var inSet = 0;
        double? lastRom = null;
        if (current is not null)
        {
            var reps = db.Repetitions.AsNoTracking().Where(r => r.SessionId == sessionId && r.PlannedExerciseId == current.Id && r.SetNumber == session.CurrentSet);
            inSet = await reps.CountAsync(cancellationToken);
            lastRom = await reps.OrderByDescending(r => r.Number).Select(r => r.RangeOfMotionDegrees).FirstOrDefaultAsync(cancellationToken);
        }

        PlannedExercise? previous = null;
        if (current is not null)
        {
            var day = await db.DailyPrograms.Where(p => p.Id == session.DailyProgramId).Select(p => p.Day).FirstAsync(cancellationToken);
            previous = await db.PlannedExercises.AsNoTracking()
                .Where(p => p.ExerciseId == current.ExerciseId && p.DailyProgram!.PatientId == session.PatientId && p.DailyProgram.Day < day)
                .OrderByDescending(p => p.DailyProgram!.Day)
                .FirstOrDefaultAsync(cancellationToken);
        }

        var total = await db.Sessions.Where(s => s.PatientId == session.PatientId).SumAsync(s => s.Points, cancellationToken);
        return new SessionView(
            session.Id, session.Status, session.Phase,
            current is null ? null : ExerciseView.From(current, previous),
            current is null ? exercises.Count : exercises.IndexOf(current) + 1,
            exercises.Count, session.CurrentSet, inSet, session.RestEndsUtc, session.Points, total,
            Levels.For(total).Number, lastRom, session.SensorSource);
    }
}
