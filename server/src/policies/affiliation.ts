import type { ModerationMode, Person } from '@convene/shared';
import type { User } from '../db/schema/index.js';

/**
 * Verified affiliations: the rules.
 *
 * - A verified affiliation states that the person's **name, organisation, category and country**
 *   were checked — by an administrator working the verification queue, or by an organisation
 *   email-domain rule when the person's address on that domain was verified. It is stored on the
 *   user (`affiliation_verified_*`); a database trigger clears it when any of those four fields
 *   changes in an update that does not verify anew, so the mark can never outlive what it vouches
 *   for, whatever code path edits the profile.
 * - Who works the queue, the domain list and the focal points: administrators (the policy action
 *   `affiliation.manage`; the deployment has no separate secretariat role — administrators are the
 *   secretariat, and a dedicated role would be a one-line change of that rule).
 * - A **focal point** is a verified user designated as the official voice of the Member State of
 *   their `country`. Their contributions read "Official contribution of <Member State>". The
 *   designation lapses with the verification (same trigger) and needs a country.
 * - Moderation mode `pre_except_verified`: pre-moderated, except for authors with a verified
 *   affiliation, whose comments publish at once (still in the moderation log, still reportable).
 */

export type PersonRow = Pick<
  User,
  | 'id'
  | 'displayName'
  | 'affiliation'
  | 'stakeholderCategory'
  | 'country'
  | 'affiliationVerifiedAt'
  | 'affiliationVerifiedByName'
  | 'affiliationVerifiedVia'
  | 'focalPointAt'
>;

type Marks = Pick<User, 'affiliationVerifiedAt' | 'affiliationVerifiedByName' | 'affiliationVerifiedVia'>;

export const isAffiliationVerified = (u: Pick<User, 'affiliationVerifiedAt'>): boolean =>
  u.affiliationVerifiedAt !== null && u.affiliationVerifiedAt !== undefined;

/** The Member State (country code) this user officially speaks for, or null. */
export const officialFor = (u: Pick<User, 'affiliationVerifiedAt' | 'focalPointAt' | 'country'>): string | null =>
  isAffiliationVerified(u) && u.focalPointAt !== null && u.focalPointAt !== undefined && u.country ? u.country : null;

/** The marks a person carries in every DTO and export. */
export function affiliationMarks(
  u: Marks & Pick<User, 'focalPointAt' | 'country'>,
): Pick<Person, 'verified' | 'officialFor'> {
  return {
    verified: isAffiliationVerified(u)
      ? {
          at: (u.affiliationVerifiedAt as Date).toISOString(),
          by: u.affiliationVerifiedByName ?? null,
          via: u.affiliationVerifiedVia === 'domain' ? 'domain' : 'review',
        }
      : null,
    officialFor: officialFor(u),
  };
}

/**
 * The moderation mode that applies to this author's new comment or edit: `pre_except_verified`
 * is `post` for a verified author and `pre` for anyone else.
 */
export function effectiveMode(mode: ModerationMode, author: Pick<User, 'affiliationVerifiedAt'>): 'pre' | 'post' {
  if (mode === 'pre_except_verified') return isAffiliationVerified(author) ? 'post' : 'pre';
  return mode;
}

/** Normalises an email domain as the rules store it: lower case, no leading "@" or dot. */
export const normaliseDomain = (d: string): string =>
  d
    .trim()
    .toLowerCase()
    .replace(/^[@.]+/, '')
    .replace(/\.$/, '');

/** The domain of an address and its parent domains, most specific first (`a.b.c` → a.b.c, b.c). */
export function domainCandidates(email: string): string[] {
  const at = email.lastIndexOf('@');
  if (at < 0) return [];
  const parts = normaliseDomain(email.slice(at + 1)).split('.');
  const out: string[] = [];
  for (let i = 0; i < parts.length - 1; i++) out.push(parts.slice(i).join('.'));
  return out;
}
