import type { Locale } from '@convene/shared';
import type { CommentMailKind } from '../kinds.js';
import { mjml, safeUrl } from '../markup.js';
import { messagesFor } from '../messages.js';
import { type Rendered, type SpaceRef, renderLayout, subjectLine, textBody } from '../render.js';
import { renderNewContribution } from './newContribution.js';
import { lines, quote, quoted } from './parts.js';

export interface NotificationMail {
  kind: CommentMailKind;
  locale: Locale;
  displayName: string;
  space: SpaceRef;
  /** The permalink of the comment the email is about. */
  url: string;
  unsubscribeUrl: string;
  /** The text shown (plain text): the comment, the rejected edit or the reply, as the recipient may see it. */
  excerpt: string;
  /** A rejection's reason (the author's to read). */
  reason?: string | null | undefined;
  /** A reply: who wrote it, and the recipient's comment it answers (published text). */
  replyAuthor?: string | undefined;
  parentExcerpt?: string | undefined;
  /** A new contribution: who wrote it (name and affiliation) and the question it answers (null: a general comment). */
  author?: { displayName: string; affiliation: string } | undefined;
  question?: { position: number; text: string } | null | undefined;
}

/** A decision on your comment or edit, or a reply to it: what happened, the text, the link. */
export async function renderNotification(n: NotificationMail): Promise<Rendered> {
  if (n.kind === 'new_contribution') return renderNewContribution(n);
  const m = messagesFor(n.locale);
  const t = m.notification;
  const href = safeUrl(n.url);
  const rejected = n.kind === 'comment_rejected' || n.kind === 'edit_rejected';
  let subject: string;
  let intro: string;
  if (n.kind === 'comment_reply') {
    const name = n.replyAuthor ?? '';
    subject = t.comment_reply.subject(name);
    intro = t.comment_reply.intro(name);
  } else {
    subject = t[n.kind].subject;
    intro = t[n.kind].intro;
  }
  const action = rejected ? t.revise : t.view;
  const body = mjml`
    <mj-text>${m.greeting(n.displayName)}</mj-text>
    <mj-text>${intro}</mj-text>
    ${n.kind === 'comment_reply' ? null : mjml`<mj-text font-size="13px" color="#555555">${t.yourText}</mj-text>`}
    ${quote(n.excerpt)}
    ${n.reason ? mjml`<mj-text><strong>${t.reason}</strong><br />${lines(n.reason)}</mj-text>` : null}
    ${n.parentExcerpt ? [mjml`<mj-text font-size="13px" color="#555555">${t.inReplyTo}</mj-text>`, quote(n.parentExcerpt)] : null}
    <mj-button href="${href}" background-color="#0b5394" color="#ffffff" font-size="16px">${action}</mj-button>
    ${rejected ? mjml`<mj-text>${t.reviseHint}</mj-text>` : null}
    <mj-text font-size="13px" color="#555555">${t.linkHint}<a href="${href}" style="color:#0b5394">${href}</a></mj-text>`;
  const paragraphs = [
    m.greeting(n.displayName),
    intro,
    ...(n.kind === 'comment_reply' ? [] : [t.yourText]),
    quoted(n.excerpt),
    ...(n.reason ? [`${t.reason}\n${n.reason}`] : []),
    ...(n.parentExcerpt ? [t.inReplyTo, quoted(n.parentExcerpt)] : []),
    `${action}:\n${href}`,
    ...(rejected ? [t.reviseHint] : []),
  ];
  return {
    subject: subjectLine(subject, n.space),
    html: await renderLayout({ locale: n.locale, body, preview: intro, unsubscribeUrl: n.unsubscribeUrl }),
    text: textBody(n.locale, paragraphs, n.unsubscribeUrl),
  };
}
