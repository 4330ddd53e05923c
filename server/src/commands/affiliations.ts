import type { AffiliationRequestInput, StakeholderCategory } from '@convene/shared';
import { and, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database, DbOrTx, Tx } from '../db/client.js';
import {
  type AffiliationRequest,
  type OrganisationDomain,
  type User,
  affiliationRequests,
  organisationDomains,
  users,
} from '../db/schema/index.js';
import { AppError, notFound } from '../errors.js';
import { queueAffiliationMail } from '../mail/affiliations.js';
import { mailerFor, nudgeNotifications } from '../mail/notifications.js';
import { domainCandidates, isAffiliationVerified, normaliseDomain } from '../policies/affiliation.js';
import { logAdminAction } from './adminLog.js';

/*
 * Verified affiliations: requests, the administrators' decisions, organisation email domains and
 * Member State focal points (rules and their reasons: policies/affiliation.ts). Every decision is
 * written to `admin_log` in the transaction that makes it.
 */

/** A participant asks for an affiliation to be verified; a new request replaces a pending one. */
export async function requestAffiliation(
  db: Database,
  user: User,
  input: AffiliationRequestInput,
): Promise<AffiliationRequest> {
  return db.transaction(async (tx) => {
    await tx
      .update(affiliationRequests)
      .set({ status: 'cancelled' })
      .where(and(eq(affiliationRequests.userId, user.id), eq(affiliationRequests.status, 'pending')));
    const [row] = await tx
      .insert(affiliationRequests)
      .values({
        userId: user.id,
        organisation: input.organisation,
        stakeholderCategory: input.stakeholderCategory,
        country: input.country ?? null,
        title: input.title,
        note: input.note ?? '',
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  });
}

export async function latestRequest(db: DbOrTx, userId: string): Promise<AffiliationRequest | null> {
  const [row] = await db
    .select()
    .from(affiliationRequests)
    .where(and(eq(affiliationRequests.userId, userId), sql`${affiliationRequests.status} <> 'cancelled'`))
    .orderBy(desc(affiliationRequests.createdAt))
    .limit(1);
  return row ?? null;
}

async function lockPending(tx: Tx, requestId: string): Promise<{ request: AffiliationRequest; user: User }> {
  const [request] = await tx
    .select()
    .from(affiliationRequests)
    .where(eq(affiliationRequests.id, requestId))
    .for('update')
    .limit(1);
  if (!request) throw notFound('Request');
  if (request.status !== 'pending') {
    throw new AppError(409, 'request_decided', 'This request has already been decided or replaced.');
  }
  const [user] = await tx.select().from(users).where(eq(users.id, request.userId)).for('update').limit(1);
  if (!user) throw notFound('Request');
  return { request, user };
}

/**
 * Verifies a request: the user's organisation, category and country become the requested ones,
 * stamped verified by `actor` now (one update, so the lapse trigger keeps the stamp).
 */
export async function verifyAffiliation(db: Database, actor: User, requestId: string): Promise<User> {
  const mailer = mailerFor(db);
  const result = await db.transaction(async (tx) => {
    const { request, user } = await lockPending(tx, requestId);
    const now = new Date();
    const [updated] = await tx
      .update(users)
      .set({
        affiliation: request.organisation,
        stakeholderCategory: request.stakeholderCategory,
        country: request.country,
        affiliationVerifiedAt: now,
        affiliationVerifiedBy: actor.id,
        affiliationVerifiedByName: actor.displayName,
        affiliationVerifiedVia: 'review',
        updatedAt: now,
      })
      .where(eq(users.id, user.id))
      .returning();
    if (!updated) throw new Error('user vanished while locked');
    await tx
      .update(affiliationRequests)
      .set({ status: 'verified', decidedBy: actor.id, decidedByName: actor.displayName, decidedAt: now })
      .where(eq(affiliationRequests.id, request.id));
    await logAdminAction(tx, {
      actor,
      action: 'affiliation_verified',
      targetUser: updated,
      data: {
        via: 'review',
        requestId: request.id,
        organisation: request.organisation,
        category: request.stakeholderCategory,
        country: request.country,
        title: request.title,
      },
    });
    if (mailer) await queueAffiliationMail(tx, mailer.jobs, mailer.config, { user: updated, outcome: 'verified' });
    return updated;
  });
  nudgeNotifications(mailer);
  return result;
}

/** Declines a request with a reason the person sees (on their account page and by email). */
export async function declineAffiliation(
  db: Database,
  actor: User,
  requestId: string,
  reason: string,
): Promise<AffiliationRequest> {
  const mailer = mailerFor(db);
  const result = await db.transaction(async (tx) => {
    const { request, user } = await lockPending(tx, requestId);
    const [row] = await tx
      .update(affiliationRequests)
      .set({
        status: 'declined',
        reason,
        decidedBy: actor.id,
        decidedByName: actor.displayName,
        decidedAt: new Date(),
      })
      .where(eq(affiliationRequests.id, request.id))
      .returning();
    if (!row) throw new Error('request vanished while locked');
    await logAdminAction(tx, {
      actor,
      action: 'affiliation_declined',
      targetUser: user,
      data: { requestId: request.id, organisation: request.organisation, reason },
    });
    if (mailer) {
      await queueAffiliationMail(tx, mailer.jobs, mailer.config, {
        user,
        outcome: 'declined',
        organisation: request.organisation,
        reason,
      });
    }
    return row;
  });
  nudgeNotifications(mailer);
  return result;
}

// ---- organisation email domains ------------------------------------------------------------

/** The rule that applies to an address: the most specific listed domain (sub-domains match). */
export async function domainRuleFor(db: DbOrTx, email: string): Promise<OrganisationDomain | null> {
  const candidates = domainCandidates(email);
  if (candidates.length === 0) return null;
  const rows = await db.select().from(organisationDomains).where(inArray(organisationDomains.domain, candidates));
  return candidates.map((c) => rows.find((r) => r.domain === c)).find((r) => r !== undefined) ?? null;
}

/**
 * API for single sign-on (helper "oidc") and the address-confirmation path: call it in the
 * transaction where `email` became a verified address of `userId`. When a listed organisation
 * domain matches and the user's affiliation is not verified yet, the affiliation and category
 * become the rule's, marked verified "by domain" (admin_log `affiliation_verified`, via domain).
 * A verification made by review is never replaced. Returns whether it verified.
 */
export async function applyDomainRule(tx: Tx, userId: string, email: string): Promise<boolean> {
  const rule = await domainRuleFor(tx, email);
  if (!rule) return false;
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update').limit(1);
  if (!user || user.disabled || isAffiliationVerified(user)) return false;
  const now = new Date();
  const [updated] = await tx
    .update(users)
    .set({
      affiliation: rule.organisation,
      stakeholderCategory: rule.stakeholderCategory,
      affiliationVerifiedAt: now,
      affiliationVerifiedBy: null,
      affiliationVerifiedByName: rule.domain,
      affiliationVerifiedVia: 'domain',
      updatedAt: now,
    })
    .where(eq(users.id, userId))
    .returning();
  if (!updated) return false;
  // A pending request is settled by the rule.
  await tx
    .update(affiliationRequests)
    .set({ status: 'cancelled' })
    .where(and(eq(affiliationRequests.userId, userId), eq(affiliationRequests.status, 'pending')));
  await logAdminAction(tx, {
    actor: null,
    action: 'affiliation_verified',
    targetUser: updated,
    data: { via: 'domain', domain: rule.domain, organisation: rule.organisation, category: rule.stakeholderCategory },
  });
  return true;
}

/**
 * Adds (or replaces) a domain rule. Decision: it applies at once to existing accounts whose
 * address on the domain is verified and whose affiliation is not verified yet (as if their
 * address were verified now); returns how many it verified.
 */
export async function addOrganisationDomain(
  db: Database,
  actor: User,
  input: { domain: string; organisation: string; stakeholderCategory: StakeholderCategory },
): Promise<{ domain: OrganisationDomain; verifiedNow: number }> {
  const domain = normaliseDomain(input.domain);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(organisationDomains)
      .values({
        domain,
        organisation: input.organisation,
        stakeholderCategory: input.stakeholderCategory,
        createdBy: actor.id,
      })
      .onConflictDoUpdate({
        target: organisationDomains.domain,
        set: { organisation: input.organisation, stakeholderCategory: input.stakeholderCategory, createdBy: actor.id },
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await logAdminAction(tx, {
      actor,
      action: 'domain_added',
      data: { domain, organisation: input.organisation, category: input.stakeholderCategory },
    });
    const matching = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(
        and(
          isNotNull(users.emailVerifiedAt),
          isNull(users.affiliationVerifiedAt),
          eq(users.disabled, false),
          sql`(lower(${users.email}) like ${`%@${domain.replace(/[\\%_]/g, (c) => `\\${c}`)}`} or lower(${users.email}) like ${`%.${domain.replace(/[\\%_]/g, (c) => `\\${c}`)}`})`,
        ),
      );
    let verifiedNow = 0;
    for (const u of matching) if (await applyDomainRule(tx, u.id, u.email)) verifiedNow++;
    return { domain: row, verifiedNow };
  });
}

/** Removes a domain rule; verifications it already made stay (they lapse as any other). */
export async function removeOrganisationDomain(db: Database, actor: User, domain: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(organisationDomains)
      .where(eq(organisationDomains.domain, normaliseDomain(domain)))
      .returning();
    if (!row) throw notFound('Domain');
    await logAdminAction(tx, {
      actor,
      action: 'domain_removed',
      data: { domain: row.domain, organisation: row.organisation },
    });
  });
}

// ---- Member State focal points -------------------------------------------------------------

/** Designates a verified user with a country as official focal point of that Member State. */
export async function designateFocalPoint(db: Database, actor: User, userId: string): Promise<User> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update').limit(1);
    if (!user) throw notFound('User');
    if (!isAffiliationVerified(user)) {
      throw new AppError(
        409,
        'affiliation_not_verified',
        'Only a user with a verified affiliation can be a focal point.',
      );
    }
    if (!user.country) {
      throw new AppError(409, 'country_missing', 'A focal point needs the country of the Member State they represent.');
    }
    if (user.focalPointAt) return user;
    const [updated] = await tx.update(users).set({ focalPointAt: new Date() }).where(eq(users.id, userId)).returning();
    if (!updated) throw new Error('user vanished while locked');
    await logAdminAction(tx, {
      actor,
      action: 'focal_point_designated',
      targetUser: updated,
      data: { country: user.country },
    });
    return updated;
  });
}

export async function removeFocalPoint(db: Database, actor: User, userId: string): Promise<User> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update').limit(1);
    if (!user) throw notFound('User');
    if (!user.focalPointAt) return user;
    const [updated] = await tx.update(users).set({ focalPointAt: null }).where(eq(users.id, userId)).returning();
    if (!updated) throw new Error('user vanished while locked');
    await logAdminAction(tx, {
      actor,
      action: 'focal_point_removed',
      targetUser: updated,
      data: { country: user.country },
    });
    return updated;
  });
}

/**
 * An administrator removes a verification by hand: the mark and any focal-point designation go
 * at once (every view reads them from `users`). Logged `affiliation_revoked`, with what was held.
 * Idempotent: an unverified user is returned unchanged and nothing is logged.
 */
export async function revokeVerification(db: Database, actor: User, userId: string): Promise<User> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update').limit(1);
    if (!user) throw notFound('User');
    if (!user.affiliationVerifiedAt && !user.focalPointAt) return user;
    const [updated] = await tx
      .update(users)
      .set({
        affiliationVerifiedAt: null,
        affiliationVerifiedBy: null,
        affiliationVerifiedByName: null,
        affiliationVerifiedVia: null,
        focalPointAt: null,
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId))
      .returning();
    if (!updated) throw new Error('user vanished while locked');
    await logAdminAction(tx, {
      actor,
      action: 'affiliation_revoked',
      targetUser: updated,
      data: {
        verifiedAt: user.affiliationVerifiedAt?.toISOString() ?? null,
        verifiedBy: user.affiliationVerifiedByName,
        via: user.affiliationVerifiedVia,
        wasFocalPoint: user.focalPointAt !== null,
        country: user.country,
      },
    });
    return updated;
  });
}
