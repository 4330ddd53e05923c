import type { InvitationDto, InvitationLookup, SpaceRole } from '@convene/shared';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Config } from '../config.js';
import type { Database, Tx } from '../db/client.js';
import { type Invitation, type Space, type User, invitations, spaceRoles, spaces, users } from '../db/schema/index.js';
import { AppError, notFound } from '../errors.js';
import { INVITATION_TTL_MS, queueInvitationMail, queueRoleGrantedMail } from '../mail/invitations.js';
import { QUEUES, type Jobs } from '../mail/jobs.js';
import { newToken, tokenHash } from '../mail/passwordReset.js';
import { appendEvent } from './events.js';
import { findUserByEmail } from './users.js';

/**
 * Invitations: an administrator appoints a moderator or chair by an address with no account. The
 * person registers through the emailed link (`POST /api/auth/register` with `invitationToken`),
 * with that address, verified by the link, and holds the role at once. An open invitation (not
 * accepted, not revoked) is listed for the space's administrators; past its expiry it is
 * `expired` and a resend gives it a new link and 14 more days.
 */

const expiresIn = () => sql`now() + make_interval(secs => ${INVITATION_TTL_MS / 1000})`;
const open = () => and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt));

/** Appoints `email` as `role` of the space: at once when it has an account, by an invitation otherwise. */
export async function inviteToRole(
  db: Database,
  jobs: Jobs,
  config: Config,
  space: Space,
  input: { email: string; role: SpaceRole },
  actor: User,
): Promise<'granted' | 'invited'> {
  const existing = await findUserByEmail(db, input.email);
  if (existing) {
    // The role at once, as `PUT /roles` grants it, and (when it is new) an email saying so.
    const granted = await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(spaceRoles)
        .values({ spaceId: space.id, userId: existing.id, role: input.role, grantedBy: actor.id })
        .onConflictDoNothing()
        .returning({ userId: spaceRoles.userId });
      if (inserted.length === 0) return false;
      await announceRoles(tx, [space.id]);
      await queueRoleGrantedMail(tx, jobs, config, { user: existing, role: input.role, space, inviter: actor });
      return true;
    });
    if (granted) jobs.nudge(QUEUES.mailSend);
    return 'granted';
  }
  const token = newToken();
  await db.transaction(async (tx) => {
    // One open invitation per address, space and role: inviting again sends it again.
    await tx.execute(sql`
      insert into invitations (token_hash, email, space_id, role, invited_by, expires_at)
      values (${tokenHash(token)}, ${input.email}, ${space.id}, ${input.role}, ${actor.id}, ${expiresIn()})
      on conflict (space_id, role, lower(email)) where accepted_at is null and revoked_at is null
      do update set token_hash = excluded.token_hash, invited_by = excluded.invited_by,
        sent_at = now(), expires_at = excluded.expires_at`);
    await queueInvitationMail(tx, jobs, config, { ...input, space, inviter: actor, token });
  });
  jobs.nudge(QUEUES.mailSend);
  return 'invited';
}

/** The space's open invitations, oldest first. */
export async function listInvitations(db: Database, spaceId: string): Promise<InvitationDto[]> {
  const inviter = alias(users, 'inviter');
  const rows = await db
    .select({
      invitation: invitations,
      invitedBy: inviter.displayName,
      expired: sql<boolean>`${invitations.expiresAt} <= now()`,
    })
    .from(invitations)
    .leftJoin(inviter, eq(inviter.id, invitations.invitedBy))
    .where(and(eq(invitations.spaceId, spaceId), open()))
    .orderBy(asc(invitations.createdAt), asc(invitations.id));
  return rows.map(({ invitation: i, invitedBy, expired }) => ({
    id: i.id,
    email: i.email,
    role: i.role,
    status: expired ? 'expired' : 'pending',
    invitedBy: invitedBy ?? null,
    sentAt: i.sentAt.toISOString(),
    expiresAt: i.expiresAt.toISOString(),
  }));
}

/** An open invitation by id (404 otherwise: accepted, revoked or unknown), with its space. */
export async function loadOpenInvitation(db: Database, id: string): Promise<{ invitation: Invitation; space: Space }> {
  const [row] = await db
    .select({ invitation: invitations, space: spaces })
    .from(invitations)
    .innerJoin(spaces, eq(spaces.id, invitations.spaceId))
    .where(and(eq(invitations.id, id), open()))
    .limit(1);
  if (!row) throw notFound('Invitation');
  return row;
}

/** Sends an open invitation again, with a new link (the old one stops working) and a new expiry. */
export async function resendInvitation(
  db: Database,
  jobs: Jobs,
  config: Config,
  invitation: Invitation,
  space: Space,
  actor: User,
): Promise<void> {
  const token = newToken();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ tokenHash: tokenHash(token), sentAt: sql`now()`, expiresAt: expiresIn() })
      .where(and(eq(invitations.id, invitation.id), open()))
      .returning();
    if (!row) throw notFound('Invitation');
    await queueInvitationMail(tx, jobs, config, { email: row.email, role: row.role, space, inviter: actor, token });
  });
  jobs.nudge(QUEUES.mailSend);
}

/** Revokes an open invitation: its link stops working. */
export async function revokeInvitation(db: Database, id: string): Promise<void> {
  const [row] = await db
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(invitations.id, id), open()))
    .returning({ id: invitations.id });
  if (!row) throw notFound('Invitation');
}

const tokenError = (field: string, code: string, message: string) =>
  new AppError(400, code, message, { fields: [{ field, message }] });

/**
 * The invitation a link's token names, if it can still be accepted: 400 `invitation_invalid`
 * (unknown or replaced by a resend), `invitation_used`, `invitation_revoked` or
 * `invitation_expired`, naming `field` (the registration's `invitationToken`, the lookup's `token`).
 */
export async function invitationByToken(
  db: Database | Tx,
  token: string,
  field = 'invitationToken',
): Promise<{ invitation: Invitation; space: Space }> {
  const [row] = await db
    .select({ invitation: invitations, space: spaces, expired: sql<boolean>`${invitations.expiresAt} <= now()` })
    .from(invitations)
    .innerJoin(spaces, eq(spaces.id, invitations.spaceId))
    .where(eq(invitations.tokenHash, tokenHash(token)))
    .limit(1);
  if (!row) throw tokenError(field, 'invitation_invalid', 'This invitation link is not valid.');
  if (row.invitation.acceptedAt)
    throw tokenError(field, 'invitation_used', 'This invitation has already been accepted.');
  if (row.invitation.revokedAt) throw tokenError(field, 'invitation_revoked', 'This invitation was withdrawn.');
  if (row.expired) throw tokenError(field, 'invitation_expired', 'This invitation has expired.');
  return { invitation: row.invitation, space: row.space };
}

/** What the invitation page shows. */
export async function lookupInvitation(db: Database, token: string): Promise<InvitationLookup> {
  const { invitation, space } = await invitationByToken(db, token, 'token');
  return {
    email: invitation.email,
    role: invitation.role,
    space: { slug: space.slug, code: space.code, title: space.title },
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

/**
 * The account's address is proven (registered through an invitation, or verified): every open,
 * unexpired invitation to that address is accepted and its role granted, in the transaction `tx`.
 * Returns how many roles were granted.
 */
export async function acceptInvitations(tx: Tx, user: Pick<User, 'id' | 'email'>): Promise<number> {
  const accepted = await tx
    .update(invitations)
    .set({ acceptedAt: sql`now()`, acceptedBy: user.id })
    .where(and(open(), sql`lower(${invitations.email}) = lower(${user.email})`, sql`${invitations.expiresAt} > now()`))
    .returning();
  for (const i of accepted) {
    await tx
      .insert(spaceRoles)
      .values({ spaceId: i.spaceId, userId: user.id, role: i.role, grantedBy: i.invitedBy })
      .onConflictDoNothing();
  }
  await announceRoles(tx, [...new Set(accepted.map((i) => i.spaceId))]);
  return accepted.length;
}

/** The public page lists moderators and chairs; the live hub recomputes who may read a draft. */
async function announceRoles(tx: Tx, spaceIds: string[]): Promise<void> {
  for (const spaceId of spaceIds) {
    const [space] = await tx.select({ slug: spaces.slug }).from(spaces).where(eq(spaces.id, spaceId));
    if (space) await appendEvent(tx, { kind: 'space.changed', spaceId, payload: { slug: space.slug } });
  }
}
