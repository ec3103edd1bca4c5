using Ambulo.Web.Features.Home;
using Ambulo.Web.Tests.Common;
using Microsoft.EntityFrameworkCore;

namespace Ambulo.Web.Tests.Home;

public sealed class FirstRunTests : IDisposable
{
    private readonly AmbuloAppFactory _factory = new();

    [Fact]
    public async Task Start_EmptyDataFolder_CreatesSqliteFileWithDemoPatientAndTodaysProgram()
    {
        using var client = _factory.CreateClient(); // starts the app

        File.Exists(_factory.DatabasePath).ShouldBeTrue();
        await using var db = _factory.CreateDb();
        var patient = await db.Patients.SingleAsync();
        patient.DisplayName.ShouldBe(DemoPatientSeeder.DemoName);
        patient.ProfileJson.ShouldContain("\"affected_side\"");
        var program = await db.DailyPrograms.Include(p => p.Exercises).SingleAsync();
        program.PatientId.ShouldBe(patient.Id);
        program.Day.ShouldBe(DateOnly.FromDateTime(DateTime.Now));
        program.Exercises.Count.ShouldBeGreaterThan(0);
        program.Exercises.ShouldAllBe(e => e.Sets > 0 && e.RepetitionsPerSet > 0 && e.Instructions.Length > 0);
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Start_SecondTimeOnSameFolder_DoesNotSeedTwice()
    {
        using (var first = new AmbuloAppFactory(_factory.DataFolder))
        {
            first.CreateClient().Dispose();
        }

        using var client = _factory.CreateClient();

        await using var db = _factory.CreateDb();
        (await db.Patients.CountAsync()).ShouldBe(1);
        (await db.DailyPrograms.CountAsync()).ShouldBe(1);
    }

    public void Dispose() => _factory.Dispose();
}
