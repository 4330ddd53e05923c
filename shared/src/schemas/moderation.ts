import { z } from 'zod';
import {
  COMMENT_STATUSES,
  MODERATION_ACTIONS,
  QUEUE_STATUSES,
  REPORT_CATEGORIES,
  STAFF_NOTE_MAX,
} from '../constants.js';
import { pastedText, pgInteger, storableString } from './common.js';
import { commentSchema } from './comments.js';
import { personSchema, slugParams } from './spaces.js';

export const DECISIONS = ['approve', 'reject', 'restore'] as const;
export type Decision = (typeof DECISIONS)[number];

const reason = storableString().trim().max(2_000);

export const decisionRequest = z
  .strictObject({
    action: z.enum(DECISIONS),
    /** Required to reject; the author sees it. */
    reason: reason.optional(),
    /** The comment version the moderator saw; a stale one gets 409 with the current state. */
    version: pgInteger().min(1),
  })
  .refine((d) => d.action !== 'reject' || (d.reason?.length ?? 0) > 0, {
    path: ['reason'],
    message: 'Give a reason: the author will see it',
  });
export type DecisionRequest = z.input<typeof decisionRequest>;

export const bulkDecisionRequest = z
  .strictObject({
    ids: z.array(z.uuid()).min(1).max(200),
    action: z.enum(DECISIONS),
    reason: reason.optional(),
  })
  .refine((d) => d.action !== 'reject' || (d.reason?.length ?? 0) > 0, {
    path: ['reason'],
    message: 'Give a reason: the authors will see it',
  });

export const decisionOutcome = z.object({
  id: z.uuid(),
  ok: z.boolean(),
  status: z.enum(COMMENT_STATUSES).optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type DecisionOutcome = z.infer<typeof decisionOutcome>;
export const bulkDecisionResponse = z.object({ results: z.array(decisionOutcome) });
export type BulkDecisionResponse = z.infer<typeof bulkDecisionResponse>;

/**
 * A private note of the space's staff about a comment or an author. Never sent to participants,
 * never exported, never in a public live event.
 */
export const staffNoteSchema = z
  .object({
    id: z.uuid(),
    /** The comment it is about, or null for a note about an author. */
    commentId: z.uuid().nullable(),
    /** The author it is about, or null for a note about a comment. */
    subjectUserId: z.uuid().nullable(),
    body: z.string(),
    /** Who wrote it; null once that account is deleted. */
    writer: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'StaffNote' });
export type StaffNoteDto = z.infer<typeof staffNoteSchema>;

/** Plain text: U+0000 is dropped and lone surrogates become U+FFFD, like other pasted text. */
export const staffNoteRequest = z.strictObject({
  body: pastedText()
    .trim()
    .min(1, 'Write the note first')
    .max(STAFF_NOTE_MAX, `At most ${STAFF_NOTE_MAX.toLocaleString('en')} characters`),
});
export type StaffNoteRequest = z.input<typeof staffNoteRequest>;
export const staffNoteResponse = z.object({ note: staffNoteSchema });
export const staffNotesResponse = z.object({ notes: z.array(staffNoteSchema) });
export type StaffNotesResponse = z.infer<typeof staffNotesResponse>;
export const authorNotesParams = slugParams.extend({ userId: z.uuid() });

export const queueItem = z
  .object({
    comment: commentSchema,
    /** Which kind of work this item is: a new submission, an edit of a published comment, or reports. */
    kind: z.enum(['submission', 'revision', 'reported', 'decided']),
    space: z.object({ slug: z.string(), code: z.string(), title: z.string() }),
    question: z.object({ id: z.uuid(), position: z.number().int(), text: z.string() }).nullable(),
    parent: z
      .object({ id: z.uuid(), authorName: z.string(), excerpt: z.string(), status: z.enum(COMMENT_STATUSES) })
      .nullable(),
    authorRecord: z.object({ approved: z.number().int(), rejected: z.number().int(), pending: z.number().int() }),
    reports: z.array(
      z.object({
        category: z.enum(REPORT_CATEGORIES),
        /** The reporter's words; null when the category says it all. */
        note: z.string().nullable(),
        createdAt: z.iso.datetime(),
        reporter: z.string(),
      }),
    ),
    /** The staff's private notes on this comment, oldest first. */
    staffNotes: z.array(staffNoteSchema),
    /** The staff's private notes on the comment's author in this space, oldest first. */
    authorNotes: z.array(staffNoteSchema),
    /** For an edit of a published comment: the published text and the proposed one. */
    revision: z
      .object({ version: z.number().int(), publishedMd: z.string(), proposedMd: z.string(), proposedHtml: z.string() })
      .nullable(),
    /** When the item entered the queue. */
    waitingSince: z.iso.datetime(),
    decidedBy: z.string().nullable(),
    decidedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'QueueItem' });
export type QueueItem = z.infer<typeof queueItem>;

/**
 * A queue page. Items come oldest first (by when they entered the queue: submission, edit or
 * first open report, or decision for the rejected tab), except the approved tab, a history of
 * decisions shown newest first.
 */
export const queueQuery = z.strictObject({
  status: z.enum(QUEUE_STATUSES).default('pending'),
  cursor: storableString().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const queueResponse = z.object({
  items: z.array(queueItem),
  /** One count per tab, over the same spaces as the items. */
  counts: z.object({
    pending: z.number().int(),
    reported: z.number().int(),
    rejected: z.number().int(),
    approved: z.number().int(),
  }),
  nextCursor: z.string().nullable(),
});
export type QueueResponse = z.infer<typeof queueResponse>;

export const decisionConflict = z.object({
  error: z.object({
    code: z.literal('conflict'),
    message: z.string(),
    details: z.object({
      comment: commentSchema,
      decidedBy: z.string().nullable(),
      decidedAt: z.iso.datetime().nullable(),
    }),
  }),
});

export const logEntry = z
  .object({
    id: z.number().int(),
    action: z.enum(MODERATION_ACTIONS),
    actor: personSchema.pick({ displayName: true, affiliation: true }).nullable(),
    commentId: z.uuid().nullable(),
    commentExcerpt: z.string().nullable(),
    commentAuthor: z.string().nullable(),
    fromStatus: z.string().nullable(),
    toStatus: z.string().nullable(),
    reason: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ModerationLogEntry' });
export const logQuery = z.strictObject({
  action: z.enum(MODERATION_ACTIONS).optional(),
  commentId: z.uuid().optional(),
  cursor: storableString().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const logResponse = z.object({
  entries: z.array(logEntry),
  /**
   * The staff's private notes in the space (on comments and authors), newest first, with the
   * first page only (no cursor); with `commentId`, that comment's notes.
   */
  staffNotes: z.array(
    staffNoteSchema.extend({
      commentExcerpt: z.string().nullable(),
      /** The name of the author the note is about (for a note on a comment: the comment's author). */
      subjectName: z.string().nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
});
export type LogEntry = z.infer<typeof logEntry>;
export type LogResponse = z.infer<typeof logResponse>;
