/**
 * Switches between light and dark and remembers the choice; the system setting is the default.
 * A server component: the page's inline script (ThemeScript) answers the tap, so it works from the
 * first paint, before and without hydration, and ships no client component.
 */
export function ThemeToggle() {
  return (
    <button
      type="button"
      data-requires-js
      data-action="theme"
      // The inline script sets it to the theme in use before the reader can see it.
      aria-pressed="false"
      suppressHydrationWarning
      className="header-button"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8Z" />
      </svg>
      <span>Dark mode</span>
    </button>
  );
}
