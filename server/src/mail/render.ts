import type { Locale } from '@convene/shared';
import type Mjml2HtmlFn from 'mjml';
import { type Markup, markupText, mjml, oneLine, safeUrl, trusted } from './markup.js';
import { messagesFor } from './messages.js';

/** What a template produces: the three parts every email has. */
export interface Rendered {
  subject: string;
  html: string;
  text: string;
}

/** The space an email is about: its code and title go in the subject. */
export interface SpaceRef {
  code: string;
  title: string;
}

/** "[RT 1.1] Harnessing the capital… — <what happened>", or the bare subject when no space. */
export function subjectLine(subject: string, space?: SpaceRef): string {
  return oneLine(space ? `[${space.code}] ${space.title} — ${subject}` : subject);
}

type Mjml2Html = typeof Mjml2HtmlFn;
let compiler: Promise<Mjml2Html> | undefined;
/** mjml takes over a second to load: loaded on the first email, not at start-up. */
export const loadMjml = () => (compiler ??= import('mjml').then((m) => m.default));

export interface LayoutInput {
  locale: Locale;
  /** The body sections, built with `mjml`. */
  body: Markup;
  /** Shown in the inbox list next to the subject. */
  preview: string;
  /** Notification kinds: the unsubscribe link in the footer (also in the List-Unsubscribe header). */
  unsubscribeUrl?: string;
}

/** The languages written right to left. */
const RTL_LOCALES: ReadonlySet<Locale> = new Set<Locale>(['ar']);
export const textDirection = (locale: Locale): 'rtl' | 'ltr' => (RTL_LOCALES.has(locale) ? 'rtl' : 'ltr');

/**
 * System fonts first (Latin, then Arabic, then Simplified Chinese, on Apple, Windows, Android
 * and Linux with Noto), so that every one of the six languages finds its glyphs in a mail client.
 */
export const FONT_STACK =
  "Helvetica, Arial, 'Segoe UI', 'Noto Sans', Tahoma, 'Geeza Pro', 'Noto Naskh Arabic', 'Noto Sans Arabic', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";

/** The one frame every email shares, compiled by MJML to table-based HTML that mail clients show. */
export async function renderLayout({ locale, body, preview, unsubscribeUrl }: LayoutInput): Promise<string> {
  const m = messagesFor(locale);
  const dir = textDirection(locale);
  // Text and buttons start on the side the language starts (MJML writes a physical text-align).
  const start = dir === 'rtl' ? 'right' : 'left';
  const doc = mjml`<mjml lang="${locale}" dir="${dir}">
  <mj-head>
    <mj-preview>${preview}</mj-preview>
    <mj-attributes>
      <mj-all font-family="${trusted(FONT_STACK)}" />
      <mj-text font-size="16px" line-height="1.5" color="#1a1a1a" align="${start}" />
      <mj-section direction="${dir}" />
      <mj-column direction="${dir}" />
      <mj-button align="${start}" />
      <mj-table align="${start}" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f4f4f4">
    <mj-section background-color="#ffffff" padding="24px">
      <mj-column>${body}</mj-column>
    </mj-section>
    <mj-section padding="12px 24px">
      <mj-column>
        <mj-text font-size="13px" color="#555555">${m.footer}</mj-text>
        ${
          unsubscribeUrl
            ? mjml`<mj-text font-size="13px" color="#555555">${m.notificationFooter} <a href="${safeUrl(unsubscribeUrl)}" style="color:#0b5394">${m.unsubscribe}</a></mj-text>`
            : null
        }
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
  const mjml2html = await loadMjml();
  const result = await mjml2html(markupText(doc), { validationLevel: 'strict', keepComments: false });
  return result.html;
}

/** The plain-text part: paragraphs separated by blank lines, and the footer. */
export function textBody(locale: Locale, paragraphs: string[], unsubscribeUrl?: string): string {
  const m = messagesFor(locale);
  const footer = unsubscribeUrl
    ? [`-- \n${m.footer}\n${m.notificationFooter}\n${m.unsubscribe}: ${unsubscribeUrl}`]
    : [`-- \n${m.footer}`];
  return `${[...paragraphs, ...footer].join('\n\n')}\n`;
}
