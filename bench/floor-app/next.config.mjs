// The site's own serving settings (next.config.ts), so the floor differs from the site in its
// pages only. Without an ETag the bare page is slightly faster: a stricter floor, not a softer one.
export default { poweredByHeader: false, generateEtags: false };
