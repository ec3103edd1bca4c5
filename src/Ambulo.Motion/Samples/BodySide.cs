namespace Ambulo.Motion.Samples;

/// <summary>Left or right side of the body, for sensors, feet and gait events that have one.</summary>
public enum BodySide
{
    Left,
    Right,
}
