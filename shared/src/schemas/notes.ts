import { z } from 'zod';
import { STAKEHOLDER_CATEGORIES } from '../constants.js';
import { pastedText, pgInteger, text } from './common.js';

/**
 * Background notes: a chair's synthesis of the highlighted contributions, in sections.
 *
 * Citations: write `[@<comment id>]` (the full id, e.g. `[@3f0c…-…]`) in a section's markdown to
 * cite a contribution. Citations are numbered in order of first appearance across the note;
 * the exports turn each into a footnote "Author, Organisation, date, permalink" (`NOTE_CITATION`).
 */

/** A category or question with at most this many highlighted contributions is listed as a gap. */
export const NOTE_GAP_THRESHOLD = 1;

const targetWords = z.number().int().min(50, 'At least 50 words').max(50_000, 'At most 50,000 words');

export const createNoteRequest = z.strictObject({
  /** Defaults to "Background note — <space code>". */
  title: text(200).optional(),
  targetWords: targetWords.optional(),
});
export type CreateNoteRequest = z.input<typeof createNoteRequest>;

export const noteSectionInput = z.strictObject({
  /** An existing section's id; leave out for a new section. */
  id: z.uuid().optional(),
  title: text(300),
  bodyMd: pastedText().max(100_000, 'At most 100,000 characters'),
  /** The highlighted contributions placed in this section, in order. */
  commentIds: z.array(z.uuid()).max(500, 'At most 500 contributions in a section').default([]),
});

/** The whole note, saved at once; sections are kept, added, removed and reordered as sent. */
export const saveNoteRequest = z.strictObject({
  title: text(200),
  targetWords,
  /** The version the edit started from; a newer one on the server is a 409 `conflict`. */
  version: pgInteger().min(1),
  sections: z.array(noteSectionInput).max(50, 'At most 50 sections'),
});
export type SaveNoteRequest = z.input<typeof saveNoteRequest>;
export type SaveNoteInput = z.output<typeof saveNoteRequest>;

export const noteParams = z.object({ id: z.uuid() });
export const noteVersionParams = z.object({ id: z.uuid(), version: pgInteger({ coerce: true }).min(1) });
export const noteVersionsQuery = z.strictObject({
  /** Versions older than this one (the last of the previous page). */
  before: pgInteger({ coerce: true }).min(2).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const noteExportQuery = z.strictObject({ format: z.enum(['docx', 'md']) });

/** Names a saved version ("Draft for the Bureau"); null or "" takes the name off. */
export const nameNoteVersionRequest = z.strictObject({
  name: z.union([z.literal(''), text(120)]).nullable(),
});
export type NameNoteVersionRequest = z.input<typeof nameNoteVersionRequest>;

/** The note as it is on the screen (saved or not), to see it rendered as the exports print it. */
export const notePreviewRequest = z.strictObject({
  title: text(200),
  sections: z.array(noteSectionInput).max(50, 'At most 50 sections'),
});
export type NotePreviewRequest = z.input<typeof notePreviewRequest>;
/** Sanitised HTML: the sections, citations as numbered footnotes, the annex of contributions considered. */
export const notePreviewResponse = z.object({ html: z.string() });

const actor = z.object({ id: z.uuid(), displayName: z.string() }).nullable();

/** A contribution placed in a section, with enough to show it beside the editor. */
export const noteContribution = z.object({
  id: z.uuid(),
  questionId: z.uuid().nullable(),
  author: z.object({
    displayName: z.string(),
    affiliation: z.string(),
    stakeholderCategory: z.enum(STAKEHOLDER_CATEGORIES),
    country: z.string().nullable(),
  }),
  createdAt: z.iso.datetime(),
  permalink: z.url(),
  /** The start of the published text; null when the contribution is no longer published. */
  excerpt: z.string().nullable(),
  published: z.boolean(),
  highlighted: z.boolean(),
});
export type NoteContribution = z.infer<typeof noteContribution>;

export const noteCitation = z.object({
  /** The footnote number the exports give it. */
  number: z.number().int(),
  commentId: z.uuid(),
  /** False when the contribution is no longer published: the exports then print no details. */
  published: z.boolean(),
  author: z.string().nullable(),
  affiliation: z.string().nullable(),
  date: z.iso.datetime().nullable(),
  permalink: z.url(),
  /** The sections citing it, in order. */
  sectionIds: z.array(z.uuid()),
});
export type NoteCitation = z.infer<typeof noteCitation>;

export const noteSectionSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  title: z.string(),
  bodyMd: z.string(),
  commentIds: z.array(z.uuid()),
  contributions: z.array(noteContribution),
  words: z.number().int(),
});

export const noteSchema = z
  .object({
    id: z.uuid(),
    space: z.object({ id: z.uuid(), slug: z.string(), code: z.string(), title: z.string() }),
    title: z.string(),
    targetWords: z.number().int(),
    version: z.number().int(),
    /** Words of synthesis text (all sections) against the target. */
    words: z.object({ total: z.number().int(), target: z.number().int() }),
    sections: z.array(noteSectionSchema),
    citations: z.array(noteCitation),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    createdBy: actor,
    updatedBy: actor,
    abilities: z.object({ edit: z.boolean() }),
  })
  .meta({ id: 'Note' });
export type NoteDto = z.infer<typeof noteSchema>;
export const noteResponse = z.object({ note: noteSchema });

export const noteSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  targetWords: z.number().int(),
  version: z.number().int(),
  words: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  updatedBy: actor,
});
export const noteListResponse = z.object({
  notes: z.array(noteSummary),
  abilities: z.object({ create: z.boolean() }),
});
export type NoteListResponse = z.infer<typeof noteListResponse>;

export const noteSnapshotSchema = z.object({
  title: z.string(),
  targetWords: z.number().int(),
  sections: z.array(z.object({ id: z.uuid(), title: z.string(), bodyMd: z.string(), commentIds: z.array(z.uuid()) })),
  restoredFrom: z.number().int().optional(),
});

export const noteVersionSummary = z.object({
  /**
   * The note's version after the last save folded into this one: saves by the same chair less than
   * NOTE_VERSION_PAUSE_MINUTES apart update the latest unnamed version, so numbers may skip.
   */
  version: z.number().int(),
  /** A chair's name for it; null when unnamed. A named version is never updated again. */
  name: z.string().nullable(),
  createdAt: z.iso.datetime(),
  /** The last save folded into it. */
  updatedAt: z.iso.datetime(),
  createdBy: actor,
  title: z.string(),
  words: z.number().int(),
  /** Set when this version restored an earlier one. */
  restoredFrom: z.number().int().nullable(),
});
export const noteVersionsResponse = z.object({
  versions: z.array(noteVersionSummary),
  /** Pass as `before` for older versions; null at the end. */
  nextBefore: z.number().int().nullable(),
});
export const noteVersionResponse = z.object({
  version: noteVersionSummary.extend({ snapshot: noteSnapshotSchema }),
});

/** The five UN regional groups of Member States. */
export const UN_REGIONAL_GROUPS = [
  'african',
  'asia_pacific',
  'eastern_european',
  'latin_american_caribbean',
  'western_european_other',
] as const;
export type UnRegionalGroup = (typeof UN_REGIONAL_GROUPS)[number];

/**
 * A group is under-heard when its share of the highlighted contributions is below this fraction
 * of its share of the published ones (half: 20 % of what was said, under 10 % of what was kept).
 */
export const NOTE_UNDER_HEARD_RATIO = 0.5;

/** How a group has been heard, judged against what it contributed. */
const hearing = z.enum([
  /** Nothing published from it. */
  'absent',
  /** Its share of the highlighted contributions is well below its share of the published ones. */
  'under_heard',
  'heard',
]);

const shares = {
  highlighted: z.number().int(),
  /** Published contributions of the group, to pick from. */
  published: z.number().int(),
  /** Its part of all published contributions (0–1). */
  shareOfPublished: z.number(),
  /** Its part of all highlighted contributions (0–1; 0 when nothing is highlighted). */
  shareOfHighlighted: z.number(),
  hearing,
};

/**
 * "Who has not been heard": stakeholder categories and UN regional groups judged relative to
 * participation, which Member States took part, guiding questions with few highlighted
 * contributions, and the unhighlighted contributions of the under-heard groups.
 */
export const noteGapsResponse = z.object({
  gaps: z.object({
    /** Questions with at most this many highlighted contributions are listed. */
    threshold: z.number().int(),
    /** The under-heard ratio applied to categories and regional groups. */
    ratio: z.number(),
    /** The categories that are absent or under-heard (every category is in `allCategories`). */
    categories: z.array(z.object({ category: z.enum(STAKEHOLDER_CATEGORIES), ...shares })),
    allCategories: z.array(z.object({ category: z.enum(STAKEHOLDER_CATEGORIES), ...shares })),
    questions: z.array(
      z.object({
        questionId: z.uuid().nullable(),
        position: z.number().int().nullable(),
        text: z.string(),
        highlighted: z.number().int(),
        published: z.number().int(),
      }),
    ),
    /**
     * The five UN regional groups: contributions of participants from their countries (every
     * category), and which of their Member States took part (a government representative
     * contributed) and which did not.
     */
    regions: z.array(
      z.object({
        group: z.enum(UN_REGIONAL_GROUPS),
        ...shares,
        memberStates: z.number().int(),
        /** ISO 3166-1 alpha-2 codes. */
        tookPart: z.array(z.string()),
        notHeard: z.array(z.string()),
      }),
    ),
    /** Per Member State whose government took part: its government's contributions. */
    memberStates: z.array(
      z.object({
        country: z.string(),
        group: z.enum(UN_REGIONAL_GROUPS),
        published: z.number().int(),
        highlighted: z.number().int(),
      }),
    ),
    /**
     * Published, unhighlighted contributions of the under-heard categories and regional groups,
     * oldest first (at most 200), so a chair can look at them.
     */
    unheard: z.array(
      z.object({
        id: z.uuid(),
        questionId: z.uuid().nullable(),
        createdAt: z.iso.datetime(),
        author: z.object({
          displayName: z.string(),
          affiliation: z.string(),
          stakeholderCategory: z.enum(STAKEHOLDER_CATEGORIES),
          country: z.string().nullable(),
        }),
        group: z.enum(UN_REGIONAL_GROUPS).nullable(),
        /** Why it is listed: its category, its regional group, or both. */
        because: z.array(z.enum(['category', 'region'])),
        excerpt: z.string(),
      }),
    ),
    unheardTotal: z.number().int(),
  }),
});
export type NoteGaps = z.infer<typeof noteGapsResponse>['gaps'];

/** Details of a 409 `conflict` on save: the note as it now is, and who saved it when. */
export const noteConflictDetails = z.object({
  note: noteSchema,
  updatedBy: actor,
  updatedAt: z.iso.datetime(),
});
