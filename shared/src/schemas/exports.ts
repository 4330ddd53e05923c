import { z } from 'zod';
import {
  COMMENT_LANGUAGES,
  LOCALES,
  STAKEHOLDER_CATEGORIES,
  type StakeholderCategory,
  EXPORT_FORMATS,
} from '../constants.js';
import { storableString } from './common.js';
import { participationSchema } from './participation.js';

/** The English names of the stakeholder categories, as exports and reports print them. */
export const STAKEHOLDER_CATEGORY_LABELS: Record<StakeholderCategory, string> = {
  member_state: 'Member State',
  un_system: 'UN system',
  international_org: 'International organisation',
  civil_society: 'Civil society',
  private_sector: 'Private sector',
  local_government: 'Local government',
  academia: 'Academia',
  migrant_diaspora_org: 'Migrant and diaspora organisation',
  youth: 'Youth',
  trade_union: 'Trade union',
  other: 'Other',
};

export const LANGUAGE_LABELS: Record<(typeof COMMENT_LANGUAGES)[number], string> = {
  en: 'English',
  fr: 'French',
  es: 'Spanish',
  ar: 'Arabic',
  zh: 'Chinese',
  ru: 'Russian',
  other: 'Other',
};

/** `GET /api/spaces/:slug/export`: what to export and in which file format. */
export const exportQuery = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  /** `highlighted`: only the contributions a chair marked relevant for the note. */
  scope: z.enum(['published', 'highlighted']).default('published'),
  /** One guiding question, or "none" for the contributions on the space as a whole. */
  questionId: z.union([z.uuid(), z.literal('none')]).optional(),
  /**
   * Only contributions written in this language. It is also the language of the participation
   * sentence (English, French or Spanish; English when no language, or another, is given).
   */
  lang: z.enum(COMMENT_LANGUAGES).optional(),
  /**
   * `objective`: headings per objective (the tags) instead of per guiding question; a
   * contribution with several objectives appears under each (saying where else), one with none
   * under "No objective".
   */
  group: z.enum(['question', 'objective']).default('question'),
  /** Only contributions with this tag (its code, e.g. "16", or slug), or "none" for untagged ones. */
  tag: storableString().max(40).optional(),
  /**
   * Render each contribution in this language where a translation exists: the translation,
   * labelled as one, then the original; the original alone otherwise.
   */
  translation: z.enum(LOCALES).optional(),
});
export type ExportQuery = z.output<typeof exportQuery>;

const personRef = z.object({ displayName: z.string(), affiliation: z.string() });

const exportAuthor = z.object({
  displayName: z.string(),
  affiliation: z.string(),
  category: z.enum(STAKEHOLDER_CATEGORIES),
  /** `category` in English, e.g. "Member State". */
  categoryLabel: z.string(),
  /** ISO 3166-1 alpha-2 code. */
  country: z.string().nullable(),
  /** The country's English name. */
  countryName: z.string().nullable(),
  /** Verified affiliation: when, and by whom (a staff member's name, or the email domain of a domain rule). */
  verified: z.object({ at: z.iso.datetime(), by: z.string().nullable() }).nullable(),
  /** A designated focal point's Member State (ISO code): an "Official contribution of <Member State>". */
  officialFor: z.string().nullable(),
  /** Its English name. */
  officialForName: z.string().nullable(),
});

export interface ExportContribution {
  id: string;
  number: string;
  parentId: string | null;
  inReplyTo: { number: string | null; published: boolean } | null;
  questionId: string | null;
  author: z.infer<typeof exportAuthor>;
  language: (typeof COMMENT_LANGUAGES)[number];
  createdAt: string;
  publishedAt: string;
  editedAt: string | null;
  status: 'approved';
  highlighted: boolean;
  permalink: string;
  tags: { code: string; label: string }[];
  alsoUnder?: string[];
  attachments: { id: string; filename: string; contentType: string; size: number; url: string }[];
  bodyMd: string;
  text: string;
  /** With `translation=<lang>` only: its translation into that language, or null (the original alone). */
  translation?: ExportTranslation | null;
  replies: ExportContribution[];
}

/** A staff translation of a contribution's published text (never of unpublished or outdated text). */
export const exportTranslation = z.object({
  language: z.enum(COMMENT_LANGUAGES),
  /** The language of the original it translates. */
  sourceLanguage: z.enum(COMMENT_LANGUAGES),
  bodyMd: z.string(),
  /** Without markup. */
  text: z.string(),
  /** Who wrote it; null once that account is deleted. */
  translator: z.string().nullable(),
  translatedAt: z.iso.datetime(),
});
export type ExportTranslation = z.infer<typeof exportTranslation>;

/** One published contribution with its published replies nested under it. */
export const exportContribution: z.ZodType<ExportContribution> = z
  .object({
    id: z.uuid(),
    /**
     * Question number, thread, reply ("1.2.1"); "G.1" without a question. Counted over all the
     * published contributions, so a filtered export keeps the same numbers (with gaps).
     */
    number: z.string(),
    /** The contribution it replies to, when that one is in the export too; otherwise null. */
    parentId: z.uuid().nullable(),
    /**
     * Null unless it is a reply. A reply exported without its parent (which is not published, or
     * outside the export's filters) says so here: the parent's number, or `published: false`.
     */
    inReplyTo: z.object({ number: z.string().nullable(), published: z.boolean() }).nullable(),
    questionId: z.uuid().nullable(),
    author: exportAuthor,
    language: z.enum(COMMENT_LANGUAGES),
    createdAt: z.iso.datetime(),
    publishedAt: z.iso.datetime(),
    editedAt: z.iso.datetime().nullable(),
    /** Always `approved`: exports hold published text only. */
    status: z.literal('approved'),
    highlighted: z.boolean(),
    /** Link to the contribution on its space's page. */
    permalink: z.url(),
    tags: z.array(z.object({ code: z.string(), label: z.string() })),
    /** With `group=objective` only: the codes of its other objectives, under which it appears too. */
    alsoUnder: z.array(z.string()).optional(),
    attachments: z.array(
      z.object({
        id: z.uuid(),
        filename: z.string(),
        contentType: z.string(),
        size: z.number().int(),
        url: z.url(),
      }),
    ),
    /** The published text, as markdown. */
    bodyMd: z.string(),
    /** The published text without markup. */
    text: z.string(),
    translation: exportTranslation.nullable().optional(),
    get replies() {
      return z.array(exportContribution);
    },
  })
  .meta({ id: 'ExportContribution' });

/**
 * The JSON export (`format=json`), version 1. Additions keep the version; a renamed or removed
 * field makes a new one.
 */
export const exportDocument = z
  .object({
    format: z.literal('convene.export'),
    version: z.literal(1),
    generatedAt: z.iso.datetime(),
    filters: z.object({
      scope: z.enum(['published', 'highlighted']),
      questionId: z.union([z.uuid(), z.literal('none')]).nullable(),
      language: z.enum(COMMENT_LANGUAGES).nullable(),
      /** How the contributions are grouped: `question` (default) or `objective`. */
      group: z.enum(['question', 'objective']),
      /** The tag filter's code, "none" for untagged contributions only; null without it. */
      tag: z.string().nullable(),
      /** The language translations were asked in (`translation`); null without it. */
      translation: z.enum(LOCALES).nullable(),
    }),
    space: z.object({
      id: z.uuid(),
      slug: z.string(),
      code: z.string(),
      title: z.string(),
      summary: z.string(),
      status: z.string(),
      opensAt: z.iso.datetime().nullable(),
      closesAt: z.iso.datetime().nullable(),
      url: z.url(),
      /** The session the roundtable belongs to. */
      parent: z.object({ code: z.string(), title: z.string() }).nullable(),
      moderators: z.array(personRef),
      chairs: z.array(personRef),
    }),
    /**
     * Counted over the exported contributions (same scope and filters). `summary` says it as a
     * report does, in the export's language: "39 contributions were received from 19
     * participants: 8 government representatives of 6 Member States, …" (governments counted as
     * Member States, other categories by their distinct organisations).
     */
    participation: participationSchema.extend({ summary: z.string() }),
    /** The contributions by guiding question; empty with `group=objective`. */
    questions: z.array(
      z.object({
        /** Null for the contributions on the space as a whole. */
        id: z.uuid().nullable(),
        /** 1-based order among the guiding questions; null for the space as a whole. */
        number: z.number().int().nullable(),
        text: z.string(),
        contributions: z.array(exportContribution),
      }),
    ),
    /**
     * With `group=objective` only: the objectives the exported contributions address, in the
     * Compact's order, then "No objective" (code null). Each lists its contributions on their own
     * (replies too, with `inReplyTo`), in number order; `alsoUnder` names their other objectives.
     */
    objectives: z
      .array(
        z.object({
          code: z.string().nullable(),
          /** The objective's number in the Global Compact; null for "No objective". */
          number: z.number().int().nullable(),
          text: z.string(),
          contributions: z.array(exportContribution),
        }),
      )
      .optional(),
  })
  .meta({ id: 'ExportDocument' });
export type ExportDocument = z.infer<typeof exportDocument>;
