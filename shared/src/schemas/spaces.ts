import { z } from 'zod';
import {
  COMMENT_LANGUAGES,
  LOCALES,
  MODERATION_MODES,
  SPACE_ROLES,
  SPACE_STATUSES,
  STAKEHOLDER_CATEGORIES,
} from '../constants.js';
import { pastedText, pgInteger, storableString, text } from './common.js';

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

/*
 * Multilingual spaces. A space's title, summary, background and disclaimer, and each guiding
 * question's text, are written in its original language (`originalLanguage`) and may be
 * translated into the other interface languages. Reads take the language asked (`?lang=`, else
 * the request's Accept-Language, else the original) and fall back field by field to the original;
 * `lang` says which language each text came in, so the page can mark it (`lang` attribute, and
 * "Original in English" where it fell back).
 */
const locale = z.enum(LOCALES);

/** The translatable fields of a space, as the edit API names them. */
export const SPACE_TEXT_FIELDS = ['title', 'summary', 'background', 'disclaimer'] as const;
export type SpaceTextField = (typeof SPACE_TEXT_FIELDS)[number];

/** `?lang=`: the language to read the space's texts in. */
export const languageQuery = z.object({ lang: locale.optional() });

/**
 * Per-language texts in an edit: `{ fr: { title: "…", background: "…" } }`. A field left out
 * keeps its translation; an empty one removes it (the field falls back to the original again).
 * The original language itself is edited through the main fields, not here.
 */
export const spaceTranslationsInput = z.partialRecord(
  locale,
  z.strictObject({
    title: storableString().trim().max(300, 'At most 300 characters').optional(),
    summary: storableString().trim().max(2_000, 'At most 2,000 characters').optional(),
    background: pastedText().max(100_000, 'At most 100,000 characters').optional(),
    disclaimer: storableString().trim().max(5_000, 'At most 5,000 characters').optional(),
  }),
);
export type SpaceTranslationsInput = z.output<typeof spaceTranslationsInput>;

/** A question's text per language (`{ fr: "…" }`); an empty one removes that translation. */
export const questionTranslationsInput = z.partialRecord(
  locale,
  storableString().trim().max(2_000, 'At most 2,000 characters'),
);
export type QuestionTranslationsInput = z.output<typeof questionTranslationsInput>;

/** What editors see of the translations: the markdown source of each translated background. */
export const spaceTranslationsDto = z.partialRecord(
  locale,
  z.object({
    title: z.string().optional(),
    summary: z.string().optional(),
    background: z.string().optional(),
    disclaimer: z.string().optional(),
  }),
);

/** One text the space's editors have not translated yet into a language the space expects. */
export const missingTranslation = z.object({
  language: locale,
  /** `title`, `summary`, `background`, `disclaimer` or `questions.<id>`. */
  field: z.string(),
});

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
  /** The language the space was written in. */
  originalLanguage: locale,
  /** The languages its texts exist in (at least one field), the original first. */
  languages: z.array(locale),
  /** The language each text above came in: the one asked, or the original where not translated. */
  lang: z.object({ title: locale, summary: locale }),
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
    /**
     * Verified affiliation: the name, organisation, category and country shown were checked, at
     * `at`, by `by` (a staff member's name, or the email domain when `via` is `domain`). Null when
     * not verified (or changed since).
     */
    verified: z
      .object({ at: z.iso.datetime(), by: z.string().nullable(), via: z.enum(['review', 'domain']) })
      .nullable(),
    /** ISO country code of the Member State whose designated official focal point this is; else null. */
    officialFor: z.string().nullable(),
  })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof personSchema>;

export const questionSchema = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    text: z.string(),
    /** The language `text` came in (the one asked, or the space's original). */
    lang: z.object({ text: locale }),
    /** Editors only (space detail): the text per language other than the original. */
    translations: z.partialRecord(locale, z.string()).optional(),
    counts: z.object({ comments: z.number().int(), new: z.number().int().nullable() }),
    /** Whether the viewer follows this question (`PUT …/questions/:id/follow`); null for guests and in live messages. */
    following: z.boolean().nullable(),
  })
  .meta({ id: 'Question' });
export type QuestionDto = z.infer<typeof questionSchema>;

const spaceRef = z.object({ slug: z.string(), code: z.string(), title: z.string(), lang: z.object({ title: locale }) });

export const spaceDetail = spaceSummary
  .extend({
    backgroundHtml: z.string(),
    /** Markdown source of the background; only for those who may edit it. */
    backgroundMd: z.string().optional(),
    acceptedLanguages: z.array(z.enum(COMMENT_LANGUAGES)),
    disclaimer: z.string(),
    lang: z.object({ title: locale, summary: locale, background: locale, disclaimer: locale }),
    /** Editors only (chairs, administrators): every translation, backgrounds as markdown. */
    translations: spaceTranslationsDto.optional(),
    /**
     * Editors only: texts not yet translated into the space's accepted languages (those that are
     * interface languages) and any other language it has a translation in.
     */
    missingTranslations: z.array(missingTranslation).optional(),
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
  originalLanguage: locale.default('en'),
  translations: spaceTranslationsInput.optional(),
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
  /** The language the main fields are written in (administrators); refused while it has a translation. */
  originalLanguage: locale.optional(),
  translations: spaceTranslationsInput.optional(),
  contactEmail: z.email().nullish(),
});
export type UpdateSpaceRequest = z.input<typeof updateSpaceRequest>;
export type UpdateSpaceInput = z.output<typeof updateSpaceRequest>;

export const createQuestionRequest = z.strictObject({
  text: text(2_000),
  translations: questionTranslationsInput.optional(),
  /** 1-based; defaults to the end. */
  position: pgInteger().min(1).optional(),
});
export const updateQuestionRequest = z.strictObject({
  text: text(2_000).optional(),
  translations: questionTranslationsInput.optional(),
  /** Move the question to this 1-based position; the others shift. */
  position: pgInteger().min(1).optional(),
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
