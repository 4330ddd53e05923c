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

/** To an existing account an administrator appointed: the role is held now; the link opens the space. */
export function renderRoleGranted(input: {
  locale: Locale;
  displayName: string;
  inviter: string;
  role: SpaceRole;
  space: SpaceRef;
  url: string;
}): Promise<Rendered> {
  const m = messagesFor(input.locale);
  const t = m.roleGranted;
  return renderActionMail({
    locale: input.locale,
    subject: t.subject[input.role],
    space: input.space,
    before: [
      m.greeting(input.displayName),
      t.intro[input.role](input.inviter, `${input.space.code} — ${input.space.title}`),
    ],
    action: t.action,
    url: input.url,
    after: [],
  });
}
