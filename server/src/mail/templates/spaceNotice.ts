import type { Locale } from '@convene/shared';
import type { SpaceNoticeKind } from '../kinds.js';
import { type Markup, mjml, safeUrl } from '../markup.js';
import { messagesFor } from '../messages.js';
import { type Rendered, type SpaceRef, renderLayout, subjectLine, textBody } from '../render.js';

/** A labelled link of a notice (the queue, the dashboard, an export). */
export interface NoticeLink {
  label: string;
  url: string;
}

/**
 * A notice about a space as a whole: closing soon, closed, items waiting for moderation, a
 * chair's summary. It holds counts, dates and links only, never a contribution's text.
 */
export interface SpaceNoticeMail {
  kind: SpaceNoticeKind;
  locale: Locale;
  displayName: string;
  space: SpaceRef;
  unsubscribeUrl: string;
  /** What the subject says after the space's code and title. */
  subject: string;
  /** The paragraphs of the body, plain text. */
  paragraphs: string[];
  /** Figures shown as a table (label, value). */
  facts?: { label: string; value: string }[];
  /** The main action (a button), then further links. */
  action: NoticeLink;
  links?: NoticeLink[];
}

const linkStyle = 'color:#0b5394';

/** The part of a notice that depends on its kind (the rest comes from the recipient and the space). */
export type SpaceNoticeContent = Pick<SpaceNoticeMail, 'subject' | 'paragraphs' | 'facts' | 'action' | 'links'>;

export async function renderSpaceNotice(n: SpaceNoticeMail): Promise<Rendered> {
  const m = messagesFor(n.locale);
  const href = safeUrl(n.action.url);
  const facts = n.facts ?? [];
  const links = n.links ?? [];
  const body = mjml`
    <mj-text>${m.greeting(n.displayName)}</mj-text>
    <mj-text><strong>${n.space.code}</strong> ${n.space.title}</mj-text>
    ${n.paragraphs.map((p) => mjml`<mj-text>${p}</mj-text>`)}
    ${
      facts.length
        ? mjml`<mj-table>${facts.map(
            (f): Markup =>
              mjml`<tr><td style="padding:4px 12px 4px 0">${f.label}</td><td style="padding:4px 0"><strong>${f.value}</strong></td></tr>`,
          )}</mj-table>`
        : null
    }
    <mj-button href="${href}" background-color="#0b5394" color="#ffffff" font-size="16px">${n.action.label}</mj-button>
    ${links.map((l) => mjml`<mj-text><a href="${safeUrl(l.url)}" style="${linkStyle}">${l.label}</a></mj-text>`)}
    <mj-text font-size="13px" color="#555555">${m.spaceNotice.linkHint}<br /><a href="${href}" style="${linkStyle}">${href}</a></mj-text>`;
  const paragraphs = [
    m.greeting(n.displayName),
    `${n.space.code} ${n.space.title}`,
    ...n.paragraphs,
    ...(facts.length ? [facts.map((f) => `${f.label}: ${f.value}`).join('\n')] : []),
    `${n.action.label}:\n${href}`,
    ...links.map((l) => `${l.label}:\n${safeUrl(l.url)}`),
  ];
  return {
    subject: subjectLine(n.subject, n.space),
    html: await renderLayout({
      locale: n.locale,
      body,
      preview: n.paragraphs[0] ?? n.subject,
      unsubscribeUrl: n.unsubscribeUrl,
    }),
    text: textBody(n.locale, paragraphs, n.unsubscribeUrl),
  };
}

/** A date and time as the recipient's language writes it, in UTC (said so). */
export const formatDate = (locale: Locale, date: Date): string =>
  `${new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(date)} UTC`;

/** A waiting time in words: minutes under an hour, hours under two days, days after. */
export function formatDuration(locale: Locale, ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  const [value, unit] =
    minutes < 60
      ? [minutes, 'minute']
      : minutes < 48 * 60
        ? [Math.floor(minutes / 60), 'hour']
        : [Math.floor(minutes / (24 * 60)), 'day'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
