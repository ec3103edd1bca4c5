using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Samples;

namespace Ambulo.Cli.Tests;

public sealed class WalkTestCommandTests : IDisposable
{
    private const double StepMeters = 0.7;
    private const double StepSeconds = 0.6;
    private readonly string _dir = Directory.CreateTempSubdirectory("ambulo-walktest-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>
    /// SYNTHETIC phone in a trouser pocket, 50 Hz: a walker taking <paramref name="contacts"/> contacts of 0.7 m every
    /// <paramref name="stepSeconds"/> (0.6 s) from 3 s on, one vertical bounce per contact, and (every <paramref name="stepsPerLeg"/> steps) a 180° turn
    /// about the vertical axis over 2.4 s while stepping on. Returns the file and the contact times.
    /// </summary>
    private (string Path, List<double> Contacts) WritePocketWalk(string name, int contacts, int stepsPerLeg = int.MaxValue, double stepSeconds = StepSeconds, bool gyroscope = true)
    {
        const double rate = 50, lead = 3;
        var times = Enumerable.Range(0, contacts).Select(k => lead + (k * stepSeconds)).ToList();
        var turnStarts = Enumerable.Range(1, contacts).Where(k => k % stepsPerLeg == 0 && k < contacts - 4).Select(k => times[k]).ToList();
        var n = (int)((times[^1] + lead) * rate);
        var samples = new ImuSample[n];
        for (var i = 0; i < n; i++)
        {
            var t = i / rate;
            double vertical = 0, yaw = 0;
            var near = (int)Math.Round((t - lead) / stepSeconds);
            for (var k = Math.Max(0, near - 2); k <= Math.Min(contacts - 1, near + 2); k++)
            {
                var d = t - times[k];
                vertical += 2.5 * Math.Exp(-d * d / (2 * 0.06 * 0.06));
            }

            foreach (var s in turnStarts.Where(s => t > s && t < s + 2.4))
            {
                yaw += Math.PI * Math.PI / (2 * 2.4) * Math.Sin(Math.PI * (t - s) / 2.4);
            }

            samples[i] = new ImuSample(t, new Vector3(0.02f * (i % 3), 0, (float)(9.81 + vertical)), new Vector3(0, 0, (float)yaw));
        }

        var path = Path.Combine(_dir, name);
        TestRecordingFiles.Write(path, samples, SensorKind.Phone, "front-pocket", rate, gyroscope);
        return (path, times);
    }

    private async Task<string> CalibrateAsync()
    {
        // 15 contacts = 14 steps of 0.7 m over a known 9.8 m.
        var (path, _) = WritePocketWalk("calibration.csv", 15);
        var fit = await CliRunner.RunAsync("gait-calibrate", path, "--distance-m", "9.8", "--preset", "slow-or-impaired", "--json");
        fit.ExitCode.ShouldBe(0, fit.StandardError);
        using var json = JsonDocument.Parse(fit.StandardOutput);
        return json.RootElement.GetProperty("step_constant").GetDouble().ToString(CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task WalkTest_SixMinutesWithTheCalibratedConstant_GivesTheKnownSensorDistanceAndNamesWeinberg()
    {
        var k = await CalibrateAsync();
        // 620 contacts at 0.6 s = 371.4 s; a 180° turn every 20 steps (a 14 m leg).
        var (path, contacts) = WritePocketWalk("six.csv", 620, stepsPerLeg: 20);

        var result = await CliRunner.RunAsync("walktest", "6mwt", path, "--step-constant", k, "--course-length-m", "14", "--json");

        result.ExitCode.ShouldBe(0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        root.GetProperty("distance_model").GetString().ShouldBe("weinberg-acceleration-range");
        // Truth: 600 steps of 0.7 m in the six minutes from the first contact.
        var trueSteps = (int)Math.Round(360 / StepSeconds);
        root.GetProperty("sensor_distance_m").GetDouble().ShouldBe(trueSteps * StepMeters, trueSteps * StepMeters * 0.02);
        var turns = root.GetProperty("turns").GetInt32();
        turns.ShouldBe(Enumerable.Range(1, 600).Count(s => s % 20 == 0 && contacts[s] + 2.4 <= contacts[0] + 360));
        root.GetProperty("course_distance_m").GetDouble().ShouldBe(turns * 14.0);
        // The unfinished last leg is estimated from its steps: with it the course distance comes to the 420 m walked,
        // within about three steps (the first leg, from the start line to the middle of the first turn, is two steps longer).
        var partial = root.GetProperty("partial_leg_estimate_m").GetDouble();
        partial.ShouldBeInRange(0, 14);
        root.GetProperty("partial_leg_basis").GetString().ShouldBe("steps-per-leg");
        root.GetProperty("estimated_total_distance_m").GetDouble().ShouldBe(trueSteps * StepMeters, 3 * StepMeters);
        root.GetProperty("decline_measure").GetString().ShouldBe("speed");
    }

    [Fact]
    public async Task WalkTest_SixMinutesWithTheWrongCourseLength_CautionsThatCourseAndSensorDisagree()
    {
        var k = await CalibrateAsync();
        // A 14 m leg between turns, as above; given as 14 m the two distances agree, given as 30 m the course reads about
        // twice what the sensor measured.
        var (path, _) = WritePocketWalk("six.csv", 620, stepsPerLeg: 20);

        var right = await CliRunner.RunAsync("walktest", "6mwt", path, "--step-constant", k, "--course-length-m", "14");
        var wrong = await CliRunner.RunAsync("walktest", "6mwt", path, "--step-constant", k, "--course-length-m", "30");

        right.ExitCode.ShouldBe(0, right.StandardError);
        right.StandardOutput.ShouldNotContain("disagree");
        wrong.ExitCode.ShouldBe(0, wrong.StandardError);
        wrong.StandardOutput.ShouldContain("Caution: the course and the sensor disagree");
        wrong.StandardOutput.ShouldContain("--course-length-m");
        wrong.StandardOutput.ShouldContain("weinberg-acceleration-range model");

        // JSON readers get the same caution, from the result itself.
        var rightJson = await CliRunner.RunAsync("walktest", "6mwt", path, "--step-constant", k, "--course-length-m", "14", "--json");
        var wrongJson = await CliRunner.RunAsync("walktest", "6mwt", path, "--step-constant", k, "--course-length-m", "30", "--json");
        using (var json = JsonDocument.Parse(rightJson.StandardOutput))
        {
            json.RootElement.TryGetProperty("distance_caution", out _).ShouldBeFalse();
        }

        using (var json = JsonDocument.Parse(wrongJson.StandardOutput))
        {
            json.RootElement.GetProperty("distance_caution").GetString()!.ShouldStartWith("the course and the sensor disagree");
        }
    }

    [Fact]
    public async Task WalkTest_FourteenMetreWalkway_IsRefusedAsTenMetresAndTimedOverTheMiddleTenWhenStated()
    {
        var k = await CalibrateAsync();
        // The same walker on a 2 m + 10 m + 2 m walkway: 21 contacts = 14 m in 12 s, 1.167 m/s.
        var (path, _) = WritePocketWalk("fourteen.csv", 21);

        var asTen = await CliRunner.RunAsync("walktest", "10mwt", path, "--step-constant", k, "--json");
        var asFourteen = await CliRunner.RunAsync("walktest", "10mwt", path, "--step-constant", k, "--walkway-m", "14", "--json");
        var text = await CliRunner.RunAsync("walktest", "10mwt", path, "--step-constant", k, "--walkway-m", "14");

        asTen.ExitCode.ShouldBe(1, asTen.StandardError);
        using (var json = JsonDocument.Parse(asTen.StandardOutput))
        {
            json.RootElement.GetProperty("measured").GetBoolean().ShouldBeFalse();
            json.RootElement.GetProperty("problem").GetString()!.ShouldContain("from the stated 10 m walkway");
        }

        asFourteen.ExitCode.ShouldBe(0, asFourteen.StandardError);
        using (var json = JsonDocument.Parse(asFourteen.StandardOutput))
        {
            var root = json.RootElement;
            root.GetProperty("walkway_m").GetDouble().ShouldBe(14);
            root.GetProperty("timed_m").GetDouble().ShouldBe(10);
            root.GetProperty("gait_speed_mps").GetDouble().ShouldBe(StepMeters / StepSeconds, 0.05);
            root.GetProperty("middle_time_s").GetDouble().ShouldBe(10 / (StepMeters / StepSeconds), 0.4);
            root.GetProperty("comfortable").GetProperty("timed_m").GetDouble().ShouldBe(10);
        }

        text.StandardOutput.ShouldContain("middle 10 m of a 14 m walkway");
    }

    [Fact]
    public async Task WalkTest_TugFromAWalkThatStartsStanding_ExitsOneSayingItDidNotBeginSeated()
    {
        // The pocket walk of these tests starts and ends standing upright (the phone's tilt never changes): there is no
        // sit-to-stand to time, so the CLI must say so rather than print a sit-to-stand phase.
        var (path, _) = WritePocketWalk("standing.csv", 21, stepsPerLeg: 10);

        var text = await CliRunner.RunAsync("walktest", "tug", path);
        var json = await CliRunner.RunAsync("walktest", "tug", path, "--json");

        text.ExitCode.ShouldBe(1, text.StandardError);
        text.StandardOutput.ShouldContain("Timed Up and Go not measured: the recording does not begin seated");
        text.StandardOutput.ShouldNotContain("sit-to-stand 4");
        using var d = JsonDocument.Parse(json.StandardOutput);
        d.RootElement.GetProperty("measured").GetBoolean().ShouldBeFalse();
        d.RootElement.TryGetProperty("total_s", out _).ShouldBeFalse();
        d.RootElement.GetProperty("problem").GetString()!.ShouldContain("does not begin seated");
    }

    [Theory]
    [InlineData("10mwt", "5")]
    [InlineData("10mwt", "51")]
    [InlineData("6mwt", "14")]
    public async Task WalkTest_WalkwayOutOfRangeOrForAnotherTest_ExitsTwoNamingTheOption(string test, string walkway)
    {
        var (path, _) = WritePocketWalk("walk.csv", 21);

        var result = await CliRunner.RunAsync("walktest", test, path, "--walkway-m", walkway);

        result.ExitCode.ShouldBe(2);
        result.StandardError.ShouldContain("--walkway-m");
    }

    [Fact]
    public async Task WalkTest_TenMetresWithTheCalibratedConstant_MeasuresTheWalkAndNamesWeinberg()
    {
        var k = await CalibrateAsync();
        // Another walk of the same walker: 15 contacts = 9.8 m in 8.4 s, 1.167 m/s.
        var (path, _) = WritePocketWalk("ten.csv", 15);

        var result = await CliRunner.RunAsync("walktest", "10mwt", path, "--step-constant", k, "--json");

        result.ExitCode.ShouldBe(0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        root.GetProperty("distance_model").GetString().ShouldBe("weinberg-acceleration-range");
        root.GetProperty("distance_source").GetString().ShouldBe("sensor-distance");
        root.GetProperty("sensor_distance_m").GetDouble().ShouldBe(9.8, 0.2);
        root.GetProperty("gait_speed_mps").GetDouble().ShouldBe(StepMeters / StepSeconds, 0.04);
    }

    [Fact]
    public async Task WalkTest_SixMinutesWithHeightOnly_UsesTheHeightRatio_AndWithoutEitherHasNoSensorDistance()
    {
        var (path, _) = WritePocketWalk("six.csv", 620, stepsPerLeg: 20);

        var height = await CliRunner.RunAsync("walktest", "6mwt", path, "--height-m", "1.6", "--json");
        var none = await CliRunner.RunAsync("walktest", "6mwt", path, "--json");

        height.ExitCode.ShouldBe(0, height.StandardError);
        using var withHeight = JsonDocument.Parse(height.StandardOutput);
        withHeight.RootElement.GetProperty("distance_model").GetString().ShouldBe("height-ratio");
        withHeight.RootElement.GetProperty("sensor_distance_m").GetDouble().ShouldBe(600 * 0.414 * 1.6, 600 * 0.414 * 1.6 * 0.02);
        none.ExitCode.ShouldBe(0, none.StandardError);
        using var without = JsonDocument.Parse(none.StandardOutput);
        without.RootElement.TryGetProperty("distance_model", out _).ShouldBeFalse();
        without.RootElement.TryGetProperty("sensor_distance_m", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("10mwt")]
    [InlineData("tug")]
    [InlineData("6mwt")]
    [InlineData("daily")]
    public async Task WalkTest_PhoneWithoutADistanceModel_OmitsTheDistanceKeysLikeGait(string test)
    {
        // A pocket phone without --step-constant or --height-m has no distance model: 'gait' omits summary.distance_model,
        // so walktest must not write "distance_model": "none" (or any other "none") either.
        var (path, _) = WritePocketWalk("walk.csv", 40, stepsPerLeg: 20);

        var result = await CliRunner.RunAsync("walktest", test, path, "--json");
        var gait = await CliRunner.RunAsync("gait", path, "--json");

        using var json = JsonDocument.Parse(result.StandardOutput);
        using var gaitJson = JsonDocument.Parse(gait.StandardOutput);
        gaitJson.RootElement.GetProperty("summary").TryGetProperty("distance_model", out _).ShouldBeFalse();
        var keys = new List<string>();
        var noneValues = new List<string>();
        void Walk(JsonElement e, string at)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in e.EnumerateObject())
                {
                    keys.Add(p.Name);
                    if (p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() == "none")
                    {
                        noneValues.Add(at + "." + p.Name);
                    }

                    Walk(p.Value, at + "." + p.Name);
                }
            }
            else if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray())
                {
                    Walk(item, at + "[]");
                }
            }
        }

        Walk(json.RootElement, "$");
        keys.Count.ShouldBeGreaterThan(3);
        noneValues.ShouldBeEmpty();
        keys.ShouldNotContain("distance_model");
        // Distances that only a model gives (the 6MWT's course_distance_meters comes from turns × course length, so stays).
        keys.ShouldNotContain("sensor_distance_m");
        keys.ShouldNotContain("walked_distance_m");
        keys.ShouldNotContain("distance_m");
    }

    [Fact]
    public async Task WalkTest_ThreeComfortableAndTwoFastTrials_AveragesEachPaceByTheProtocol()
    {
        // Comfortable trials: 15 contacts at 0.6 s each, so the middle 6 m take 0.6 × 14 × 0.6 = 5.04 s; fast trials
        // are written with 0.45 s steps: 3.78 s.
        var comfortable = new[] { "c1.csv", "c2.csv", "c3.csv" }.Select(n => WritePocketWalk(n, 15).Path).ToList();
        var fast = new[] { "f1.csv", "f2.csv" }.Select(n => WritePocketWalk(n, 15, stepSeconds: 0.45).Path).ToList();

        var result = await CliRunner.RunAsync(["walktest", "10mwt", .. comfortable, "--fast", .. fast, "--json"]);

        result.ExitCode.ShouldBe(0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var c = json.RootElement.GetProperty("comfortable");
        c.GetProperty("pace").GetString().ShouldBe("comfortable");
        c.GetProperty("trials").GetInt32().ShouldBe(3);
        c.GetProperty("gait_speed_mps").GetDouble().ShouldBe(6 / 5.04, 0.03);
        c.GetProperty("band").GetProperty("perry").GetString().ShouldBe("community");
        var f = json.RootElement.GetProperty("fast");
        f.GetProperty("trials").GetInt32().ShouldBe(2);
        f.GetProperty("gait_speed_mps").GetDouble().ShouldBe(6 / 3.78, 0.05);
        f.GetProperty("trial_results").GetArrayLength().ShouldBe(2);
        // The top level stays the first trial, as with one recording.
        json.RootElement.GetProperty("middle_time_s").GetDouble().ShouldBe(5.04, 0.1);

        var text = await CliRunner.RunAsync(["walktest", "10mwt", .. comfortable, "--fast", .. fast]);
        text.StandardOutput.ShouldContain("comfortable pace");
        text.StandardOutput.ShouldContain("fast pace");
        text.StandardOutput.ShouldContain("mean of 3 trials");
    }

    [Fact]
    public async Task WalkTest_TugWithTwoRecordings_ExitsTwoSayingOneRecording()
    {
        var a = WritePocketWalk("a.csv", 15).Path;
        var b = WritePocketWalk("b.csv", 15).Path;

        var result = await CliRunner.RunAsync("walktest", "tug", a, b);

        result.ExitCode.ShouldBe(2);
        result.StandardError.ShouldContain("exactly one RECORDING");
    }

    [Theory]
    [InlineData("--step-constant", "0")]
    [InlineData("--height-m", "4")]
    [InlineData("--leg-length-m", "3")]
    public async Task WalkTest_ImplausibleDistanceOption_ExitsTwoNamingTheOption(string option, string value)
    {
        var (path, _) = WritePocketWalk("ten.csv", 15);

        var result = await CliRunner.RunAsync("walktest", "10mwt", path, option, value);

        result.ExitCode.ShouldBe(2);
        result.StandardError.ShouldContain(option);
    }

    [Fact]
    public async Task WalkTest_TenMetreWalkOfEvenSteps_PrintsSpeedAndBandAsJson()
    {
        // 21 steps of 0.5 s from a pocket phone: the middle 6 m of 10 m take 6 s → 1.0 m/s.
        var samples = new List<ImuSample>();
        for (var i = 0; i < 100 * 16; i++)
        {
            var t = i / 100.0;
            double vertical = 0;
            for (var k = 0; k < 21; k++)
            {
                var d = t - (2 + 0.5 * k);
                vertical += 2.5 * Math.Exp(-d * d / (2 * 0.06 * 0.06));
            }

            samples.Add(new ImuSample(t, new Vector3(0, (float)(9.81 + vertical), 0)));
        }

        var path = Path.Combine(_dir, "walk.csv");
        TestRecordingFiles.Write(path, samples.ToArray(), SensorKind.Phone, "front-pocket", 100, gyroscope: false);

        var result = await CliRunner.RunAsync("walktest", "10mwt", path, "--json");

        result.ExitCode.ShouldBe(0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        json.RootElement.GetProperty("gait_speed_mps").GetDouble().ShouldBe(1.0, 0.03);
        json.RootElement.GetProperty("band").GetProperty("perry").GetString().ShouldBe("community");
    }

    [Fact]
    public async Task WalkTest_UnknownTest_ExitsTwo()
    {
        var result = await CliRunner.RunAsync("walktest", "marathon", "x.csv");

        result.ExitCode.ShouldBe(2);
        result.StandardError.ShouldContain("10mwt");
    }

    [Fact]
    public async Task WalkTest_SixMinuteWalkOnAShortRecording_CautionsThatItIsNotSixMinutes()
    {
        var (path, _) = WritePocketWalk("short.csv", 40, stepsPerLeg: 20); // 3 s + 39 × 0.6 s + 3 s = 29.4 s

        var result = await CliRunner.RunAsync("walktest", "6mwt", path);

        result.StandardOutput.ShouldContain("6-minute walk: 40 steps, cadence 100 steps/min");
        result.StandardOutput.ShouldContain("Caution: the recording lasts 29 s, less than 6 minutes");
        result.StandardOutput.ShouldContain("How speed changed over the walk: not measured, the recording holds no complete minute of walking (two are needed).");
        result.StandardOutput.ShouldNotContain("%");
        var json = await CliRunner.RunAsync("walktest", "6mwt", path, "--json");
        using var doc = JsonDocument.Parse(json.StandardOutput);
        doc.RootElement.TryGetProperty("decline_percent", out _).ShouldBeFalse();
        doc.RootElement.TryGetProperty("decline_measure", out _).ShouldBeFalse();
        doc.RootElement.TryGetProperty("decline_to_minute", out _).ShouldBeFalse();
        var minute = doc.RootElement.GetProperty("minutes").EnumerateArray().Single();
        minute.GetProperty("complete").GetBoolean().ShouldBeFalse();
        minute.GetProperty("recorded_s").GetDouble().ShouldBe(39 * StepSeconds + 3, 0.2);
    }

    [Fact]
    public async Task WalkTest_SixMinuteWalkFromAPhoneWithoutAGyroscope_OmitsTurnsAndCourseDistance()
    {
        // The six minutes with a turn every 20 steps, logged without a gyroscope: turns cannot be seen, so no turn count
        // and no distance by course (not "0 turns, 0 m").
        var (path, _) = WritePocketWalk("six.csv", 620, stepsPerLeg: 20, gyroscope: false);

        var result = await CliRunner.RunAsync("walktest", "6mwt", path, "--course-length-m", "14", "--json");
        var text = await CliRunner.RunAsync("walktest", "6mwt", path, "--course-length-m", "14");

        result.ExitCode.ShouldBe(0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        root.GetProperty("steps").GetInt32().ShouldBeGreaterThan(590);
        foreach (var key in new[] { "turns", "completed_legs", "course_distance_m", "partial_leg_estimate_m", "partial_leg_basis", "estimated_total_distance_m" })
        {
            root.TryGetProperty(key, out _).ShouldBeFalse(key);
        }

        text.StandardOutput.ShouldContain("turns not measured (the recording has no gyroscope), so no distance by course");
        text.StandardOutput.ShouldNotContain("0 turns");
        text.StandardOutput.ShouldNotContain("m by course");
    }

    [Fact]
    public async Task WalkTest_SixMinuteWalkOfThreeAndAHalfMinutes_ComparesMinuteOneWithMinuteThree()
    {
        // 346 contacts every 0.6 s: the recording ends 3 s after the last, 210 s after the first: minutes 1–3 complete,
        // minute 4 cut to 30 s, minutes 5 and 6 not recorded (they used to read as a 100 % fall).
        var (path, _) = WritePocketWalk("three.csv", 346);

        var text = await CliRunner.RunAsync("walktest", "6mwt", path);
        var result = await CliRunner.RunAsync("walktest", "6mwt", path, "--json");

        text.ExitCode.ShouldBe(0, text.StandardError);
        text.StandardOutput.ShouldContain("% from minute 1 to minute 3 (the last complete minute recorded).");
        text.StandardOutput.ShouldNotContain("100 %");
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        root.GetProperty("decline_to_minute").GetInt32().ShouldBe(3);
        root.GetProperty("decline_measure").GetString().ShouldBe("cadence");
        root.GetProperty("decline_percent").GetDouble().ShouldBe(0, 3);
        root.GetProperty("minutes").EnumerateArray().Select(m => m.GetProperty("complete").GetBoolean()).ShouldBe([true, true, true, false]);
    }

    [Fact]
    public async Task WalkTest_SixMinuteWalkOfSixMinutes_HasNoCaution()
    {
        var (path, _) = WritePocketWalk("six.csv", 620, stepsPerLeg: 20);

        var result = await CliRunner.RunAsync("walktest", "6mwt", path);

        result.ExitCode.ShouldBe(0, result.StandardError);
        result.StandardOutput.ShouldNotContain("Caution");
    }

    [Fact]
    public async Task WalkTest_TenMetreWalkWhoseSensorDistanceIsFarFromTenMetres_IsNotTimedAndExitsOne()
    {
        // 25 steps of 0.7 m measured with the calibrated constant: about 16.8 m of walking, not 10 m.
        var k = await CalibrateAsync();
        var (path, _) = WritePocketWalk("long.csv", 25);

        var text = await CliRunner.RunAsync("walktest", "10mwt", path, "--step-constant", k);
        var result = await CliRunner.RunAsync("walktest", "10mwt", path, "--step-constant", k, "--json");

        text.ExitCode.ShouldBe(1, text.StandardError);
        text.StandardOutput.ShouldContain("10-metre walk, comfortable pace: not timed, so no gait speed and no band.");
        text.StandardOutput.ShouldContain("Comfortable trial 1: not timed: the sensor measured 16.");
        text.StandardOutput.ShouldContain("more than 25 % from the stated 10 m walkway");
        text.StandardOutput.ShouldNotContain("m/s;");
        result.ExitCode.ShouldBe(1, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        root.GetProperty("measured").GetBoolean().ShouldBeFalse();
        root.GetProperty("sensor_distance_m").GetDouble().ShouldBe(24 * StepMeters, 0.4);
        root.GetProperty("problem").GetString()!.ShouldContain("more than 25 %");
        var comfortable = root.GetProperty("comfortable");
        comfortable.GetProperty("measured").GetBoolean().ShouldBeFalse();
        comfortable.GetProperty("trials").GetInt32().ShouldBe(0);
        foreach (var key in new[] { "middle_start_s", "middle_end_s", "middle_time_s", "gait_speed_mps", "band" })
        {
            root.TryGetProperty(key, out _).ShouldBeFalse(key);
            comfortable.TryGetProperty(key, out _).ShouldBeFalse(key);
        }

        comfortable.TryGetProperty("mean_middle_time_s", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task WalkTest_TenMetreWalkOfTooFewStepsWithoutADistanceModel_IsNotTimedAndSaysWhy()
    {
        // 7 contacts from a phone without a distance model: at most 7 m even at 1 m a step, so not a 10 m walk.
        var (path, _) = WritePocketWalk("short.csv", 7);

        var result = await CliRunner.RunAsync("walktest", "10mwt", path);

        result.ExitCode.ShouldBe(1, result.StandardError);
        result.StandardOutput.ShouldContain("Comfortable trial 1: not timed: only 7 steps, and 10 m take at least 10 steps of at most 1.0 m");
        result.StandardOutput.ShouldContain("not timed, so no gait speed and no band");
    }

    [Fact]
    public async Task WalkTest_TenMetreWalkOfAThreeMinuteWalkWithoutADistanceModel_IsNotTimedInsteadOfAHouseholdBand()
    {
        // 300 contacts from a phone without a distance model (a 3-minute walk, not a 10 m one): stretched onto the course it
        // used to read as 0.05 m/s, "household"; 10 m hold at most 100 steps of at least 0.1 m.
        var (path, _) = WritePocketWalk("three-minutes.csv", 300);

        var text = await CliRunner.RunAsync("walktest", "10mwt", path);
        var result = await CliRunner.RunAsync("walktest", "10mwt", path, "--json");

        text.ExitCode.ShouldBe(1, text.StandardError);
        text.StandardOutput.ShouldContain("Comfortable trial 1: not timed: 300 steps, and 10 m take at most 100 steps of at least 0.1 m");
        text.StandardOutput.ShouldContain("not timed, so no gait speed and no band");
        text.StandardOutput.ShouldNotContain("band household");
        text.StandardOutput.ShouldNotContain("m/s;");
        result.ExitCode.ShouldBe(1, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        json.RootElement.GetProperty("measured").GetBoolean().ShouldBeFalse();
        json.RootElement.GetProperty("steps").GetInt32().ShouldBe(300);
        json.RootElement.TryGetProperty("gait_speed_mps", out _).ShouldBeFalse();
        json.RootElement.TryGetProperty("band", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task WalkTest_TenMetreTrialsOneOfThemShort_AveragesTheTimedTrialsAndNamesTheOther()
    {
        // Comfortable trials with the calibrated constant: 9.8 m, then a 3.5 m walk (6 contacts), then 9.8 m again; the
        // mean is of the two timed trials only (middle 6 m of 14 steps of 0.6 s: 5.04 s each).
        var k = await CalibrateAsync();
        var trials = new[] { ("t1.csv", 15), ("t2.csv", 6), ("t3.csv", 15) }.Select(t => WritePocketWalk(t.Item1, t.Item2).Path).ToList();

        var result = await CliRunner.RunAsync(["walktest", "10mwt", .. trials, "--step-constant", k, "--json"]);
        var text = await CliRunner.RunAsync(["walktest", "10mwt", .. trials, "--step-constant", k]);

        result.ExitCode.ShouldBe(0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var c = json.RootElement.GetProperty("comfortable");
        c.GetProperty("measured").GetBoolean().ShouldBeTrue();
        c.GetProperty("trials").GetInt32().ShouldBe(2);
        c.GetProperty("mean_middle_time_s").GetDouble().ShouldBe(5.04, 0.1);
        c.GetProperty("gait_speed_mps").GetDouble().ShouldBe(6 / 5.04, 0.1);
        var each = c.GetProperty("trial_results").EnumerateArray().ToList();
        each.Select(t => t.GetProperty("measured").GetBoolean()).ShouldBe([true, false, true]);
        each[1].GetProperty("sensor_distance_m").GetDouble().ShouldBe(5 * StepMeters, 0.2);
        each[1].GetProperty("problem").GetString()!.ShouldContain("from the stated 10 m walkway");
        each[1].TryGetProperty("gait_speed_mps", out _).ShouldBeFalse();
        each[1].TryGetProperty("middle_time_s", out _).ShouldBeFalse();
        each[0].GetProperty("gait_speed_mps").GetDouble().ShouldBe(6 / 5.04, 0.1);
        text.ExitCode.ShouldBe(0, text.StandardError);
        text.StandardOutput.ShouldContain("(mean of 2 trials)");
        text.StandardOutput.ShouldContain("Note: 1 of 3 trials could not be timed and are not in the mean.");
        text.StandardOutput.ShouldContain("Comfortable trial 2: not timed: the sensor measured 3.");
        text.StandardOutput.ShouldNotContain("Comfortable trial 1: not timed");
        text.StandardOutput.ShouldNotContain("Comfortable trial 3: not timed");
    }
}
