namespace Ambulo.Motion.Gait;

/// <summary>
/// <see cref="GaitAnalyzer.Analyze"/> was given a recording worn where walking is not measured (a thigh strap, the trunk,
/// under the foot, …), or a placement it does not know. Its message names the placement and every accepted one
/// (<see cref="GaitAnalyzer.PlacementNames"/>); <see cref="Placement"/> holds the placement as given.
/// </summary>
public sealed class UnmeasuredPlacementException : ArgumentException
{
    public UnmeasuredPlacementException()
    {
    }

    public UnmeasuredPlacementException(string message)
        : base(message)
    {
    }

    public UnmeasuredPlacementException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The refusal of <paramref name="placement"/>, with the message of <see cref="GaitAnalyzer.PlacementProblem"/>.</summary>
    public static UnmeasuredPlacementException For(string placement) =>
        new(GaitAnalyzer.PlacementProblem(placement) ?? $"walking is measured from '{placement}'") { Placement = placement };

    /// <summary>The placement that was refused.</summary>
    public string Placement { get; private init; } = "";
}
