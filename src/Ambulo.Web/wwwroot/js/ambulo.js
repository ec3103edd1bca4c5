// Ambulo's small browser helpers: spoken instructions, cheerful sounds made with Web Audio, a
// visible flash, the tempo beat and the space-bar puck. Nothing is fetched from anywhere.
window.ambulo = (() => {
    let audio = null;
    let beatTimer = null;
    let spaceHandler = null;
    const muteKey = "ambulo.voiceMuted";

    function context() {
        try {
            if (!audio) {
                const Ctx = window.AudioContext || window.webkitAudioContext;
                if (!Ctx) return null;
                audio = new Ctx();
            }
            if (audio.state === "suspended") audio.resume();
            return audio;
        } catch {
            return null;
        }
    }

    // One soft note: a sine with a quick rise and a gentle fade, so nothing clicks or startles.
    function note(frequency, startSeconds, lengthSeconds, volume) {
        const ctx = context();
        if (!ctx) return;
        const t = ctx.currentTime + startSeconds;
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.type = "sine";
        osc.frequency.setValueAtTime(frequency, t);
        gain.gain.setValueAtTime(0.0001, t);
        gain.gain.exponentialRampToValueAtTime(volume, t + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, t + lengthSeconds);
        osc.connect(gain).connect(ctx.destination);
        osc.start(t);
        osc.stop(t + lengthSeconds + 0.05);
    }

    function flash(kind) {
        const el = document.getElementById("flash");
        if (!el) return;
        el.className = "flash flash-" + kind;
        void el.offsetWidth; // restart the animation
        el.classList.add("flash-on");
    }

    return {
        /** A counted repetition: a rising two-note chirp. Personal best or level: a short fanfare. */
        cheer(kind) {
            if (kind === "level" || kind === "best") {
                [523.25, 659.25, 783.99, 1046.5].forEach((f, i) => note(f, i * 0.12, 0.35, 0.25));
            } else {
                note(659.25, 0, 0.12, 0.22);
                note(987.77, 0.09, 0.18, 0.22);
            }
            flash(kind);
        },

        isMuted() {
            return localStorage.getItem(muteKey) === "1";
        },

        setMuted(muted) {
            localStorage.setItem(muteKey, muted ? "1" : "0");
            if (muted && window.speechSynthesis) window.speechSynthesis.cancel();
        },

        /** Reads the text aloud slowly, unless the voice is muted. */
        speak(text) {
            if (!window.speechSynthesis || this.isMuted() || !text) return false;
            window.speechSynthesis.cancel();
            const u = new SpeechSynthesisUtterance(text);
            u.rate = 0.85;
            u.lang = document.documentElement.lang || "en";
            window.speechSynthesis.speak(u);
            return true;
        },

        stopSpeaking() {
            if (window.speechSynthesis) window.speechSynthesis.cancel();
        },

        /** A soft tick every `seconds`, with a pulse on #tempo-dot, to pace the movement. */
        startBeat(seconds) {
            this.stopBeat();
            const tick = () => {
                note(440, 0, 0.08, 0.12);
                const dot = document.getElementById("tempo-dot");
                if (dot) {
                    dot.classList.remove("tempo-on");
                    void dot.offsetWidth;
                    dot.classList.add("tempo-on");
                }
            };
            tick();
            beatTimer = setInterval(tick, Math.max(0.5, seconds) * 1000);
        },

        stopBeat() {
            if (beatTimer) clearInterval(beatTimer);
            beatTimer = null;
        },

        /**
         * The space bar as a puck: a press anywhere on the page (except on a control, which handles
         * its own space) counts one repetition.
         */
        listenForSpaceBar(dotnet) {
            this.stopListeningForSpaceBar();
            spaceHandler = (e) => {
                if (e.code !== "Space" && e.key !== " ") return;
                const tag = (e.target && e.target.tagName) || "";
                if (["BUTTON", "INPUT", "TEXTAREA", "SELECT", "A", "SUMMARY"].includes(tag)) return;
                e.preventDefault();
                if (e.repeat) return;
                dotnet.invokeMethodAsync("PressFromKeyboard");
            };
            document.addEventListener("keydown", spaceHandler);
        },

        stopListeningForSpaceBar() {
            if (spaceHandler) document.removeEventListener("keydown", spaceHandler);
            spaceHandler = null;
        },
    };
})();
