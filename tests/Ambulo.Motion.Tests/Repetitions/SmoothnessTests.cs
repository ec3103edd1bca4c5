using Ambulo.Motion.Repetitions;

namespace Ambulo.Motion.Tests.Repetitions;

public class SmoothnessTests
{
    private const double Rate = 100;

    /// <summary>Speed of a minimum-jerk movement of the given duration and amplitude.</summary>
    private static double[] MinimumJerkSpeed(double seconds, double amplitude)
    {
        var n = (int)(seconds * Rate) + 1;
        return Enumerable.Range(0, n).Select(i =>
        {
            var s = i / (n - 1.0);
            return amplitude / seconds * 30 * s * s * (1 - s) * (1 - s);
        }).ToArray();
    }

    /// <summary>The same movement made of two overlapping sub-movements (a jerky reach).</summary>
    private static double[] TwoSubmovements(double seconds, double amplitude)
    {
        var first = MinimumJerkSpeed(seconds * 0.6, amplitude / 2);
        var second = MinimumJerkSpeed(seconds * 0.6, amplitude / 2);
        var n = (int)(seconds * Rate) + 1;
        var speed = new double[n];
        var offset = n - second.Length;
        for (var i = 0; i < first.Length; i++)
        {
            speed[i] += first[i];
        }

        for (var i = 0; i < second.Length; i++)
        {
            speed[offset + i] += second[i];
        }

        return speed;
    }

    [Fact]
    public void Sparc_SmoothMovement_IsCloserToZeroThanAJerkyOne()
    {
        var smooth = Smoothness.Sparc(MinimumJerkSpeed(2, 30), Rate, padLevel: 4);
        var jerky = Smoothness.Sparc(TwoSubmovements(2, 30), Rate, padLevel: 4);

        smooth.ShouldBeLessThan(0);
        smooth.ShouldBeGreaterThan(jerky);
    }

    [Fact]
    public void Sparc_MatchesADirectFourierSumOfTheDefinition()
    {
        var speed = TwoSubmovements(1.5, 20);
        const int n = 256 * 4; // next power of two of 151 samples, padded twice
        var magnitude = new double[n / 2 + 1];
        for (var k = 0; k <= n / 2; k++)
        {
            double re = 0, im = 0;
            for (var i = 0; i < speed.Length; i++)
            {
                re += speed[i] * Math.Cos(-2 * Math.PI * k * i / n);
                im += speed[i] * Math.Sin(-2 * Math.PI * k * i / n);
            }

            magnitude[k] = Math.Sqrt(re * re + im * im);
        }

        var normalised = magnitude.Select(m => m / magnitude[0]).ToArray();
        var maxBin = (int)Math.Floor(10 / (Rate / n));
        var last = Enumerable.Range(0, maxBin + 1).Last(k => normalised[k] >= 0.05);
        var expected = -Enumerable.Range(1, last).Sum(k => Math.Sqrt(Math.Pow(1.0 / last, 2) + Math.Pow(normalised[k] - normalised[k - 1], 2)));

        Smoothness.Sparc(speed, Rate, 10, 0.05, padLevel: 2).ShouldBe(expected, 1e-9);
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(3, 0)]
    [InlineData(7, 1)]
    [InlineData(64, 0)]
    [InlineData(151, 3)]
    [InlineData(256, 2)]
    [InlineData(257, 2)]
    [InlineData(300, 4)]
    public void Sparc_AnyLengthAndPadding_MatchesTheDirectFourierSum(int length, int padLevel)
    {
        // An irregular, partly negative profile (|v| is what counts), so no symmetry hides an indexing error.
        var speed = new double[length];
        for (var i = 0; i < length; i++)
        {
            speed[i] = Math.Sin(0.37 * i) * (1 + 0.5 * Math.Cos(0.11 * i * i)) + (i % 3 == 0 ? 0.2 : -0.1);
        }

        var n = 1;
        while (n < length)
        {
            n <<= 1;
        }

        n <<= padLevel;
        var magnitude = new double[n / 2 + 1];
        for (var k = 0; k <= n / 2; k++)
        {
            double re = 0, im = 0;
            for (var i = 0; i < length; i++)
            {
                re += Math.Abs(speed[i]) * Math.Cos(-2 * Math.PI * k * i / n);
                im += Math.Abs(speed[i]) * Math.Sin(-2 * Math.PI * k * i / n);
            }

            magnitude[k] = Math.Sqrt(re * re + im * im);
        }

        var m0 = magnitude[0];
        var maxBin = Math.Min(n / 2, (int)Math.Floor(10 / (Rate / n)));
        var last = 0;
        for (var k = 0; k <= maxBin; k++)
        {
            if (magnitude[k] / m0 >= 0.05)
            {
                last = k;
            }
        }

        var expected = 0.0;
        for (var k = 1; k <= last; k++)
        {
            var dm = (magnitude[k] - magnitude[k - 1]) / m0;
            expected -= Math.Sqrt(1.0 / last / last + dm * dm);
        }

        Smoothness.Sparc(speed, Rate, 10, 0.05, padLevel).ShouldBe(expected, 1e-9);
    }

    [Fact]
    public void Sparc_ScaledAmplitudeOrDuration_IsUnchanged()
    {
        var reference = Smoothness.Sparc(MinimumJerkSpeed(2, 30), Rate, padLevel: 4);

        Smoothness.Sparc(MinimumJerkSpeed(2, 90), Rate, padLevel: 4).ShouldBe(reference, 1e-9);
        Smoothness.Sparc(MinimumJerkSpeed(3, 30), Rate, padLevel: 4).ShouldBe(reference, 0.05);
    }

    [Fact]
    public void LogDimensionlessJerk_SmoothMovement_IsHigherThanAJerkyOne()
    {
        var smooth = Smoothness.LogDimensionlessJerk(MinimumJerkSpeed(2, 30), Rate);
        var jerky = Smoothness.LogDimensionlessJerk(TwoSubmovements(2, 30), Rate);

        smooth.ShouldBeGreaterThan(jerky);
    }

    [Fact]
    public void LogDimensionlessJerk_ScaledAmplitude_IsUnchanged()
    {
        Smoothness.LogDimensionlessJerk(MinimumJerkSpeed(2, 90), Rate)
            .ShouldBe(Smoothness.LogDimensionlessJerk(MinimumJerkSpeed(2, 30), Rate), 1e-9);
    }

    [Fact]
    public void Both_NoMovement_ReturnZero()
    {
        Smoothness.Sparc(new double[50], Rate).ShouldBe(0);
        Smoothness.LogDimensionlessJerk(new double[50], Rate).ShouldBe(0);
        Smoothness.Sparc([], Rate).ShouldBe(0);
    }
}
