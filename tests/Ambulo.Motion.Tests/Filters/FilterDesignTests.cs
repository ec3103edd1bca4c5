using Ambulo.Motion.Filters;
using CsCheck;

namespace Ambulo.Motion.Tests.Filters;

public class FilterDesignTests
{
    private static double[] Sine(double frequencyHz, double rateHz, int n) =>
        Enumerable.Range(0, n).Select(i => Math.Sin(2 * Math.PI * frequencyHz * i / rateHz)).ToArray();

    private static double SteadyAmplitude(FilterDesign design, double[] input)
    {
        var state = design.CreateState();
        var output = input.Select(state.Process).ToArray();
        return output.Skip(output.Length / 2).Max(Math.Abs);
    }

    [Theory]
    [InlineData(3, 100)]
    [InlineData(1.5, 50)]
    [InlineData(10, 204.8)]
    public void LowPass_AnyCutoff_HasUnitGainAtZeroHertz(double cutoffHz, double rateHz)
    {
        var design = FilterDesign.LowPass(cutoffHz, rateHz);

        design.Sections.Single().DcGain.ShouldBe(1, 1e-12);
    }

    [Fact]
    public void LowPass_SignalWellBelowCutoff_Passes()
    {
        SteadyAmplitude(FilterDesign.LowPass(3, 100), Sine(0.3, 100, 4000)).ShouldBe(1, 0.01);
    }

    [Fact]
    public void LowPass_TremorAboveCutoff_IsAttenuated()
    {
        // 2nd-order Butterworth: gain 1/sqrt(1 + (f/fc)^4) ≈ 0.1 at 3.2 × fc; the bilinear transform only lowers it.
        SteadyAmplitude(FilterDesign.LowPass(3, 100), Sine(9.6, 100, 4000)).ShouldBeLessThan(0.11);
        SteadyAmplitude(FilterDesign.LowPass(3, 100, order: 4), Sine(9.6, 100, 4000)).ShouldBeLessThan(0.011);
    }

    [Fact]
    public void LowPass_AtCutoff_HalvesPower()
    {
        SteadyAmplitude(FilterDesign.LowPass(5, 100), Sine(5, 100, 8000)).ShouldBe(Math.Sqrt(0.5), 0.01);
    }

    [Fact]
    public void BandPass_ConstantInput_SettlesToZero()
    {
        var state = FilterDesign.BandPass(0.5, 5, 100).CreateState();
        var last = 0.0;
        for (var i = 0; i < 3000; i++)
        {
            last = state.Process(4.0);
        }

        last.ShouldBe(0, 1e-6);
    }

    /// <summary>The zero-phase filter as defined: the per-sample cascade settled on the first input, then again backwards.</summary>
    private static double[] CascadeZeroPhase(FilterDesign design, double[] input)
    {
        var output = new double[input.Length];
        var state = design.CreateState();
        state.Settle(input[0]);
        for (var i = 0; i < input.Length; i++)
        {
            output[i] = state.Process(input[i]);
        }

        state.Settle(output[^1]);
        for (var i = input.Length - 1; i >= 0; i--)
        {
            output[i] = state.Process(output[i]);
        }

        return output;
    }

    [Fact]
    public void FilterZeroPhase_AnySignalAndDesign_BitIdenticalToThePerSampleCascade()
    {
        var designs = new[]
        {
            FilterDesign.LowPass(2, 100), FilterDesign.HighPass(0.1, 100, 4), FilterDesign.BandPass(0.5, 3, 50, 4), FilterDesign.LowPass(25, 204.8, 4),
        };
        Gen.Select(Gen.Double[-50, 50].Array[1, 400], Gen.Int[0, designs.Length - 1]).Sample((signal, d) =>
        {
            var expected = CascadeZeroPhase(designs[d], signal);
            var separate = new double[signal.Length];
            designs[d].FilterZeroPhase(signal, separate);
            var inPlace = (double[])signal.Clone();
            designs[d].FilterZeroPhase(inPlace, inPlace);
            return separate.SequenceEqual(expected) && inPlace.SequenceEqual(expected);
        });
    }

    [Fact]
    public void FilterZeroPhase_ThreeSignalsAtOnce_EachBitIdenticalToFilteringItAlone()
    {
        var design = FilterDesign.HighPass(0.3, 50, 4);
        Gen.Double[-20, 20].Array[3, 300].Sample(values =>
        {
            var n = values.Length / 3;
            double[] x = values[..n], y = values[n..(2 * n)], z = values[(2 * n)..(3 * n)];
            var expected = new[] { CascadeZeroPhase(design, x), CascadeZeroPhase(design, y), CascadeZeroPhase(design, z) };
            design.FilterZeroPhase(x, y, z);
            return x.SequenceEqual(expected[0]) && y.SequenceEqual(expected[1]) && z.SequenceEqual(expected[2]);
        });
    }

    [Fact]
    public void FilterZeroPhase_TwoSignalsWithTwoDesigns_EachBitIdenticalToFilteringItAlone()
    {
        // Single sections run interleaved; any other pair falls back to one after the other. Both must equal the definition.
        var pairs = new[]
        {
            (FilterDesign.LowPass(3, 100), FilterDesign.HighPass(0.4, 100)),
            (FilterDesign.HighPass(0.4, 100), FilterDesign.LowPass(3, 100)),
            (FilterDesign.LowPass(2, 100, 4), FilterDesign.HighPass(0.4, 100)),
        };
        Gen.Select(Gen.Double[-20, 20].Array[2, 300], Gen.Int[0, pairs.Length - 1]).Sample((values, p) =>
        {
            var (first, second) = pairs[p];
            var n = values.Length / 2;
            double[] x = values[..n], y = values[n..(2 * n)];
            var expectedX = CascadeZeroPhase(first, x);
            var expectedY = CascadeZeroPhase(second, y);
            first.FilterZeroPhase(x, second, y);
            return x.SequenceEqual(expectedX) && y.SequenceEqual(expectedY);
        });
    }

    [Fact]
    public void FilterZeroPhase_TwoSignalsOfDifferentLengths_Throws()
    {
        Should.Throw<ArgumentException>(() => FilterDesign.LowPass(2, 100).FilterZeroPhase(new double[5], FilterDesign.HighPass(1, 100), new double[4]));
    }

    [Fact]
    public void FilterZeroPhase_ThreeSignalsOfDifferentLengths_Throws()
    {
        Should.Throw<ArgumentException>(() => FilterDesign.LowPass(2, 100).FilterZeroPhase(new double[5], new double[5], new double[4]));
    }

    [Fact]
    public void FilterZeroPhase_SymmetricPulse_KeepsPeakInPlace()
    {
        var input = Enumerable.Range(0, 400).Select(i => Math.Exp(-Math.Pow((i - 200) / 15.0, 2))).ToArray();
        var output = new double[input.Length];

        FilterDesign.LowPass(2, 100).FilterZeroPhase(input, output);

        Math.Abs(Array.IndexOf(output, output.Max()) - 200).ShouldBeLessThanOrEqualTo(1);
        var causal = FilterDesign.LowPass(2, 100).CreateState();
        var delayed = input.Select(causal.Process).ToArray();
        Array.IndexOf(delayed, delayed.Max()).ShouldBeGreaterThan(205);
    }

    [Fact]
    public void Settle_ConstantInput_GivesNoTransient()
    {
        var state = FilterDesign.LowPass(3, 100, order: 4).CreateState();
        state.Settle(7.5);

        for (var i = 0; i < 50; i++)
        {
            state.Process(7.5).ShouldBe(7.5, 1e-9);
        }
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(50, 100)]
    [InlineData(3, -1)]
    public void LowPass_CutoffOutsideZeroToNyquist_Throws(double cutoffHz, double rateHz)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => FilterDesign.LowPass(cutoffHz, rateHz));
    }
}
