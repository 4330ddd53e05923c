import type { SpaceRole } from '@convene/shared';
import type { Config } from '../config.js';
import type { Tx } from '../db/client.js';
import type { Space, User } from '../db/schema/index.js';
import { queueMail } from './compose.js';
import type { Jobs } from './jobs.js';
import { renderInvitation, renderRoleGranted } from './templates/invitation.js';

/** An invitation works for 14 days from when it was (last) sent. */
export const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/** The web client's page that takes the token (in the fragment, so it never reaches a log). */
export const invitationUrl = (appOrigin: string, token: string): string => `${appOrigin}/invitation#token=${token}`;

/**
 * Writes the invitation email (in the inviting administrator's interface language: the invitee
 * has no account, so no language of their own yet) in the transaction `tx` that stored its token.
 */
export async function queueInvitationMail(
  tx: Tx,
  jobs: Jobs,
  config: Config,
  input: { email: string; role: SpaceRole; space: Pick<Space, 'code' | 'title'>; inviter: User; token: string },
): Promise<void> {
  const rendered = await renderInvitation({
    locale: input.inviter.locale,
    inviter: input.inviter.displayName,
    role: input.role,
    space: { code: input.space.code, title: input.space.title },
    url: invitationUrl(config.appOrigin, input.token),
  });
  await queueMail(tx, jobs, config, {
    kind: 'invitation',
    to: input.email,
    userId: null,
    locale: input.inviter.locale,
    rendered,
  });
}

/** Tells an existing account it now holds the role (written in the transaction `tx` that granted it). */
export async function queueRoleGrantedMail(
  tx: Tx,
  jobs: Jobs,
  config: Config,
  input: { user: User; role: SpaceRole; space: Pick<Space, 'code' | 'title' | 'slug'>; inviter: User },
): Promise<void> {
  const { user } = input;
  const rendered = await renderRoleGranted({
    locale: user.locale,
    displayName: user.displayName,
    inviter: input.inviter.displayName,
    role: input.role,
    space: { code: input.space.code, title: input.space.title },
    url: `${config.appOrigin}/spaces/${encodeURIComponent(input.space.slug)}`,
  });
  await queueMail(tx, jobs, config, {
    kind: 'role_granted',
    to: user.email,
    userId: user.id,
    locale: user.locale,
    rendered,
  });
}
