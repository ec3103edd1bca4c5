namespace Ambulo.Motion.Recordings;

/// <summary>A recording as read, and the report of what was skipped or repaired on the way.</summary>
public sealed record RecordingReadResult(SensorRecording Recording, RecordingReadReport Report);
