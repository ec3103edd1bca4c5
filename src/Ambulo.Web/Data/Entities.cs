namespace Ambulo.Web.Data;

// The stored shape of Ambulo's patient data. Rows are written as things happen (a repetition the
// moment it is counted), so nothing is lost when the tab or the server goes away.
// Every DateTime is UTC; AmbuloDbContext marks values read back from SQLite as UTC.

internal sealed class Patient
{
    public int Id { get; set; }
    public required string DisplayName { get; set; }
    /// <summary>The ability profile as the domain's JSON form (snake_case), set by a therapist.</summary>
    public required string ProfileJson { get; set; }
    public DateTime CreatedUtc { get; set; }
    public List<DailyProgram> Programs { get; } = [];
}

/// <summary>The exercises planned for one patient on one calendar day.</summary>
internal sealed class DailyProgram
{
    public int Id { get; set; }
    public int PatientId { get; set; }
    public Patient? Patient { get; set; }
    public DateOnly Day { get; set; }
    /// <summary>What made the plan, e.g. the generator's name and version, so a stored plan explains itself.</summary>
    public required string GeneratedBy { get; set; }
    public List<PlannedExercise> Exercises { get; } = [];
}

internal sealed class PlannedExercise
{
    public int Id { get; set; }
    public int DailyProgramId { get; set; }
    public DailyProgram? DailyProgram { get; set; }
    /// <summary>Position in the day's order, from 0.</summary>
    public int Position { get; set; }
    /// <summary>Catalogue id, e.g. <c>seated-marching</c>.</summary>
    public required string ExerciseId { get; set; }
    public required string Name { get; set; }
    /// <summary>Catalogue mode name: Passive, ActiveAssisted, Active or Resisted.</summary>
    public required string Mode { get; set; }
    public int Sets { get; set; }
    public int RepetitionsPerSet { get; set; }
    public double TempoSeconds { get; set; }
    public double RestBetweenSetsSeconds { get; set; }
    /// <summary>Range of motion one repetition should reach, when the exercise is an angle.</summary>
    public double? TargetRangeOfMotionDegrees { get; set; }
    /// <summary>Plain steps read aloud and shown, one per line.</summary>
    public required string Instructions { get; set; }
    /// <summary>A helper must be present for this exercise today.</summary>
    public bool HelperRequired { get; set; }
    /// <summary>Safety warnings to show before the exercise, one per line (may be empty).</summary>
    public string Warnings { get; set; } = string.Empty;
}

internal enum SessionStatus { InProgress, Completed, EndedForSafety, Stopped }

internal enum SessionPhase { Exercising, Resting, Rating, Finished }

internal sealed class ExerciseSession
{
    public int Id { get; set; }
    public int PatientId { get; set; }
    public int DailyProgramId { get; set; }
    public DailyProgram? DailyProgram { get; set; }
    public DateTime StartedUtc { get; set; }
    public DateTime? EndedUtc { get; set; }
    public SessionStatus Status { get; set; }
    public SessionPhase Phase { get; set; }
    /// <summary>Planned exercise being done now; null once the session is over.</summary>
    public int? CurrentPlannedExerciseId { get; set; }
    /// <summary>Set being done now, from 1.</summary>
    public int CurrentSet { get; set; }
    /// <summary>When the current rest ends (Phase = Resting).</summary>
    public DateTime? RestEndsUtc { get; set; }
    /// <summary>Name of the sensor source in use (puck, simulator, replay, phone), if any.</summary>
    public string? SensorSource { get; set; }
    public int Points { get; set; }
    public List<CountedRepetition> Repetitions { get; } = [];
    public List<ExerciseRating> Ratings { get; } = [];
}

/// <summary>One repetition, stored the moment it was counted.</summary>
internal sealed class CountedRepetition
{
    public long Id { get; set; }
    public int SessionId { get; set; }
    public int PlannedExerciseId { get; set; }
    public required string ExerciseId { get; set; }
    public int SetNumber { get; set; }
    /// <summary>Number of the repetition within its set, from 1.</summary>
    public int Number { get; set; }
    public DateTime CountedUtc { get; set; }
    public double? RangeOfMotionDegrees { get; set; }
    public required string Source { get; set; }
    public int Points { get; set; }
}

/// <summary>Effort and safety answers given after an exercise.</summary>
internal sealed class ExerciseRating
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public int PlannedExerciseId { get; set; }
    /// <summary>Perceived effort 0 (nothing at all) to 10 (maximal); null when the person stopped for pain or dizziness before rating it.</summary>
    public int? Effort { get; set; }
    public bool PainOrDizziness { get; set; }
    public DateTime RatedUtc { get; set; }
}

/// <summary>
/// A phone paired as the sensor of an exercise session, kept so the pairing survives a server restart
/// within its lifetime. Only a SHA-256 hash of the phone's token is stored, never the token itself.
/// </summary>
internal sealed class StoredPhonePairing
{
    public int Id { get; set; }
    /// <summary>The exercise session the phone counts for (one pairing per session).</summary>
    public int SessionId { get; set; }
    /// <summary>The phone-sensor session's opaque id (status and QR addresses use it).</summary>
    public required string SensorSessionId { get; set; }
    /// <summary>Lower-case hex SHA-256 of the token the phone connects with.</summary>
    public required string TokenHash { get; set; }
    public DateTime PairedUtc { get; set; }
    /// <summary>After this the stored pairing is not restored, whatever the session does.</summary>
    public DateTime ExpiresUtc { get; set; }
    /// <summary>Stream id (from the phone's frames) of the last repetition counted from this phone; null before the first.</summary>
    public long? LastCountedStreamId { get; set; }
    /// <summary>
    /// Phone time (seconds since its stream started) of the end of the last repetition counted from this phone.
    /// After a restart, a repetition of the same stream that peaks at or before it was counted already.
    /// </summary>
    public double? LastCountedEndSeconds { get; set; }
}

/// <summary>
/// One walk on the Walk screen: stored when it starts (so a walk cut short by a closed tab or a server stop is not
/// lost) and completed when it ends. Steps come from Ambulo.Motion's <c>OnlineStepCounter</c>, the same counter as the
/// offline <c>StepCounter.Detect</c>.
/// </summary>
internal sealed class WalkRecord
{
    public int Id { get; set; }
    public int PatientId { get; set; }
    public DateTime StartedUtc { get; set; }
    /// <summary>When the person pressed Stop (or the screen closed); null while the walk goes on.</summary>
    public DateTime? EndedUtc { get; set; }
    /// <summary>Walking time measured on the sensor's own clock (the samples' times), in seconds.</summary>
    public double DurationSeconds { get; set; }
    public int Steps { get; set; }
    /// <summary>Steps per minute while walking; null when too few steps were counted for it to mean something.</summary>
    public double? CadenceStepsPerMinute { get; set; }
    /// <summary>Sensor source name (simulator, phone).</summary>
    public required string SensorSource { get; set; }
    /// <summary>Which step-counter preset counted (e.g. Hemiparetic), so the stored count explains itself.</summary>
    public required string CounterPreset { get; set; }
    /// <summary>A carer confirmed being present before the walk (asked when the profile does not allow walking alone).</summary>
    public bool CarerConfirmed { get; set; }
}
