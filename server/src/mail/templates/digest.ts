import { type DigestFrequency, type Locale, nameSeparator } from '@convene/shared';
import type { CommentMailKind } from '../kinds.js';
import { mjml, oneLine, safeUrl } from '../markup.js';
import { messagesFor } from '../messages.js';
import { type Rendered, type SpaceRef, renderLayout, subjectLine, textBody } from '../render.js';
import { lines, placeOf, quote, quoted } from './parts.js';

/** One notification in a digest, as its recipient may see it when the digest is written. */
export interface DigestItem {
  kind: CommentMailKind;
  spaceId: string;
  space: SpaceRef;
  /** The question its comment answers; null: a general comment. */
  question: { id: string; position: number; text: string } | null;
  author: { displayName: string; affiliation: string };
  /** The comment's text (plain), as the single email would quote it. */
  excerpt: string;
  reason: string | null;
  /** The comment's permalink. */
  url: string;
}

export interface DigestGroup {
  space: SpaceRef;
  questions: { question: DigestItem['question']; items: DigestItem[] }[];
}

export interface DigestMail {
  locale: Locale;
  displayName: string;
  frequency: DigestFrequency;
  groups: DigestGroup[];
  count: number;
  unsubscribeUrl: string;
}

/** A longer text is cut here in a digest, with a link to read it all. */
export const DIGEST_EXCERPT = 500;

function excerptOf(text: string): { text: string; cut: boolean } {
  const plain = text.endsWith('…') ? text.slice(0, -1) : text;
  const cut = text.length > DIGEST_EXCERPT || plain !== text;
  return { text: cut ? `${plain.slice(0, DIGEST_EXCERPT).trimEnd()}…` : text, cut };
}

/**
 * A digest: each space (code and title) with its questions, and under each question every item
 * with its author, affiliation and text (an excerpt and a link for a long one), in the recipient's
 * language. HTML and plain text.
 */
export async function renderDigest(d: DigestMail): Promise<Rendered> {
  const m = messagesFor(d.locale);
  const t = m.digest;
  const intro = t.intro[d.frequency](d.count);
  const label = (kind: CommentMailKind) => (kind === 'new_contribution' ? null : t.kinds[kind]);
  const html = d.groups.map((g) => [
    mjml`<mj-text font-size="20px" font-weight="bold" padding-top="24px">${g.space.code} — ${g.space.title}</mj-text>`,
    ...g.questions.map((q) => [
      mjml`<mj-text font-size="17px" font-weight="bold" color="#333333">${placeOf(m, q.question)}</mj-text>`,
      ...q.items.map((item) => {
        const href = safeUrl(item.url);
        const ex = excerptOf(item.excerpt);
        const kind = label(item.kind);
        return mjml`<mj-text>
          ${kind ? mjml`<span style="color:#555555">${kind} · </span>` : null}<strong>${item.author.displayName}</strong>${item.author.affiliation ? mjml`${nameSeparator(d.locale)}${item.author.affiliation}` : null}
        </mj-text>
        ${quote(ex.text)}
        ${item.reason ? mjml`<mj-text><strong>${m.notification.reason}</strong><br />${lines(item.reason)}</mj-text>` : null}
        <mj-text font-size="14px"><a href="${href}" style="color:#0b5394">${ex.cut ? m.follows.readMore : m.follows.view}</a></mj-text>`;
      }),
    ]),
  ]);
  const body = mjml`
    <mj-text>${m.greeting(d.displayName)}</mj-text>
    <mj-text>${intro}</mj-text>
    ${html.flat(2)}`;
  const text = d.groups.flatMap((g) => [
    `== ${g.space.code} — ${g.space.title} ==`,
    ...g.questions.flatMap((q) => [
      `-- ${placeOf(m, q.question)} --`,
      ...q.items.map((item) => {
        const ex = excerptOf(item.excerpt);
        const kind = label(item.kind);
        return [
          `${kind ? `${kind} · ` : ''}${m.follows.by(item.author.displayName, item.author.affiliation)}`,
          quoted(ex.text),
          ...(item.reason ? [`${m.notification.reason}\n${item.reason}`] : []),
          `${ex.cut ? m.follows.readMore : m.follows.view}: ${item.url}`,
        ].join('\n');
      }),
    ]),
  ]);
  const [only] = d.groups;
  const subject =
    d.groups.length === 1 && only
      ? subjectLine(t.subject[d.frequency], only.space)
      : oneLine(`${t.subject[d.frequency]} — ${d.groups.map((g) => g.space.code).join(', ')}`);
  return {
    subject,
    html: await renderLayout({ locale: d.locale, body, preview: intro, unsubscribeUrl: d.unsubscribeUrl }),
    text: textBody(d.locale, [m.greeting(d.displayName), intro, ...text], d.unsubscribeUrl),
  };
}
