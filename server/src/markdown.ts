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
      return { tagName, attribs: internal ? attribs : { ...attribs, rel: LINK_REL } };
    },
  },
};

/**
 * Renders a contribution or a background text. `docId` keeps footnote anchors unique when
 * several documents share one page.
 */
export function renderMarkdown(source: string, docId?: string): string {
  const html = md.render(source, docId ? { docId: docId.replace(/[^a-zA-Z0-9_-]/g, '') } : {});
  return sanitizeHtml(html, sanitizeOptions);
}
