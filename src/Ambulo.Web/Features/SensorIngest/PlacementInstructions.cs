using Ambulo.Domain.Exercises;

namespace Ambulo.Web.Features.SensorIngest;

/// <summary>Plain words telling the patient where to put the phone for a catalogue placement.</summary>
public static class PlacementInstructions
{
    /// <summary>Shown before any exercise is chosen.</summary>
    public const string NoExerciseYet = "Your exercise will appear here. Keep this page open.";

    /// <summary>One or two short sentences for the phone page.</summary>
    public static string For(SensorPlacement placement) => placement switch
    {
        SensorPlacement.Thigh => "Strap the phone to the front of the thigh you will move, just above the knee, screen facing out.",
        SensorPlacement.Shank => "Strap the phone to the front of the shin you will move, just below the knee, screen facing out.",
        SensorPlacement.Foot => "Strap the phone on top of the foot you will move, or to its shoe laces, screen facing up.",
        SensorPlacement.Trunk => "Strap the phone to the middle of your chest, screen facing out.",
        SensorPlacement.Pelvis => "Clip the phone to your belt at the small of your back, screen facing out.",
        SensorPlacement.UnderFoot => "Put the phone flat on the floor under the front of your foot, in a soft case.",
        SensorPlacement.BetweenKnees => "Hold the phone between your knees, in a soft case, screen facing up.",
        SensorPlacement.UnderHand => "Put the phone flat on the table under your hand, screen facing up.",
        SensorPlacement.Pocket => "Put the phone in a front trouser pocket on your weaker side.",
        SensorPlacement.Hand => "Hold the phone in your hand, screen facing you.",
        _ => "Strap the phone to the part of the body that moves in this exercise.",
    };
}
