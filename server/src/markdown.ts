import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import sanitizeHtml from 'sanitize-html';

/**
 * Markdown → safe HTML, on the server, once per write. Raw HTML in the source is shown as
 * text (html: false); the output then passes an allowlist sanitiser as a second wall.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false }).use(footnote);
// International organisations live under .int (iom.int, un.int): link them like .org.
md.linkify.tlds('int', true);

const LINK_REL = 'nofollow ugc noopener noreferrer';

/** Ids exist only for footnotes (fn…, fnref…); any other id could clobber the page's own. */
const FOOTNOTE_ID = /^fn(ref)?[-a-zA-Z0-9_]*$/;
function footnoteIdOnly(attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  if (attribs.id === undefined || FOOTNOTE_ID.test(attribs.id)) return attribs;
  const { id: _dropped, ...rest } = attribs;
  return rest;
}

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'del',
    's',
    'a',
    'ul',
    'ol',
    'li',
    'blockquote',
    'code',
    'pre',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'sup',
    'sub',
    'section',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'id', 'class', 'rel', 'title'],
    ol: ['start', 'class'],
    li: ['id', 'class'],
    sup: ['class'],
    section: ['class'],
    hr: ['class'],
    th: ['style'],
    td: ['style'],
  },
  allowedClasses: {
    a: ['footnote-backref'],
    ol: ['footnotes-list'],
    li: ['footnote-item'],
    sup: ['footnote-ref'],
    section: ['footnotes'],
    hr: ['footnotes-sep'],
  },
  allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: {
    // Headings inside a contribution sit below the page's own h1/h2 outline.
    h1: 'h3',
    h2: 'h3',
    a: (tagName, attribs) => {
      const href = attribs.href ?? '';
      const internal = href.startsWith('#');
      const kept = footnoteIdOnly(attribs);
      return { tagName, attribs: internal ? kept : { ...kept, rel: LINK_REL } };
    },
    li: (tagName, attribs) => ({ tagName, attribs: footnoteIdOnly(attribs) }),
  },
};

/**
 * Renders a contribution or a background text. `docId` keeps footnote anchors unique when
 * several documents share one page.
 */
export function renderMarkdown(source: string, docId?: string): string {
  const html = md.render(source, docId ? { docId: docId.replace(/[^a-zA-Z0-9_-]/g, '') } : {});
  return sanitizeRendered(html);
}

/**
 * The second wall on its own: whatever HTML it is given, only the allowlisted tags, attributes,
 * classes and link schemes (http, https, mailto, in-page #anchors) come out. Exported to be
 * tested without markdown-it's own link check in front of it.
 */
export function sanitizeRendered(html: string): string {
  return sanitizeHtml(html, sanitizeOptions);
}
