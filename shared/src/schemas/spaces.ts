import { z } from 'zod';
import {
  COMMENT_LANGUAGES,
  MODERATION_MODES,
  SPACE_ROLES,
  SPACE_STATUSES,
  STAKEHOLDER_CATEGORIES,
} from '../constants.js';
import { pastedText, storableString, text } from './common.js';

export const slug = storableString()
  .trim()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case letters, digits and single hyphens, e.g. "rt-1-1"');

/** What the viewer may do with a space; the UI shows only what the server would allow. */
export const spaceAbilities = z.object({
  /** Post a comment now (signed in, allowed, and the space is open). */
  post: z.boolean(),
  moderate: z.boolean(),
  highlight: z.boolean(),
  export: z.boolean(),
  /** Edit every setting of the space (administrators). */
  edit: z.boolean(),
  /** Edit the background and guiding questions (chairs and administrators). */
  editContent: z.boolean(),
  manageRoles: z.boolean(),
});
export type SpaceAbilities = z.infer<typeof spaceAbilities>;

const counts = z.object({
  /** Published (approved) comments. */
  comments: z.number().int(),
  questions: z.number().int(),
  /** Published comments new since the viewer last marked the space seen; null for guests. */
  new: z.number().int().nullable(),
});

export const spaceSummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  code: z.string(),
  title: z.string(),
  summary: z.string(),
  status: z.enum(SPACE_STATUSES),
  opensAt: z.iso.datetime().nullable(),
  closesAt: z.iso.datetime().nullable(),
  /** True when comments are accepted right now (status open and within the dates). */
  isOpen: z.boolean(),
  moderationMode: z.enum(MODERATION_MODES),
  counts,
});
export type SpaceSummary = z.infer<typeof spaceSummary>;

export const spaceTreeNode = spaceSummary.extend({ children: z.array(spaceSummary) }).meta({ id: 'SpaceTreeNode' });
export const spaceListResponse = z.object({ spaces: z.array(spaceTreeNode) });
export type SpaceListResponse = z.infer<typeof spaceListResponse>;

export const personSchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    affiliation: z.string(),
    stakeholderCategory: z.enum(STAKEHOLDER_CATEGORIES),
    country: z.string().nullable(),
  })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof personSchema>;

export const questionSchema = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    text: z.string(),
    counts: z.object({ comments: z.number().int(), new: z.number().int().nullable() }),
    /** Whether the viewer follows this question (`PUT …/questions/:id/follow`); null for guests and in live messages. */
    following: z.boolean().nullable(),
  })
  .meta({ id: 'Question' });
export type QuestionDto = z.infer<typeof questionSchema>;

const spaceRef = z.object({ slug: z.string(), code: z.string(), title: z.string() });

export const spaceDetail = spaceSummary
  .extend({
    backgroundHtml: z.string(),
    /** Markdown source of the background; only for those who may edit it. */
    backgroundMd: z.string().optional(),
    acceptedLanguages: z.array(z.enum(COMMENT_LANGUAGES)),
    disclaimer: z.string(),
    contactEmail: z.string().nullable(),
    moderators: z.array(personSchema.pick({ displayName: true, affiliation: true })),
    chairs: z.array(personSchema.pick({ displayName: true, affiliation: true })),
    questions: z.array(questionSchema),
    parent: spaceRef.nullable(),
    children: z.array(spaceSummary),
    /** When the viewer last marked this space seen (null: never, or a guest): "new" is published after it. */
    seenAt: z.iso.datetime().nullable(),
    /** Whether the viewer follows the space (`PUT /api/spaces/:slug/follow`); null for guests. */
    following: z.boolean().nullable(),
    abilities: spaceAbilities,
  })
  .meta({ id: 'SpaceDetail' });
export type SpaceDetail = z.infer<typeof spaceDetail>;
export const spaceDetailResponse = z.object({ space: spaceDetail });

const dateInput = z.iso.datetime({ offset: true }).nullable();

export const createSpaceRequest = z.strictObject({
  slug,
  code: text(40),
  title: text(300),
  /** Slug of the session this roundtable belongs to. */
  parentSlug: slug.nullish(),
  summary: storableString().trim().max(2_000).default(''),
  background: pastedText().max(100_000).default(''),
  status: z.enum(SPACE_STATUSES).default('draft'),
  opensAt: dateInput.optional(),
  closesAt: dateInput.optional(),
  moderationMode: z.enum(MODERATION_MODES).default('pre'),
  acceptedLanguages: z.array(z.enum(COMMENT_LANGUAGES)).min(1).default(['en', 'fr', 'es']),
  disclaimer: storableString().trim().max(5_000).default(''),
  contactEmail: z.email().nullish(),
});
export type CreateSpaceRequest = z.input<typeof createSpaceRequest>;
/** A create request after parsing (defaults applied). */
export type CreateSpaceInput = z.output<typeof createSpaceRequest>;

export const updateSpaceRequest = z.strictObject({
  code: text(40).optional(),
  title: text(300).optional(),
  summary: storableString().trim().max(2_000).optional(),
  background: pastedText().max(100_000).optional(),
  status: z.enum(SPACE_STATUSES).optional(),
  opensAt: dateInput.optional(),
  closesAt: dateInput.optional(),
  moderationMode: z.enum(MODERATION_MODES).optional(),
  acceptedLanguages: z.array(z.enum(COMMENT_LANGUAGES)).min(1).optional(),
  disclaimer: storableString().trim().max(5_000).optional(),
  contactEmail: z.email().nullish(),
});
export type UpdateSpaceRequest = z.input<typeof updateSpaceRequest>;
export type UpdateSpaceInput = z.output<typeof updateSpaceRequest>;

export const createQuestionRequest = z.strictObject({
  text: text(2_000),
  /** 1-based; defaults to the end. */
  position: z.number().int().min(1).optional(),
});
export const updateQuestionRequest = z.strictObject({
  text: text(2_000).optional(),
  /** Move the question to this 1-based position; the others shift. */
  position: z.number().int().min(1).optional(),
});
export type CreateQuestionInput = z.output<typeof createQuestionRequest>;
export type UpdateQuestionInput = z.output<typeof updateQuestionRequest>;
export const questionsResponse = z.object({ questions: z.array(questionSchema) });

export const roleRequest = z.strictObject({ email: z.email(), role: z.enum(SPACE_ROLES) });
export type RoleRequest = z.output<typeof roleRequest>;
export const roleEntry = z.object({
  user: personSchema.extend({ email: z.string() }),
  role: z.enum(SPACE_ROLES),
  createdAt: z.iso.datetime(),
});
export const rolesResponse = z.object({ roles: z.array(roleEntry) });
export type RoleEntry = z.infer<typeof roleEntry>;

export const slugParams = z.object({ slug: storableString().max(80) });
export const questionParams = slugParams.extend({ id: z.uuid() });

/**
 * `POST /api/spaces/:slug/duplicate`: start the next roundtable from this one. The copy is a
 * draft in the same session with the source's settings, background and guiding questions;
 * `copyRoles` copies its moderators and chairs too. Its address and code must be free (409).
 */
export const duplicateSpaceRequest = z.strictObject({
  slug,
  code: text(40),
  title: text(300),
  copyRoles: z.boolean().default(false),
});
export type DuplicateSpaceRequest = z.input<typeof duplicateSpaceRequest>;
export type DuplicateSpaceInput = z.output<typeof duplicateSpaceRequest>;
