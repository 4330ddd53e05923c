const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, br, tr, td, th, div, hr';

/**
 * The plain text of a comment's HTML, shortened to about `max` characters at a word boundary.
 * DOMParser builds an inert document: nothing is run or fetched, and only text comes out.
 */
export function excerptFromHtml(html: string, max = 300): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  // Keep words of adjacent paragraphs or list items apart.
  for (const el of doc.body.querySelectorAll(BLOCKS)) el.append(' ');
  const text = (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/, '')}…`;
}
