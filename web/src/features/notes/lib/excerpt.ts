const cache = new Map<string, string>();

/** Plain text of a contribution's (server-sanitised) HTML, shortened to `length` characters. */
export function excerptFromHtml(html: string, length = 280): string {
  const key = `${length}:${html}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  // Block boundaries become spaces so words of two paragraphs do not run together.
  for (const el of doc.body.querySelectorAll('p, li, br, h1, h2, h3, h4, h5, h6, blockquote, tr')) el.append(' ');
  const text = (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
  const short = text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;
  if (cache.size > 2000) cache.clear();
  cache.set(key, short);
  return short;
}
