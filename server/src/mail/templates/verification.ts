import type { Locale } from '@convene/shared';
import { mjml, safeUrl } from '../markup.js';
import { messagesFor } from '../messages.js';
import { type Rendered, type SpaceRef, renderLayout, subjectLine, textBody } from '../render.js';

/** A transactional email built around one link: paragraphs, the button, paragraphs after it. */
export interface ActionMail {
  locale: Locale;
  subject: string;
  /** The subject then starts with the space's code and title. */
  space?: SpaceRef | undefined;
  before: string[];
  action: string;
  url: string;
  after: string[];
}

/** Renders an `ActionMail` (the link also written out, for clients where the button fails). No unsubscribe: the person asked for it. */
export async function renderActionMail(mail: ActionMail): Promise<Rendered> {
  const m = messagesFor(mail.locale);
  const href = safeUrl(mail.url);
  const body = mjml`
    ${mail.before.map((p) => mjml`<mj-text>${p}</mj-text>`)}
    <mj-button href="${href}" background-color="#0b5394" color="#ffffff" font-size="16px">${mail.action}</mj-button>
    ${mail.after.map((p) => mjml`<mj-text>${p}</mj-text>`)}
    <mj-text font-size="13px" color="#555555">${m.passwordReset.linkHint}<br /><a href="${href}" style="color:#0b5394">${href}</a></mj-text>`;
  return {
    subject: subjectLine(mail.subject, mail.space),
    html: await renderLayout({ locale: mail.locale, body, preview: mail.before.at(-1) ?? mail.subject }),
    text: textBody(mail.locale, [...mail.before, `${mail.action}:\n${href}`, ...mail.after]),
  };
}

/** The link that proves the account's address, sent at registration and on "resend". */
export function renderVerification(input: { locale: Locale; displayName: string; url: string }): Promise<Rendered> {
  const m = messagesFor(input.locale);
  const t = m.verification;
  return renderActionMail({
    locale: input.locale,
    subject: t.subject,
    before: [m.greeting(input.displayName), t.intro],
    action: t.action,
    url: input.url,
    after: [t.validity, t.why, t.ignore],
  });
}
