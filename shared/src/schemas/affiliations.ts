import { z } from 'zod';
import { STAKEHOLDER_CATEGORIES } from '../constants.js';
import { countryCode, storableString, text } from './common.js';
import { personSchema } from './spaces.js';

/*
 * Verified affiliations (server/src/policies/affiliation.ts has the rules): a participant asks
 * for their organisation, category, country and title to be verified; administrators verify or
 * decline with a reason; organisation email domains verify automatically; verified users may be
 * designated focal points of their Member State.
 */

export const AFFILIATION_REQUEST_STATUSES = ['pending', 'verified', 'declined', 'cancelled'] as const;

export const affiliationRequestInput = z
  .strictObject({
    organisation: text(200),
    stakeholderCategory: z.enum(STAKEHOLDER_CATEGORIES),
    country: countryCode.nullish(),
    /** The person's title or position, e.g. "Counsellor, Permanent Mission". */
    title: text(200),
    note: storableString().trim().max(2_000, 'At most 2,000 characters').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.stakeholderCategory === 'member_state' && !v.country) {
      ctx.addIssue({
        code: 'custom',
        path: ['country'],
        message: 'Choose the country of the Member State you represent',
      });
    }
  });
export type AffiliationRequestInput = z.output<typeof affiliationRequestInput>;

export const affiliationRequestDto = z
  .object({
    id: z.uuid(),
    organisation: z.string(),
    stakeholderCategory: z.enum(STAKEHOLDER_CATEGORIES),
    country: z.string().nullable(),
    title: z.string(),
    note: z.string(),
    status: z.enum(AFFILIATION_REQUEST_STATUSES),
    /** Why it was declined (the person sees it). */
    reason: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'AffiliationRequest' });
export type AffiliationRequestDto = z.infer<typeof affiliationRequestDto>;
/** A new or declined request, as the server answers it. */
export const affiliationRequestResponse = z.object({ request: affiliationRequestDto });

/** `GET /api/me/affiliation`: the mark the account carries now and its latest request. */
export const myAffiliationResponse = z.object({
  person: personSchema,
  request: affiliationRequestDto.nullable(),
});
export type MyAffiliationResponse = z.infer<typeof myAffiliationResponse>;

/** A request in the administrators' queue, with who asked (their current profile). */
export const affiliationQueueItem = affiliationRequestDto.extend({
  user: personSchema.extend({ email: z.string() }),
});
export type AffiliationQueueItem = z.infer<typeof affiliationQueueItem>;
export const affiliationQueueQuery = z.object({
  status: z.enum(AFFILIATION_REQUEST_STATUSES).default('pending'),
});
export const affiliationQueueResponse = z.object({ requests: z.array(affiliationQueueItem) });
export type AffiliationQueueResponse = z.infer<typeof affiliationQueueResponse>;

export const declineAffiliationInput = z.strictObject({ reason: text(1_000) });

/** A domain such as `mfa.gov.example`: letters, digits, hyphens, at least one dot. */
export const emailDomain = z
  .string()
  .trim()
  .toLowerCase()
  .transform((d) => d.replace(/^@/, ''))
  .pipe(
    z
      .string()
      .max(253)
      .regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'Give a domain such as "mfa.gov.example"'),
  );

export const organisationDomainInput = z.strictObject({
  domain: emailDomain,
  organisation: text(200),
  stakeholderCategory: z.enum(STAKEHOLDER_CATEGORIES),
});
export const organisationDomainDto = z.object({
  domain: z.string(),
  organisation: z.string(),
  stakeholderCategory: z.enum(STAKEHOLDER_CATEGORIES),
  createdAt: z.iso.datetime(),
});
export type OrganisationDomainDto = z.infer<typeof organisationDomainDto>;
export const organisationDomainsResponse = z.object({ domains: z.array(organisationDomainDto) });
export const addDomainResponse = z.object({
  domain: organisationDomainDto,
  /** Existing accounts with a verified address on the domain (and no verification yet) it verified now. */
  verifiedNow: z.number().int(),
});

/** A verified user, for the focal-point page: designated or not. */
export const verifiedUserDto = personSchema.extend({ email: z.string(), focalPoint: z.boolean() });
export type VerifiedUserDto = z.infer<typeof verifiedUserDto>;
/** A user after an administrator's change to their verification. */
export const verifiedUserResponse = z.object({ user: verifiedUserDto });
export const verifiedUsersQuery = z.object({
  country: countryCode.optional(),
  q: storableString().trim().max(200).optional(),
});
export const verifiedUsersResponse = z.object({ users: z.array(verifiedUserDto) });
export type VerifiedUsersResponse = z.infer<typeof verifiedUsersResponse>;
