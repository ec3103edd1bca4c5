using Ambulo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Ambulo.Web.Features.Home;

/// <summary>Creates the demo patient on first run, so the app is usable at once with no setup.</summary>
internal sealed class DemoPatientSeeder(AmbuloDbContext db, TodayProgram today, TimeProvider clock)
{
    public const string DemoName = "Alex";

    /// <summary>A person with a weaker right leg who walks with a helper (FAC 2), in the profile's JSON form.</summary>
    public const string DemoProfileJson = """
        {
          "affected_side": "right",
          "presentation": "hemiparesis",
          "motor_grades": { "hip_flexion": 3, "hip_extension": 3, "knee_extension": 4, "ankle_dorsiflexion": 2 },
          "sitting_balance": "independent",
          "standing_balance": "with-support",
          "fac": 2,
          "walking_aid": "single-point-cane",
          "flags": { "hemineglect": false, "visual_field_loss": false, "aphasia": false,
                     "orthostatic_hypotension": false, "fall_in_last_3_months": false, "cardiac_precautions": false },
          "fatigue_level": 3,
          "minutes_per_day": 20,
          "clinician_clearance": true,
          "has_step_with_rail": false
        }
        """;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!await db.Patients.AnyAsync(cancellationToken))
        {
            db.Patients.Add(new Patient { DisplayName = DemoName, ProfileJson = DemoProfileJson, CreatedUtc = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
        }

        var patient = await db.Patients.OrderBy(p => p.Id).FirstAsync(cancellationToken);
        await today.EnsureAsync(patient.Id, cancellationToken);
    }
}
