namespace Ambulo.Domain.Motivation;

/// <summary>Best results so far for one exercise.</summary>
public sealed record PersonalBest(string ExerciseId, int MostRepetitions, double? BestRangeOfMotionDegrees, DateOnly SetOn);

/// <summary>What changed when a session was recorded.</summary>
public sealed record PersonalBestUpdate(IReadOnlyDictionary<string, PersonalBest> Bests, bool NewMostRepetitions, bool NewBestRange);

public static class PersonalBests
{
    /// <summary>Records one session; returns the new table (the input is not changed) and which records fell.</summary>
    public static PersonalBestUpdate Record(IReadOnlyDictionary<string, PersonalBest> bests, ExerciseSessionScore session)
    {
        ArgumentNullException.ThrowIfNull(bests);
        ArgumentNullException.ThrowIfNull(session);
        var table = new Dictionary<string, PersonalBest>(bests, StringComparer.Ordinal);
        var reps = Math.Max(0, session.Repetitions);
        var rom = session.BestRangeOfMotionDegrees is { } r && double.IsFinite(r) && r >= 0 ? r : (double?)null;
        if (!table.TryGetValue(session.ExerciseId, out var best))
        {
            table[session.ExerciseId] = new PersonalBest(session.ExerciseId, reps, rom, session.Date);
            return new PersonalBestUpdate(table, reps > 0, rom is not null);
        }

        var moreReps = reps > best.MostRepetitions;
        var betterRange = rom is { } now && (best.BestRangeOfMotionDegrees is not { } before || now > before);
        if (moreReps || betterRange)
        {
            table[session.ExerciseId] = best with
            {
                MostRepetitions = moreReps ? reps : best.MostRepetitions,
                BestRangeOfMotionDegrees = betterRange ? rom : best.BestRangeOfMotionDegrees,
                SetOn = session.Date,
            };
        }

        return new PersonalBestUpdate(table, moreReps, betterRange);
    }

    /// <summary>The table built from a whole history, in date order.</summary>
    public static IReadOnlyDictionary<string, PersonalBest> From(IEnumerable<ExerciseSessionScore> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        IReadOnlyDictionary<string, PersonalBest> table = new Dictionary<string, PersonalBest>(StringComparer.Ordinal);
        foreach (var session in history.OrderBy(s => s.Date))
        {
            table = Record(table, session).Bests;
        }

        return table;
    }
}
