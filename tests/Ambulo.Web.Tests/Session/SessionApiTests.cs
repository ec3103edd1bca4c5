using Ambulo.Domain.Motivation;
using System.Net;
using System.Net.Http.Json;
using Ambulo.Web.Data;
using Ambulo.Web.Features.Session;
using Ambulo.Web.Tests.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ambulo.Web.Tests.Session;

public sealed class SessionApiTests : IDisposable
{
    private readonly AmbuloAppFactory _factory = new();

    private async Task<(HttpClient Client, SessionView Session)> StartAsync()
    {
        var client = _factory.CreateClient();
        await using var db = _factory.CreateDb();
        var patientId = await db.Patients.Select(p => p.Id).FirstAsync();
        using var response = await client.PostAsJsonAsync(new Uri("/api/sessions", UriKind.Relative), new { patientId });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var view = await response.Content.ReadFromJsonAsync<SessionView>();
        return (client, view!);
    }

    private static async Task<HttpResponseMessage> CountAsync(HttpClient client, int sessionId, string source = "puck", double? rom = null) =>
        await client.PostAsJsonAsync(new Uri($"/api/sessions/{sessionId}/repetitions", UriKind.Relative), new { source, rangeOfMotionDegrees = rom });

    [Fact]
    public async Task CountRepetition_ThreeTimes_EachStoredAtOnceWithItsSource()
    {
        var (client, session) = await StartAsync();
        using (client)
        {
            for (var i = 0; i < 3; i++)
            {
                using var r = await CountAsync(client, session.SessionId, "simulator", 20 + i);
                r.StatusCode.ShouldBe(HttpStatusCode.OK);
            }

            await using var db = _factory.CreateDb();
            var reps = await db.Repetitions.Where(r => r.SessionId == session.SessionId).OrderBy(r => r.Number).ToListAsync();
            reps.Select(r => r.Number).ShouldBe([1, 2, 3]);
            reps.ShouldAllBe(r => r.Source == "simulator" && r.SetNumber == 1 && r.CountedUtc.Kind == DateTimeKind.Utc);
            reps.Select(r => r.RangeOfMotionDegrees).ShouldBe([20.0, 21.0, 22.0]);
            var view = await client.GetFromJsonAsync<SessionView>(new Uri($"/api/sessions/{session.SessionId}", UriKind.Relative));
            view!.RepetitionsInSet.ShouldBe(3);
            // A repetition that reaches the planned target range earns the domain's full-range bonus.
            var target = await db.PlannedExercises.Where(p => p.Id == reps[0].PlannedExerciseId).Select(p => p.TargetRangeOfMotionDegrees).SingleAsync();
            var expected = reps.Sum(r => Points.ForRepetition(fullRange: target is { } t && r.RangeOfMotionDegrees >= t));
            expected.ShouldBeGreaterThan(0);
            view.SessionPoints.ShouldBe(expected);
        }
    }

    [Fact]
    public async Task CountRepetition_FullSet_StartsRestThenNextRepetitionStartsSetTwo()
    {
        var (client, session) = await StartAsync();
        using (client)
        {
            var perSet = session.Exercise!.RepetitionsPerSet;
            session.Exercise.Sets.ShouldBeGreaterThan(1, "the demo program's first exercise has two sets");
            for (var i = 0; i < perSet; i++)
            {
                (await CountAsync(client, session.SessionId)).Dispose();
            }

            var resting = await client.GetFromJsonAsync<SessionView>(new Uri($"/api/sessions/{session.SessionId}", UriKind.Relative));
            resting!.Phase.ShouldBe(SessionPhase.Resting);
            resting.RestEndsUtc.ShouldNotBeNull();

            (await CountAsync(client, session.SessionId)).Dispose();
            var next = await client.GetFromJsonAsync<SessionView>(new Uri($"/api/sessions/{session.SessionId}", UriKind.Relative));
            next!.Phase.ShouldBe(SessionPhase.Exercising);
            next.CurrentSet.ShouldBe(2);
            next.RepetitionsInSet.ShouldBe(1);
        }
    }

    [Theory]
    [InlineData("bluetooth-toaster", null)]
    [InlineData("puck", -5.0)]
    [InlineData("puck", 400.0)]
    public async Task CountRepetition_BadSourceOrAngle_RejectedWithReasonAndNothingStored(string source, double? rom)
    {
        var (client, session) = await StartAsync();
        using (client)
        {
            using var response = await CountAsync(client, session.SessionId, source, rom);

            ((int)response.StatusCode).ShouldBeInRange(400, 409);
            (await response.Content.ReadAsStringAsync()).ShouldContain("error");
            await using var db = _factory.CreateDb();
            (await db.Repetitions.CountAsync()).ShouldBe(0);
        }
    }

    [Fact]
    public async Task Rate_PainOrDizziness_EndsSessionForSafetyAndStoresAnswer()
    {
        var (client, session) = await StartAsync();
        using (client)
        {
            (await CountAsync(client, session.SessionId)).Dispose();
            using (var scope = _factory.Services.CreateScope())
            {
                await scope.ServiceProvider.GetRequiredService<SessionEngine>().FinishExerciseAsync(session.SessionId, CancellationToken.None);
            }

            using var response = await client.PostAsJsonAsync(new Uri($"/api/sessions/{session.SessionId}/rating", UriKind.Relative), new { effort = (int?)null, painOrDizziness = true });

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var view = await response.Content.ReadFromJsonAsync<SessionView>();
            view!.Status.ShouldBe(SessionStatus.EndedForSafety);
            await using var db = _factory.CreateDb();
            var rating = await db.Ratings.SingleAsync();
            rating.PainOrDizziness.ShouldBeTrue();
            rating.Effort.ShouldBeNull();
            (await CountAsync(client, session.SessionId)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }
    }

    [Fact]
    public async Task Rate_EffortOutOfRange_IsRejected()
    {
        var (client, session) = await StartAsync();
        using (client)
        {
            using var response = await client.PostAsJsonAsync(new Uri($"/api/sessions/{session.SessionId}/rating", UriKind.Relative), new { effort = 11, painOrDizziness = false });

            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task ServerRestart_AfterCountedRepetitions_LosesNoneAndResumesSameSession()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ambulo-web-tests", Guid.NewGuid().ToString("N"));
        try
        {
            int sessionId, patientId;
            using (var first = new AmbuloAppFactory(folder))
            using (var client = first.CreateClient())
            {
                await using (var db = first.CreateDb())
                {
                    patientId = await db.Patients.Select(p => p.Id).FirstAsync();
                }

                using var started = await client.PostAsJsonAsync(new Uri("/api/sessions", UriKind.Relative), new { patientId });
                sessionId = (await started.Content.ReadFromJsonAsync<SessionView>())!.SessionId;
                for (var i = 0; i < 4; i++)
                {
                    (await CountAsync(client, sessionId)).Dispose();
                }
            }

            using var restarted = new AmbuloAppFactory(folder);
            using var again = restarted.CreateClient();
            using var response = await again.PostAsJsonAsync(new Uri("/api/sessions", UriKind.Relative), new { patientId });
            var resumed = await response.Content.ReadFromJsonAsync<SessionView>();

            resumed!.SessionId.ShouldBe(sessionId);
            resumed.RepetitionsInSet.ShouldBe(4);
            await using var check = restarted.CreateDb();
            (await check.Repetitions.CountAsync(r => r.SessionId == sessionId)).ShouldBe(4);
        }
        finally
        {
            AmbuloAppFactory.DeleteFolder(folder);
        }
    }

    public void Dispose() => _factory.Dispose();
}
