import type { Locale } from '@convene/shared';
import { mjml, safeUrl } from '../markup.js';
import { messagesFor } from '../messages.js';
import { type Rendered, renderLayout, subjectLine, textBody } from '../render.js';

export interface PasswordResetMail {
  locale: Locale;
  displayName: string;
  /** The link holding the single-use token. */
  url: string;
}

/** The reset link a person asked for: transactional, so no unsubscribe. */
export async function renderPasswordReset({ locale, displayName, url }: PasswordResetMail): Promise<Rendered> {
  const m = messagesFor(locale);
  const t = m.passwordReset;
  const href = safeUrl(url);
  const body = mjml`
    <mj-text>${m.greeting(displayName)}</mj-text>
    <mj-text>${t.intro}</mj-text>
    <mj-button href="${href}" background-color="#0b5394" color="#ffffff" font-size="16px">${t.action}</mj-button>
    <mj-text>${t.validity}</mj-text>
    <mj-text>${t.ignore}</mj-text>
    <mj-text font-size="13px" color="#555555">${t.linkHint}<br /><a href="${href}" style="color:#0b5394">${href}</a></mj-text>`;
  return {
    subject: subjectLine(t.subject),
    html: await renderLayout({ locale, body, preview: t.validity }),
    text: textBody(locale, [m.greeting(displayName), t.intro, `${t.action}:\n${href}`, t.validity, t.ignore]),
  };
}
