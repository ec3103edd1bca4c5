using Ambulo.Web.Features.SensorIngest.Frames;

namespace Ambulo.Web.Tests.SensorIngest;

public class FrameRejectionCountersTests
{
    [Fact]
    public void Add_CountsPerReasonAndIgnoresNone()
    {
        var counters = new FrameRejectionCounters();

        counters.Add(FrameRejection.BadMagic);
        counters.Add(FrameRejection.BadMagic);
        counters.Add(FrameRejection.NonFiniteValue);
        counters.Add(FrameRejection.None);

        counters[FrameRejection.BadMagic].ShouldBe(2);
        counters.Total.ShouldBe(3);
        counters.Snapshot().ShouldBe(new Dictionary<string, long> { ["BadMagic"] = 2, ["NonFiniteValue"] = 1 });
    }
}
