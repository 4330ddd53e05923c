import type { Locale, SpaceRole } from '@convene/shared';
import { messagesFor } from '../messages.js';
import type { Rendered, SpaceRef } from '../render.js';
import { renderActionMail } from './verification.js';

/** An administrator's invitation to moderate or chair a space, to an address with no account yet. */
export function renderInvitation(input: {
  locale: Locale;
  inviter: string;
  role: SpaceRole;
  space: SpaceRef;
  url: string;
}): Promise<Rendered> {
  const t = messagesFor(input.locale).invitation;
  return renderActionMail({
    locale: input.locale,
    subject: t.subject[input.role],
    space: input.space,
    before: [t.intro[input.role](input.inviter, `${input.space.code} — ${input.space.title}`)],
    action: t.action,
    url: input.url,
    after: [t.validity, t.ignore],
  });
}
