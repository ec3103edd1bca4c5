namespace Ambulo.Cli.Tests;

public sealed class ImportCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ambulo-import-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Data(params string[] parts) => Path.Combine([CliRunner.RepositoryRoot(), "testdata", .. parts]);

    [Fact]
    public async Task Import_GaitmapLeftFoot_WritesAmbuloFileWithConvertedGyroscope()
    {
        var output = Path.Combine(_dir, "left.csv");

        var result = await CliRunner.RunAsync("import", "gaitmap", Data("gaitmap-foot-mocap", "data", "imu_sample.csv"), "--foot", "left", "-o", output);

        result.ExitCode.ShouldBe(0, result.StandardError);
        result.StandardOutput.ShouldContain("7928 samples");
        result.StandardOutput.ShouldContain("Saturated: 5");
        var lines = File.ReadAllLines(output);
        lines.ShouldContain("# placement: foot-left");
        lines.ShouldContain("# sampling_rate_hz: 204.8");
        var header = Array.IndexOf(lines, "t_s,acc_x_mps2,acc_y_mps2,acc_z_mps2,gyr_x_radps,gyr_y_radps,gyr_z_radps");
        header.ShouldBeGreaterThan(0);
        lines.Length.ShouldBe(header + 1 + 7928);
        // First row of the source: left gyr_x = -0.11240170597252427 deg/s.
        var gyrX = double.Parse(lines[header + 1].Split(',')[4], System.Globalization.CultureInfo.InvariantCulture);
        gyrX.ShouldBe(-0.11240170597252427 * Math.PI / 180, 1e-9);
    }

    [Fact]
    public async Task Import_Mobgap_WritesLowerBackRecording()
    {
        var output = Path.Combine(_dir, "ms.csv");

        var result = await CliRunner.RunAsync("import", "mobgap", Data("mobgap-lowerback", "data_csv", "MS", "001", "TimeMeasure1_Test5_Trial1.csv"), "-o", output);

        result.ExitCode.ShouldBe(0, result.StandardError);
        result.StandardOutput.ShouldContain("1450 samples");
        File.ReadAllLines(output).ShouldContain("# placement: lower-back");
    }

    [Fact]
    public async Task Import_OxfordWithPlacement_UsesGivenPlacement()
    {
        var output = Path.Combine(_dir, "phone.csv");

        var result = await CliRunner.RunAsync("import", "oxford", Data("oxford-phone-steps", "validation", "user2_hand_1506421987098.csv"), "--placement", "hand-right", "-o", output);

        result.ExitCode.ShouldBe(0, result.StandardError);
        var lines = File.ReadAllLines(output);
        lines.ShouldContain("# placement: hand-right");
        lines.ShouldContain("# true_step_count: 340");
    }

    [Fact]
    public async Task Import_GaitmapWithoutFoot_ExitsTwoAndSaysWhy()
    {
        var result = await CliRunner.RunAsync("import", "gaitmap", Data("gaitmap-foot-mocap", "data", "imu_sample.csv"), "-o", Path.Combine(_dir, "x.csv"));

        result.ExitCode.ShouldBe(2);
        result.StandardError.ShouldContain("--foot");
    }

    [Fact]
    public async Task Import_MissingFile_ExitsTwo()
    {
        var result = await CliRunner.RunAsync("import", "mobgap", Path.Combine(_dir, "none.csv"), "-o", Path.Combine(_dir, "x.csv"));

        result.ExitCode.ShouldBe(2);
        result.StandardError.ShouldContain("does not exist");
    }

    [Fact]
    public async Task Import_WrongFormatFile_ExitsTwoNamingTheProblem()
    {
        var input = Path.Combine(_dir, "bad.csv");
        await File.WriteAllTextAsync(input, "time,ax,ay\n0,1,2\n");

        var result = await CliRunner.RunAsync("import", "mobgap", input, "-o", Path.Combine(_dir, "x.csv"));

        result.ExitCode.ShouldBe(2);
        result.StandardError.ShouldContain("samples");
    }
}
