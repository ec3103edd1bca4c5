namespace Ambulo.Motion.Filters;

/// <summary>
/// A band-limiting filter as a cascade of second-order sections, designed once from cut-off
/// frequencies and the sampling rate. Run it causally with <see cref="CreateState"/> (online and
/// offline alike) or zero-phase over a whole recording with <see cref="FilterZeroPhase"/>.
/// </summary>
public sealed record FilterDesign
{
    private FilterDesign(BiquadCoefficients[] sections, double samplingRateHz)
    {
        _sections = sections;
        SamplingRateHz = samplingRateHz;
    }

    private readonly BiquadCoefficients[] _sections;

    public IReadOnlyList<BiquadCoefficients> Sections => _sections;

    public double SamplingRateHz { get; }

    /// <summary>Butterworth low-pass of order 2 or 4.</summary>
    public static FilterDesign LowPass(double cutoffHz, double samplingRateHz, int order = 2) =>
        new(Butterworth(order, q => BiquadCoefficients.LowPass(cutoffHz, samplingRateHz, q)), samplingRateHz);

    /// <summary>Butterworth high-pass of order 2 or 4.</summary>
    public static FilterDesign HighPass(double cutoffHz, double samplingRateHz, int order = 2) =>
        new(Butterworth(order, q => BiquadCoefficients.HighPass(cutoffHz, samplingRateHz, q)), samplingRateHz);

    /// <summary>Band-pass as a Butterworth high-pass at <paramref name="lowCutoffHz"/> followed by a low-pass at <paramref name="highCutoffHz"/>.</summary>
    public static FilterDesign BandPass(double lowCutoffHz, double highCutoffHz, double samplingRateHz, int order = 2)
    {
        if (!(lowCutoffHz < highCutoffHz))
        {
            throw new ArgumentOutOfRangeException(nameof(lowCutoffHz), lowCutoffHz, "the low cut-off must be below the high cut-off");
        }

        var high = Butterworth(order, q => BiquadCoefficients.HighPass(lowCutoffHz, samplingRateHz, q));
        var low = Butterworth(order, q => BiquadCoefficients.LowPass(highCutoffHz, samplingRateHz, q));
        return new FilterDesign([.. high, .. low], samplingRateHz);
    }

    /// <summary>A fresh causal filter state for one stream.</summary>
    public FilterState CreateState() => new(_sections);

    /// <summary>
    /// Offline zero-phase filtering (forward, then backward over the reversed output), so peaks are
    /// not delayed; the magnitude response is squared. Not usable online, because it needs the future.
    /// </summary>
    public void FilterZeroPhase(ReadOnlySpan<double> input, Span<double> output)
    {
        if (output.Length < input.Length)
        {
            throw new ArgumentException("output is shorter than input", nameof(output));
        }

        if (input.IsEmpty)
        {
            return;
        }

        var state = CreateState();
        state.Settle(input[0]);
        for (var i = 0; i < input.Length; i++)
        {
            output[i] = state.Process(input[i]);
        }

        state.Settle(output[input.Length - 1]);
        for (var i = input.Length - 1; i >= 0; i--)
        {
            output[i] = state.Process(output[i]);
        }
    }

    private static BiquadCoefficients[] Butterworth(int order, Func<double, BiquadCoefficients> section) => order switch
    {
        2 => [section(BiquadCoefficients.ButterworthQ)],
        // The two sections of a 4th-order Butterworth: Q = 1 / (2 cos(π/8)) and 1 / (2 cos(3π/8)).
        4 => [section(0.54119610014619698), section(1.3065629648763766)],
        _ => throw new ArgumentOutOfRangeException(nameof(order), order, "order must be 2 or 4"),
    };
}

/// <summary>Running memory of a <see cref="FilterDesign"/> over one stream. Allocates only when created.</summary>
public sealed class FilterState
{
    private readonly BiquadCoefficients[] _sections;
    private readonly BiquadMemory[] _states;

    internal FilterState(BiquadCoefficients[] sections)
    {
        _sections = sections;
        _states = new BiquadMemory[sections.Length];
    }

    public double Process(double x)
    {
        for (var i = 0; i < _sections.Length; i++)
        {
            x = _states[i].Process(in _sections[i], x);
        }

        return x;
    }

    /// <summary>Sets every section as if <paramref name="x"/> had been the input forever.</summary>
    public void Settle(double x)
    {
        for (var i = 0; i < _sections.Length; i++)
        {
            _states[i].Settle(in _sections[i], x);
            x *= _sections[i].DcGain;
        }
    }

    public void Reset()
    {
        for (var i = 0; i < _states.Length; i++)
        {
            _states[i].Reset();
        }
    }
}
