/** First focusable element on every page: jumps past the navigation to the main content. */
export function SkipLink() {
  return (
    <a href="#main" className="skip-link">
      Skip to content
    </a>
  );
}
