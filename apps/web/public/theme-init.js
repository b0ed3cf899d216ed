// Runs before the first paint (a blocking script in <head>): the page never flashes light before
// turning dark. The app's theme store (src/stores/theme.ts) keeps the same key and rules.
(() => {
  try {
    const choice = localStorage.getItem('btb-theme');
    const dark =
      choice === 'dark' || (choice !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
    if (dark) {
      document.documentElement.classList.add('dark');
      document.documentElement.style.colorScheme = 'dark';
      document.querySelector('meta[name="theme-color"]')?.setAttribute('content', '#161412');
    }
  } catch {
    // no storage: the light theme
  }
})();
