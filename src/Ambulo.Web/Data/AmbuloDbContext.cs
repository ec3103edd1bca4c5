using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ambulo.Web.Data;

/// <summary>
/// The model shared by every database provider. Each provider has its own derived context with its
/// own migrations (<see cref="SqliteAmbuloDbContext"/> now); features use this base type.
/// </summary>
internal abstract class AmbuloDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<DailyProgram> DailyPrograms => Set<DailyProgram>();
    public DbSet<PlannedExercise> PlannedExercises => Set<PlannedExercise>();
    public DbSet<ExerciseSession> Sessions => Set<ExerciseSession>();
    public DbSet<CountedRepetition> Repetitions => Set<CountedRepetition>();
    public DbSet<ExerciseRating> Ratings => Set<ExerciseRating>();
    public DbSet<StoredPhonePairing> PhonePairings => Set<StoredPhonePairing>();
    public DbSet<WalkRecord> Walks => Set<WalkRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Stored as UTC; SQLite hands values back with Kind=Unspecified, so mark them UTC on the way in.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<Patient>(e => e.Property(p => p.DisplayName).HasMaxLength(200));
        modelBuilder.Entity<DailyProgram>(e =>
        {
            e.HasIndex(p => new { p.PatientId, p.Day }).IsUnique();
            e.HasMany(p => p.Exercises).WithOne(x => x.DailyProgram).HasForeignKey(x => x.DailyProgramId);
        });
        modelBuilder.Entity<PlannedExercise>(e =>
        {
            e.Property(p => p.ExerciseId).HasMaxLength(100);
            e.Property(p => p.Mode).HasMaxLength(40);
        });
        modelBuilder.Entity<ExerciseSession>(e =>
        {
            e.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.Phase).HasConversion<string>().HasMaxLength(20);
            e.HasMany(s => s.Repetitions).WithOne().HasForeignKey(r => r.SessionId);
            e.HasMany(s => s.Ratings).WithOne().HasForeignKey(r => r.SessionId);
            e.HasIndex(s => new { s.PatientId, s.Status });
        });
        modelBuilder.Entity<CountedRepetition>(e =>
        {
            e.HasIndex(r => new { r.SessionId, r.PlannedExerciseId, r.SetNumber, r.Number }).IsUnique();
            e.HasIndex(r => r.CountedUtc);
            e.Property(r => r.Source).HasMaxLength(20);
            e.Property(r => r.ExerciseId).HasMaxLength(100);
        });
        modelBuilder.Entity<ExerciseRating>(e => e.HasIndex(r => new { r.SessionId, r.PlannedExerciseId }).IsUnique());
        modelBuilder.Entity<StoredPhonePairing>(e =>
        {
            e.HasIndex(p => p.SessionId).IsUnique();
            e.HasIndex(p => p.TokenHash).IsUnique();
            e.Property(p => p.SensorSessionId).HasMaxLength(40);
            e.Property(p => p.TokenHash).HasMaxLength(64);
            e.HasOne<ExerciseSession>().WithMany().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<WalkRecord>(e =>
        {
            e.HasIndex(w => new { w.PatientId, w.StartedUtc });
            e.Property(w => w.SensorSource).HasMaxLength(20);
            e.Property(w => w.CounterPreset).HasMaxLength(40);
            e.HasOne<Patient>().WithMany().HasForeignKey(w => w.PatientId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

/// <summary>The SQLite provider's context; its migrations are in Data/Migrations/Sqlite.</summary>
internal sealed class SqliteAmbuloDbContext(DbContextOptions<SqliteAmbuloDbContext> options) : AmbuloDbContext(options);
