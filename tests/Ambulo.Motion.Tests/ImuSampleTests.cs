using System.Numerics;
using System.Runtime.CompilerServices;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Tests;

public class ImuSampleTests
{
    [Fact]
    public void ImuSample_IsCompactFixedSizeValue()
    {
        // Arrays of samples are the hot path: the struct must stay small and blittable.
        Unsafe.SizeOf<ImuSample>().ShouldBeLessThanOrEqualTo(56);
        RuntimeHelpers.IsReferenceOrContainsReferences<ImuSample>().ShouldBeFalse();
    }

    [Fact]
    public void ImuSample_OptionalChannels_DefaultToZero()
    {
        var sample = new ImuSample(1.5, new Vector3(0, 0, 9.81f));

        sample.AngularVelocityRadps.ShouldBe(Vector3.Zero);
        sample.ForceNewtons.ShouldBe(0f);
    }
}
