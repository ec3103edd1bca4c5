// The phone's side of "phone as sensor": pair with a code, ask for motion permission, stream
// devicemotion readings as binary frames (sensor-frame.js) every 40 ms over a WebSocket, keep the
// screen awake, and reconnect with backoff when the connection drops.
import {
  accelerationIncludingGravity, degreesPerSecondToRadiansPerSecond, encodeFrame, splitIntoRuns,
} from './sensor-frame.js';

const FLUSH_EVERY_MS = 40;          // batches of 20–50 ms, as the format asks
const KEEP_ALIVE_EVERY_MS = 1000;   // server closes a silent connection after a few seconds
const MAX_BUFFERED_SAMPLES = 7200;  // while offline: the newest (about 2 min at 60 Hz) are kept and sent on reconnect
const MAX_KEPT_SENT_SAMPLES = 3600; // sent samples kept for a server restart (about 60 s at 60 Hz)
const NO_READINGS_AFTER_MS = 3000;
const BACKOFF_FIRST_MS = 500;
const BACKOFF_MAX_MS = 10000;
const TOKEN_KEY = 'ambulo.phone.pairing';
const CLOSE_PAIRING_ENDED = 4000;  // the server closed this pairing: pair again with a new code
const CLOSE_REPLACED = 4001;       // a newer connection with the same pairing took over

const $ = (id) => document.getElementById(id);
const ui = {
  code: $('code'), start: $('start'), state: $('state'), problem: $('problem'),
  exercise: $('exercise'), placement: $('placement'), sent: $('sent'), accepted: $('accepted'), rate: $('rate'), awake: $('awake'),
};

const stream = {
  id: crypto.getRandomValues(new Uint32Array(1))[0],
  sequence: 0,
  originMs: null,          // event.timeStamp of the first reading: the stream's time zero
  lastTimeMicroseconds: 0,
  pending: [],
  // Samples already sent, from the time the server asked for (keepFromSeconds in its status) on: after a
  // server restart they are sent again, so the repetition that was in progress is counted in full
  // (the server leaves out the ones it had counted already).
  sentKept: [],
  keepFromMicroseconds: 0,
  keepFromKnown: false,    // the server has said from when to keep (after its first counted repetition)
  resend: [],              // the kept samples, queued again for a restarted server; sent in frames of their own
  serverRun: null,         // the server process's id from its status messages
  greeted: false,          // the first status message on this connection has arrived: sending may start
  sentSamples: 0,
  lastSendMs: 0,
  readings: 0,
  skipped: 0,
};

let pairing = null;        // { token, socketPath, sessionId }
let socket = null;
let backoffMs = BACKOFF_FIRST_MS;
let reconnectTimer = null;
let wakeLock = null;
let started = false;

function setState(state, text) {
  ui.state.dataset.state = state;
  ui.state.textContent = text;
}

function showProblem(text) {
  ui.problem.hidden = !text;
  ui.problem.textContent = text || '';
}

// ---- motion readings ------------------------------------------------------------------------

function finite(v) {
  return v && Number.isFinite(v.x) && Number.isFinite(v.y) && Number.isFinite(v.z);
}

function onMotion(event) {
  const acc = accelerationIncludingGravity(event);
  const gyro = degreesPerSecondToRadiansPerSecond(event.rotationRate);
  if (!acc && !gyro) {
    return; // a desktop browser fires once with nothing in it
  }
  if ((acc && !finite(acc)) || (gyro && !finite(gyro))) {
    stream.skipped++;
    return;
  }
  if (stream.originMs === null) {
    stream.originMs = event.timeStamp;
  }
  let t = Math.round((event.timeStamp - stream.originMs) * 1000);
  if (t < stream.lastTimeMicroseconds) {
    t = stream.lastTimeMicroseconds; // never let time run backwards, whatever the browser does
  }
  stream.lastTimeMicroseconds = t;
  stream.readings++;
  stream.pending.push({ timeMicroseconds: t, acc, gyro });
  if (stream.pending.length > MAX_BUFFERED_SAMPLES) {
    stream.pending.splice(0, stream.pending.length - MAX_BUFFERED_SAMPLES);
  }
}

function flush() {
  const now = performance.now();
  // Nothing goes out on a connection before the server's first status message: it says whether the server
  // restarted, and the kept samples must go out before any newer one.
  const open = socket && socket.readyState === WebSocket.OPEN && stream.greeted;
  if (stream.pending.length === 0 && stream.resend.length === 0) {
    if (open && now - stream.lastSendMs >= KEEP_ALIVE_EVERY_MS) {
      socket.send(encodeFrame(stream.id, stream.sequence++, [], stream.lastTimeMicroseconds));
      stream.lastSendMs = now;
    }
    return;
  }
  if (!open) {
    return; // keep buffering; the newest readings go out when the connection is back
  }
  // Resent samples never share a frame with new ones: a server that did not restart after all refuses
  // them (time went backwards) without losing a new sample.
  const runs = splitIntoRuns(stream.resend).concat(splitIntoRuns(stream.pending));
  stream.resend = [];
  stream.pending = [];
  for (const run of runs) {
    socket.send(encodeFrame(stream.id, stream.sequence++, run));
    stream.sentSamples += run.length;
    stream.sentKept.push(...run);
  }
  trimKept();
  stream.lastSendMs = now;
  ui.sent.textContent = String(stream.sentSamples);
}

async function askForMotionPermission() {
  if (typeof DeviceMotionEvent === 'undefined') {
    throw new Error(window.isSecureContext
      ? 'This browser gives no motion readings.'
      : 'This page needs a secure (https://) address. Open the https address shown on the screen.');
  }
  // iOS 13+ asks the person, and only from a tap.
  if (typeof DeviceMotionEvent.requestPermission === 'function') {
    const answer = await DeviceMotionEvent.requestPermission();
    if (answer !== 'granted') {
      throw new Error('Motion access was not allowed. Allow "Motion & Orientation Access" and tap Start again.');
    }
  }
}

// ---- screen awake -----------------------------------------------------------------------------

async function keepScreenAwake() {
  if (!('wakeLock' in navigator)) {
    ui.awake.textContent = 'Screen: may turn off. Set the phone not to lock during the session.';
    return;
  }
  try {
    wakeLock = await navigator.wakeLock.request('screen');
    ui.awake.textContent = 'Screen: kept awake.';
    wakeLock.addEventListener('release', () => { ui.awake.textContent = 'Screen: may turn off.'; });
  } catch {
    ui.awake.textContent = 'Screen: may turn off. Set the phone not to lock during the session.';
  }
}

document.addEventListener('visibilitychange', () => {
  if (started && document.visibilityState === 'visible') {
    keepScreenAwake();
    if (!socket || socket.readyState === WebSocket.CLOSED) {
      connect();
    }
  }
});

// ---- pairing and connection -------------------------------------------------------------------

async function pair(code) {
  const response = await fetch('/api/sensor/pair', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }),
  });
  if (response.status === 429) {
    throw new Error('Too many tries. Wait a minute, then try again.');
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.detail || 'Pairing did not work. Check the code on the screen.');
  }
  return body;
}

function trimKept() {
  let drop = 0;
  while (drop < stream.sentKept.length && stream.sentKept[drop].timeMicroseconds < stream.keepFromMicroseconds) {
    drop++;
  }
  drop = Math.max(drop, stream.sentKept.length - MAX_KEPT_SENT_SAMPLES);
  if (drop > 0) {
    stream.sentKept.splice(0, drop);
  }
}

/** The server restarted: the kept samples go out again first, ahead of those not sent yet. */
function resendKept() {
  if (stream.sentKept.length === 0) {
    return;
  }
  stream.resend = stream.sentKept;
  stream.sentKept = [];
}

function showServerStatus(message) {
  if (!stream.greeted) {
    if (typeof message.serverRun === 'string') {
      if (stream.serverRun !== null && stream.serverRun !== message.serverRun) {
        resendKept(); // another server process: it has not seen what this page sent before the restart
      }
      stream.serverRun = message.serverRun;
    }
    stream.greeted = true;
  }
  // The time is on the clock of the stream the server names; a reloaded page has a new stream (and clock).
  const forThisStream = typeof message.keepFromStream !== 'number' || message.keepFromStream === stream.id;
  if (typeof message.keepFromSeconds === 'number' && Number.isFinite(message.keepFromSeconds) && forThisStream) {
    stream.keepFromMicroseconds = Math.round(message.keepFromSeconds * 1e6);
    stream.keepFromKnown = true;
    trimKept();
  }
  if (message.exercise) {
    ui.exercise.textContent = message.exercise;
  }
  if (message.placement) {
    ui.placement.textContent = message.placement;
  }
  if (typeof message.framesAccepted === 'number') {
    ui.accepted.textContent = String(message.framesAccepted);
  }
  if (typeof message.samplingRateHz === 'number') {
    ui.rate.textContent = `${Math.round(message.samplingRateHz)} readings a second`;
  }
}

/** True when the server says the pairing is gone (a plain GET of the socket address answers 404). */
async function pairingEnded() {
  if (!pairing) {
    return false;
  }
  try {
    const response = await fetch(new URL(pairing.socketPath, window.location.href), { cache: 'no-store' });
    return response.status === 404;
  } catch {
    return false; // no network: keep trying
  }
}

function connect() {
  clearTimeout(reconnectTimer);
  if (!pairing) {
    return;
  }
  const url = new URL(pairing.socketPath, window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  setState('connecting', 'Connecting…');
  stream.greeted = false;
  const ws = new WebSocket(url);
  ws.binaryType = 'arraybuffer';
  socket = ws;
  ws.addEventListener('open', () => {
    stream.greeted = false;
    backoffMs = BACKOFF_FIRST_MS;
    setState('sending', 'Connected: sending movement.');
    showProblem('');
  });
  ws.addEventListener('message', (event) => {
    if (typeof event.data === 'string') {
      try { showServerStatus(JSON.parse(event.data)); } catch { /* not ours */ }
    }
  });
  ws.addEventListener('close', async (event) => {
    if (socket !== ws) {
      return;
    }
    // The server always says why it closed (docs/sensor-frame-format.md, "Closing").
    if (event.code === CLOSE_REPLACED) {
      setState('disconnected', 'Sensor disconnected: another phone took over.');
      return;
    }
    if (event.code === 1008) {
      setState('disconnected', 'Sensor disconnected: the screen could not use what this page sent. Reload the page and pair again.');
      return;
    }
    setState('disconnected', 'Sensor disconnected.');
    if (event.code === CLOSE_PAIRING_ENDED || await pairingEnded()) {
      // The session stopped or chose another sensor: retrying cannot help, a new code can.
      pairing = null;
      sessionStorage.removeItem(TOKEN_KEY);
      setState('ended', 'Sensor disconnected: this pairing has ended. To go on, type the new code from the screen and tap Start.');
      ui.start.textContent = 'Start sending movement';
      ui.start.disabled = false;
      return;
    }
    const wait = Math.round(backoffMs * (0.75 + Math.random() * 0.5));
    backoffMs = Math.min(BACKOFF_MAX_MS, backoffMs * 2);
    setState('disconnected', `Sensor disconnected. Trying again in ${Math.max(1, Math.round(wait / 1000))} s…`);
    reconnectTimer = setTimeout(connect, wait);
  });
}

async function start() {
  ui.start.disabled = true;
  showProblem('');
  try {
    await askForMotionPermission();
    if (!pairing) {
      const code = ui.code.value.trim();
      if (!/^[0-9]{6}$/.test(code)) {
        throw new Error('The code is the six digits shown on the screen.');
      }
      setState('pairing', 'Pairing…');
      const body = await pair(code);
      pairing = { token: body.token, socketPath: body.socketPath, sessionId: body.sessionId };
      sessionStorage.setItem(TOKEN_KEY, JSON.stringify(pairing));
      showServerStatus(body);
    }
    if (!started) {
      started = true;
      window.addEventListener('devicemotion', onMotion);
      setInterval(flush, FLUSH_EVERY_MS);
      setTimeout(() => {
        if (stream.readings === 0) {
          showProblem('No motion readings yet. This device may have no motion sensor, or motion access is off.');
        }
      }, NO_READINGS_AFTER_MS);
    }
    await keepScreenAwake();
    connect();
    ui.start.textContent = 'Sending movement';
  } catch (error) {
    setState('error', 'Not connected.');
    showProblem(error.message);
    ui.start.disabled = false;
  }
}

// ---- start-up ---------------------------------------------------------------------------------

const fromUrl = new URLSearchParams(window.location.search).get('code');
if (fromUrl) {
  ui.code.value = fromUrl.replace(/[^0-9]/g, '').slice(0, 6);
}
try {
  const saved = JSON.parse(sessionStorage.getItem(TOKEN_KEY) || 'null');
  if (saved && saved.token && saved.socketPath) {
    pairing = saved; // a reload: the code was used already, the token still works
    setState('idle', 'Paired. Tap Start to send movement again.');
  }
} catch { /* nothing saved */ }
if (!window.isSecureContext) {
  showProblem('This page needs a secure (https://) address. Open the https address shown on the screen.');
}
ui.start.addEventListener('click', start);

// For the end-to-end tests and for curious helpers: what the page has done so far.
window.ambuloPhone = {
  get readings() { return stream.readings; },
  get sentSamples() { return stream.sentSamples; },
  get sequence() { return stream.sequence; },
  get keptSamples() { return stream.sentKept.length; },
  get keepFromSeconds() { return stream.keepFromKnown ? stream.keepFromMicroseconds / 1e6 : null; },
  get state() { return ui.state.dataset.state; },
};
