import type { Locale } from '@convene/shared';
import { messagesFor } from '../messages.js';
import { type Rendered, renderLayout, subjectLine, textBody } from '../render.js';
import { mjml } from '../markup.js';
import { renderActionMail } from './verification.js';

/** To the new address: the link that moves the account to it. */
export function renderEmailChange(input: {
  locale: Locale;
  displayName: string;
  oldEmail: string;
  url: string;
}): Promise<Rendered> {
  const m = messagesFor(input.locale);
  const t = m.emailChange;
  return renderActionMail({
    locale: input.locale,
    subject: t.subject,
    before: [m.greeting(input.displayName), t.intro(input.oldEmail)],
    action: t.action,
    url: input.url,
    after: [t.validity, t.ignore],
  });
}

/** To the old address, once the change applied: no link, only what happened and what to do if it was not them. */
export async function renderEmailChanged(input: {
  locale: Locale;
  displayName: string;
  newEmail: string;
}): Promise<Rendered> {
  const m = messagesFor(input.locale);
  const t = m.emailChanged;
  const paragraphs = [m.greeting(input.displayName), t.intro(input.newEmail), t.notYou];
  return {
    subject: subjectLine(t.subject),
    html: await renderLayout({
      locale: input.locale,
      body: mjml`${paragraphs.map((p) => mjml`<mj-text>${p}</mj-text>`)}`,
      preview: t.intro(input.newEmail),
    }),
    text: textBody(input.locale, paragraphs),
  };
}
