import type { Locale } from '@convene/shared';
import { messagesFor } from '../messages.js';
import type { Rendered } from '../render.js';
import { renderActionMail } from './verification.js';

/** The outcome of an affiliation request: verified, or declined with the administrator's reason. */
export function renderAffiliationOutcome(input: {
  locale: Locale;
  displayName: string;
  organisation: string;
  outcome: 'verified' | 'declined';
  reason?: string | undefined;
  url: string;
}): Promise<Rendered> {
  const m = messagesFor(input.locale);
  const t = m.affiliation;
  const verified = input.outcome === 'verified';
  return renderActionMail({
    locale: input.locale,
    subject: verified ? t.verifiedSubject : t.declinedSubject,
    before: [
      m.greeting(input.displayName),
      verified ? t.verifiedIntro(input.organisation) : t.declinedIntro(input.organisation),
      ...(verified ? [t.verifiedLapse] : [t.reason(input.reason ?? '')]),
    ],
    action: t.action,
    url: input.url,
    after: [],
  });
}
