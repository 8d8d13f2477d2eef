import { paths } from '@/lib/urls';

/**
 * The reader's "3 new updates" prompt on a live page (ADR 0011). Reader pages ship without React
 * (ADR 0006), so it is a small inline script, on live pages only: every 15 s while the tab is
 * visible it asks the updates endpoint for the ids on the first page, doubling the wait (to 2
 * minutes) while the endpoint fails, and stops when coverage ends. New ids are offered in a polite
 * live region that stays in view (sticky) while the updates are; a click fetches the first page,
 * puts the new updates above the others (below the pinned ones), and keeps what the reader is
 * reading where it was on the screen. A first page staler than the ids is asked again, 5 s later.
 */
export const NEW_UPDATES_SCRIPT = [
  // Run once the page is parsed: the list of updates comes after this script.
  '(function(){function go(){',
  "var r=document.querySelector('[data-live-updates]');if(!r)return;",
  "var l=document.getElementById('updates-list'),b=r.querySelector('button'),s=r.querySelector('[data-live-status]'),w=15e3,t,done,fresh=[],got;",
  "function known(){var k={};l.querySelectorAll('article.live-update').forEach(function(a){k[a.id]=1});return k}",
  'function later(){clearTimeout(t);if(!done)t=setTimeout(ask,w)}',
  "function ask(){if(document.visibilityState!='visible')return;",
  "fetch(r.dataset.endpoint,{cache:'no-store'}).then(function(x){if(!x.ok)throw x;return x.json()}).then(function(j){",
  'w=15e3;var k=known();fresh=j.updates.map(function(u){return u.id}).filter(function(id){return!k[id]});',
  "var n=fresh.length;if(n){b.textContent=n+(n>1?' new updates':' new update');b.hidden=false}",
  "if(j.status=='ended'){done=1;s.textContent='Coverage has ended.'}later()",
  '}).catch(function(){w=Math.min(w*2,12e4);later()})}',
  // Shows what the first page has now; a page a few seconds staler than the ids is asked again.
  "function show(tries){fetch(r.dataset.page,{cache:'no-store'}).then(function(x){if(!x.ok)throw x;return x.text()}).then(function(h){",
  "var d=new DOMParser().parseFromString(h,'text/html'),k=known(),all=l.querySelectorAll('article.live-update'),f=l.querySelector('article.live-update:not([data-pinned])'),a,y,i;",
  // What the reader is reading: the first update still on screen, and where it is.
  'for(i=0;i<all.length;i++)if(all[i].getBoundingClientRect().bottom>0){a=all[i];break}',
  // The browser's own scroll anchoring off meanwhile, so that one correction, ours, is made.
  "y=a&&a.getBoundingClientRect().top;var o=document.documentElement.style;o.overflowAnchor='none';",
  "d.querySelectorAll('#updates-list article.live-update:not([data-pinned])').forEach(function(u){if(!k[u.id]){l.insertBefore(document.importNode(u,true),f);got++}});",
  'k=known();fresh=fresh.filter(function(id){return!k[id]});',
  'if(fresh.length&&tries<3)setTimeout(function(){show(tries+1)},5e3);',
  "else{b.hidden=true;fresh=[];s.textContent=got?got+(got>1?' new updates shown':' new update shown'):''}",
  // Last, after every change above it: the update being read goes back to where it was.
  "if(a)scrollBy(0,a.getBoundingClientRect().top-y);o.overflowAnchor=''",
  "}).catch(function(){s.textContent='The new updates could not be loaded: reload the page to see them.'})}",
  "b.addEventListener('click',function(){got=0;s.textContent='Loading…';show(0)});",
  "document.addEventListener('visibilitychange',function(){if(document.visibilityState=='visible')later()});",
  "later()}document.readyState=='loading'?document.addEventListener('DOMContentLoaded',go):go()})()",
].join('');

/** Offers the updates posted since the page was loaded; hidden until the script runs. */
export function NewUpdatesPrompt({ slug }: { slug: string }) {
  return (
    <div
      data-live-updates=""
      data-endpoint={paths.liveUpdatesJson(slug)}
      data-page={paths.live(slug)}
      data-requires-js=""
      className="sticky top-2 z-10 mb-4"
    >
      {/* Its height kept whether the button shows or not: the prompt never moves what is being read. */}
      <div role="status" aria-live="polite" className="flex min-h-11 items-center gap-3 font-sans text-sm">
        <button type="button" hidden className="submit-button">
          New updates
        </button>
        <span data-live-status="" className="bg-paper text-muted" />
      </div>
      <script dangerouslySetInnerHTML={{ __html: NEW_UPDATES_SCRIPT }} />
    </div>
  );
}
