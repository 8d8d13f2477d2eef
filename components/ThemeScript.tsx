/**
 * Runs before first paint, inline in <head>: applies the reader's saved theme (so there is no flash
 * of the wrong one), marks the page as having JavaScript (which reveals controls that need it) and
 * whether the browser can share, and answers the reader controls (ThemeToggle, ShareActions) by
 * one click listener on the document. So a tap answers at once, even while the page is still
 * loading or hydrating, and the controls are server components that ship no client JavaScript
 * (docs/architecture/0006-javascript-budget.md).
 */
export const THEME_SCRIPT = [
  '(function(){',
  "var d=document.documentElement,n=navigator,t,C='Could not copy: select the address bar to copy the link';",
  "d.setAttribute('data-js','');",
  "n.share&&d.setAttribute('data-share','');",
  "try{t=localStorage.theme;(t=='dark'||t=='light')&&d.setAttribute('data-theme',t)}catch(e){}",
  // Dark in use: the reader's choice, or the system's.
  "function dark(){var t=d.getAttribute('data-theme');return t?t=='dark':matchMedia('(prefers-color-scheme: dark)').matches}",
  "function sync(){document.querySelectorAll('[data-action=theme]').forEach(function(b){b.setAttribute('aria-pressed',dark())})}",
  "document.addEventListener('DOMContentLoaded',sync);",
  "document.addEventListener('click',function(e){",
  "var b=e.target.closest&&e.target.closest('[data-action]'),a=b&&b.dataset.action,u=b&&b.dataset.url,s;",
  "if(a=='theme'){t=dark()?'light':'dark';d.setAttribute('data-theme',t);try{localStorage.theme=t}catch(x){}sync()}",
  "if(a=='copy-link'){s=function(m){b.parentNode.querySelector('[data-share-status]').textContent=m};",
  "try{n.clipboard.writeText(u).then(function(){s('Link copied')},function(){s(C)})}catch(x){s(C)}}",
  "if(a=='share')n.share({url:u,title:b.dataset.title}).catch(function(){})",
  '})})()',
].join('');

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />;
}
