/**
 * The providers a story may embed, and how. Each becomes an iframe we render ourselves from a
 * fixed, privacy-respecting player address (no third-party script on our pages, no tracking
 * cookies before a reader presses play). Anything else is refused by the content check.
 */
export type EmbedTarget = {
  provider: 'YouTube' | 'Vimeo' | 'Datawrapper';
  /** The player address the iframe loads. */
  src: string;
  /** Where a reader can open the original. */
  href: string;
  /** Width:height of the player; charts use a fixed height instead. */
  aspect?: '16 / 9';
};

export const EMBED_PROVIDERS = ['YouTube', 'Vimeo', 'Datawrapper'] as const;

/** Hosts whose iframes the site renders (for a CSP frame-src, if one is added). */
export const EMBED_FRAME_HOSTS = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com', 'https://datawrapper.dwcdn.net'] as const;

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

/** The embed for a URL an editor pasted, or undefined when the provider is not allowed. */
export function embedTarget(raw: string): EmbedTarget | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = url.hostname.replace(/^(www|m)\./, '');
  const segments = url.pathname.split('/').filter(Boolean);

  if (host === 'youtube.com' || host === 'youtu.be' || host === 'youtube-nocookie.com') {
    let id: string | undefined;
    if (host === 'youtu.be') id = segments[0];
    else if (segments[0] === 'watch') id = url.searchParams.get('v') ?? undefined;
    else if (segments[0] === 'embed' || segments[0] === 'shorts' || segments[0] === 'live') id = segments[1];
    if (!id || !YOUTUBE_ID.test(id)) return undefined;
    return {
      provider: 'YouTube',
      src: `https://www.youtube-nocookie.com/embed/${id}`,
      href: `https://www.youtube.com/watch?v=${id}`,
      aspect: '16 / 9',
    };
  }
  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const id = host === 'vimeo.com' ? segments[0] : segments[0] === 'video' ? segments[1] : undefined;
    if (!id || !/^\d{1,12}$/.test(id)) return undefined;
    return {
      provider: 'Vimeo',
      // dnt=1: Vimeo sets no tracking cookies and records no session data.
      src: `https://player.vimeo.com/video/${id}?dnt=1`,
      href: `https://vimeo.com/${id}`,
      aspect: '16 / 9',
    };
  }
  if (host === 'datawrapper.dwcdn.net' || host === 'datawrapper.de') {
    const [id, version] = host === 'datawrapper.de' && segments[0] === '_' ? segments.slice(1) : segments;
    if (!id || !/^[A-Za-z0-9]{5}$/.test(id)) return undefined;
    const v = version && /^\d{1,4}$/.test(version) ? `${version}/` : '';
    return {
      provider: 'Datawrapper',
      src: `https://datawrapper.dwcdn.net/${id}/${v}`,
      href: `https://datawrapper.dwcdn.net/${id}/${v}`,
    };
  }
  return undefined;
}
