using Ambulo.Motion.Gait;

namespace Ambulo.Motion.Evaluation.References;

/// <summary>The gaitmap reference strides as scored, and how many of them the heel-rest check split.</summary>
/// <param name="Strides">Initial contact to initial contact, with the heel-marker stride length.</param>
/// <param name="SplitStrides">Reference strides whose heel trajectory rests between two movements (each became two or more strides).</param>
/// <param name="RestOnsetAfterContactSeconds">Median delay from the reference's own initial contact to the heel-rest onset, over the unsplit strides.</param>
public sealed record CheckedGaitmapStrides(IReadOnlyList<ReferenceStride> Strides, IReadOnlyList<(BodySide Foot, int StrideId)> SplitStrides, double RestOnsetAfterContactSeconds);

/// <summary>
/// A consistency check of the gaitmap motion-capture stride list against its own heel-marker trajectories. A stride
/// runs from one mid-stance to the next, so its heel moves once (one swing) and rests at both ends. When the trajectory
/// of a reference stride shows the heel moving, resting and moving again, the stride list missed a contact; the check
/// splits such a stride at each interior rest. The same rule runs on every stride (no stride is named); the split
/// contact is the rest onset minus the median delay between rest onset and the listed contact on the other strides,
/// and the split lengths are heel displacements from rest to rest.
/// </summary>
public static class GaitmapHeelRests
{
    /// <summary>Heel faster than this (horizontal, m/s) is moving.</summary>
    public const double MovingSpeedMetersPerSecond = 0.2;

    /// <summary>A movement shorter than this is marker noise, not a swing.</summary>
    public const double MinimumMovementSeconds = 0.08;

    /// <param name="events">The stride list (<c>stride_events_sample.csv</c>).</param>
    /// <param name="positions">The heel trajectories (<c>position_sample.csv</c>); strides without one keep their borders and have no length.</param>
    public static CheckedGaitmapStrides Check(IReadOnlyList<GaitmapStrideEvent> events, IReadOnlyList<GaitmapStridePositions> positions)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(positions);
        var byStride = positions.ToDictionary(p => (p.Foot, p.StrideId));
        var movements = new Dictionary<(BodySide, int), List<(int From, int To)>>();
        var delays = new List<double>();
        foreach (var e in events)
        {
            if (!byStride.TryGetValue((e.Foot, e.StrideId), out var p))
            {
                continue;
            }

            var m = Movements(p.PositionsMeters);
            movements[(e.Foot, e.StrideId)] = m;
            if (m.Count == 1)
            {
                delays.Add(e.StartSeconds + (m[0].To / GaitmapStridePositions.SampleRateHz) - e.InitialContactSeconds);
            }
        }

        delays.Sort();
        var delay = delays.Count == 0 ? 0 : delays[delays.Count / 2];
        var strides = new List<ReferenceStride>();
        var split = new List<(BodySide, int)>();
        foreach (var e in events)
        {
            if (!byStride.TryGetValue((e.Foot, e.StrideId), out var p))
            {
                strides.Add(new ReferenceStride(e.Foot, e.PreviousInitialContactSeconds, e.InitialContactSeconds, null));
                continue;
            }

            var path = p.PositionsMeters;
            var m = movements[(e.Foot, e.StrideId)];
            if (m.Count < 2)
            {
                strides.Add(new ReferenceStride(e.Foot, e.PreviousInitialContactSeconds, e.InitialContactSeconds, Horizontal(path[^1] - path[0])));
                continue;
            }

            split.Add((e.Foot, e.StrideId));
            var contact = e.PreviousInitialContactSeconds;
            var rest = 0;
            for (var j = 0; j + 1 < m.Count; j++)
            {
                var nextContact = e.StartSeconds + (m[j].To / GaitmapStridePositions.SampleRateHz) - delay;
                var midRest = (m[j].To + m[j + 1].From) / 2;
                strides.Add(new ReferenceStride(e.Foot, contact, nextContact, Horizontal(path[midRest] - path[rest])));
                contact = nextContact;
                rest = midRest;
            }

            strides.Add(new ReferenceStride(e.Foot, contact, e.InitialContactSeconds, Horizontal(path[^1] - path[rest])));
        }

        return new CheckedGaitmapStrides(strides, split, delay);
    }

    /// <summary>Runs of samples where the heel moves faster than <see cref="MovingSpeedMetersPerSecond"/>, at least <see cref="MinimumMovementSeconds"/> long.</summary>
    internal static List<(int From, int To)> Movements(IReadOnlyList<System.Numerics.Vector3> path)
    {
        var runs = new List<(int, int)>();
        var minimum = (int)Math.Ceiling(MinimumMovementSeconds * GaitmapStridePositions.SampleRateHz);
        var start = -1;
        for (var i = 1; i <= path.Count - 1; i++)
        {
            var moving = i < path.Count - 1
                && Horizontal(path[i + 1] - path[i - 1]) * GaitmapStridePositions.SampleRateHz / 2 > MovingSpeedMetersPerSecond;
            if (moving && start < 0)
            {
                start = i;
            }
            else if (!moving && start >= 0)
            {
                if (i - start >= minimum)
                {
                    runs.Add((start, i));
                }

                start = -1;
            }
        }

        return runs;
    }

    private static double Horizontal(System.Numerics.Vector3 d) => Math.Sqrt((d.X * d.X) + (d.Y * d.Y));
}
