/**
 * Runs before first paint: applies the reader's saved theme (so there is no flash of the wrong
 * one) and marks the page as having JavaScript, which reveals controls that need it.
 * Kept tiny and inline on purpose; docs/architecture/0006-javascript-budget.md.
 */
export const THEME_SCRIPT =
  "(function(){var d=document.documentElement;d.setAttribute('data-js','');try{var t=localStorage.getItem('theme');if(t==='dark'||t==='light')d.setAttribute('data-theme',t)}catch(e){}})()";

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />;
}
