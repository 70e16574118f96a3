export default defineBackground(() => {
  // Wired by the background service (lib/background/).
});
