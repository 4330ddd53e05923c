import { mjml, safeUrl } from '../markup.js';
import { messagesFor } from '../messages.js';
import { type Rendered, renderLayout, subjectLine, textBody } from '../render.js';
import type { NotificationMail } from './notification.js';
import { placeOf, quote, quoted } from './parts.js';

/** A new published contribution in a space or question the recipient follows: who, where, the text, the link. */
export async function renderNewContribution(n: NotificationMail): Promise<Rendered> {
  const m = messagesFor(n.locale);
  const t = m.follows;
  const href = safeUrl(n.url);
  const name = n.author?.displayName ?? '';
  const by = t.by(name, n.author?.affiliation ?? '');
  const place = placeOf(m, n.question);
  const intro = t.new_contribution.intro(by);
  const body = mjml`
    <mj-text>${m.greeting(n.displayName)}</mj-text>
    <mj-text>${intro}</mj-text>
    <mj-text font-size="13px" color="#555555">${place}</mj-text>
    ${quote(n.excerpt)}
    <mj-button href="${href}" background-color="#0b5394" color="#ffffff" font-size="16px">${t.view}</mj-button>
    <mj-text font-size="13px" color="#555555">${m.notification.linkHint}<a href="${href}" style="color:#0b5394">${href}</a></mj-text>
    <mj-text font-size="13px" color="#555555">${t.why}</mj-text>`;
  return {
    subject: subjectLine(t.new_contribution.subject(name), n.space),
    html: await renderLayout({ locale: n.locale, body, preview: intro, unsubscribeUrl: n.unsubscribeUrl }),
    text: textBody(
      n.locale,
      [m.greeting(n.displayName), intro, place, quoted(n.excerpt), `${t.view}:\n${href}`, t.why],
      n.unsubscribeUrl,
    ),
  };
}
