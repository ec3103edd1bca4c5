using System.Diagnostics;

namespace Ambulo.Web.Features.Sensors;

/// <summary>
/// Traces of the motion pipeline (an <see cref="ActivitySource"/>, free when nobody listens). One
/// activity per repetition the online counter completes: it starts the moment the counter emits the
/// repetition and stops when the session has stored it and queued it for every open screen (screens take
/// their updates from their own queues: none holds up the pipeline, see LiveSessionEvents). The latency
/// harness (bench/Ambulo.LatencyBenchmarks) listens to it to time the path to the browser's counter.
/// </summary>
internal static class PipelineTelemetry
{
    public const string SourceName = "Ambulo.Web.MotionPipeline";

    public const string RepetitionActivity = "repetition";

    /// <summary>Tag: the session id.</summary>
    public const string SessionIdTag = "ambulo.session_id";

    /// <summary>Tag: the repetition's number in its set, as the screen shows it (absent when not counted).</summary>
    public const string NumberInSetTag = "ambulo.number_in_set";

    public static readonly ActivitySource Source = new(SourceName);
}
