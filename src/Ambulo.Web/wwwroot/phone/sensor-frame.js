// Writer of Ambulo sensor frames, version 1 (docs/sensor-frame-format.md). No framework, no build step.
// Every number is little-endian. Header 24 bytes; each sample: u16 time offset (100 µs ticks), then
// acceleration (3 × f32, m/s², gravity included) if channel bit 0, angular velocity (3 × f32, rad/s) if bit 1.

export const HEADER_BYTES = 24;
export const VERSION = 1;
export const CHANNEL_ACCELEROMETER = 1;
export const CHANNEL_GYROSCOPE = 2;
export const MAX_SAMPLES_PER_FRAME = 256;
const OFFSET_TICK_MICROSECONDS = 100;
const MAX_OFFSET_TICKS = 0xffff;

/**
 * THE one place where units change. Browsers give devicemotion's rotationRate in degrees per second,
 * named alpha (about z), beta (about x) and gamma (about y). The frame carries rad/s on x, y, z.
 * Returns null when the browser has no gyroscope reading.
 */
export function degreesPerSecondToRadiansPerSecond(rotationRate) {
  if (!rotationRate || rotationRate.alpha == null || rotationRate.beta == null || rotationRate.gamma == null) {
    return null;
  }
  const k = Math.PI / 180;
  return { x: rotationRate.beta * k, y: rotationRate.gamma * k, z: rotationRate.alpha * k };
}

/** Acceleration including gravity is already m/s² on x, y, z; null when the browser has none. */
export function accelerationIncludingGravity(event) {
  const a = event.accelerationIncludingGravity;
  if (!a || a.x == null || a.y == null || a.z == null) {
    return null;
  }
  return { x: a.x, y: a.y, z: a.z };
}

/** Bytes one sample takes with these channel bits. */
export function sampleBytes(channels) {
  return 2 + ((channels & CHANNEL_ACCELEROMETER) ? 12 : 0) + ((channels & CHANNEL_GYROSCOPE) ? 12 : 0);
}

/** Channel bits of one sample {timeMicroseconds, acc, gyro}. */
export function channelsOf(sample) {
  return (sample.acc ? CHANNEL_ACCELEROMETER : 0) | (sample.gyro ? CHANNEL_GYROSCOPE : 0);
}

/**
 * Splits samples (in time order) into runs that share channels, fit in one frame (≤ 256 samples,
 * offsets ≤ 6.5535 s from the run's first sample). Returns arrays of samples.
 */
export function splitIntoRuns(samples) {
  const runs = [];
  let run = [];
  for (const s of samples) {
    const first = run[0];
    if (first && (channelsOf(s) !== channelsOf(first)
        || run.length >= MAX_SAMPLES_PER_FRAME
        || Math.round((s.timeMicroseconds - first.timeMicroseconds) / OFFSET_TICK_MICROSECONDS) > MAX_OFFSET_TICKS)) {
      runs.push(run);
      run = [];
    }
    run.push(s);
  }
  if (run.length > 0) {
    runs.push(run);
  }
  return runs;
}

/**
 * Encodes one frame. `samples` all share the same channels (see splitIntoRuns); an empty array makes
 * a keep-alive frame (accelerometer bit set, no samples). Times are whole microseconds since the
 * stream started.
 */
export function encodeFrame(streamId, sequence, samples, baseTimeMicroseconds = 0) {
  const channels = samples.length > 0 ? channelsOf(samples[0]) : CHANNEL_ACCELEROMETER;
  const base = samples.length > 0 ? samples[0].timeMicroseconds : baseTimeMicroseconds;
  const bytes = new ArrayBuffer(HEADER_BYTES + samples.length * sampleBytes(channels));
  const view = new DataView(bytes);
  view.setUint8(0, 0x41); // 'A'
  view.setUint8(1, 0x53); // 'S'
  view.setUint8(2, VERSION);
  view.setUint8(3, channels);
  view.setUint32(4, streamId >>> 0, true);
  view.setUint32(8, sequence >>> 0, true);
  view.setBigUint64(12, BigInt(Math.max(0, Math.round(base))), true);
  view.setUint16(20, samples.length, true);
  view.setUint16(22, 0, true);
  let at = HEADER_BYTES;
  for (const s of samples) {
    const ticks = Math.min(MAX_OFFSET_TICKS, Math.max(0, Math.round((s.timeMicroseconds - base) / OFFSET_TICK_MICROSECONDS)));
    view.setUint16(at, ticks, true);
    at += 2;
    for (const v of [s.acc, s.gyro]) {
      if (v) {
        view.setFloat32(at, v.x, true);
        view.setFloat32(at + 4, v.y, true);
        view.setFloat32(at + 8, v.z, true);
        at += 12;
      }
    }
  }
  return bytes;
}
