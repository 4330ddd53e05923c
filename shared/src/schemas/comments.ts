import { z } from 'zod';
import {
  COMMENT_BODY_MAX,
  COMMENT_LANGUAGES,
  COMMENT_STATUSES,
  REPORT_CATEGORIES,
  REPORT_NOTE_MAX,
} from '../constants.js';
import { pastedText, pgInteger, storableString } from './common.js';
import { personSchema } from './spaces.js';
import { commentTranslationSchema } from './translations.js';

export const tagSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    slug: z.string(),
    labelEn: z.string(),
    labelFr: z.string(),
    labelEs: z.string(),
  })
  .meta({ id: 'Tag' });
export type TagDto = z.infer<typeof tagSchema>;
export const tagsResponse = z.object({ tags: z.array(tagSchema) });

export const attachmentSchema = z
  .object({
    id: z.uuid(),
    filename: z.string(),
    size: z.number().int(),
    contentType: z.string(),
    /** Download address; only served to viewers who may see the comment. */
    url: z.string(),
  })
  .meta({ id: 'Attachment' });
export type AttachmentDto = z.infer<typeof attachmentSchema>;

export const commentAbilities = z.object({
  edit: z.boolean(),
  withdraw: z.boolean(),
  attach: z.boolean(),
  /** False once the viewer has reported it (see `reportedByMe`). */
  report: z.boolean(),
  decide: z.boolean(),
  highlight: z.boolean(),
  /** Write, update and delete its translations (the space's staff, published comments). Always sent. */
  translate: z.boolean().optional(),
});
export type CommentAbilities = z.infer<typeof commentAbilities>;

export const commentSchema = z
  .object({
    id: z.uuid(),
    spaceId: z.uuid(),
    questionId: z.uuid().nullable(),
    parentId: z.uuid().nullable(),
    /** The parent's author, for "in reply to …"; null when the parent is not visible to the viewer. */
    inReplyTo: z.object({ id: z.uuid(), authorName: z.string() }).nullable(),
    author: personSchema,
    bodyHtml: z.string(),
    /** Markdown source; only sent to the author (to edit) and to staff. */
    bodyMd: z.string().optional(),
    language: z.enum(COMMENT_LANGUAGES),
    tags: z.array(tagSchema),
    attachments: z.array(attachmentSchema),
    createdAt: z.iso.datetime(),
    editedAt: z.iso.datetime().nullable(),
    /** When it became public (approval, or creation in a post-moderated space); null until then. */
    publishedAt: z.iso.datetime().nullable(),
    status: z.enum(COMMENT_STATUSES),
    version: z.number().int(),
    highlighted: z.boolean(),
    /** The moderator's reason, shown to the author of a rejected comment. */
    reason: z.string().nullable().optional(),
    /** An edit waiting for moderation while the published text stays public (author and staff only). */
    pendingRevision: z
      .object({ version: z.number().int(), bodyHtml: z.string(), bodyMd: z.string(), createdAt: z.iso.datetime() })
      .nullable()
      .optional(),
    /** Whether the signed-in viewer has already reported this comment (false for guests). */
    reportedByMe: z.boolean(),
    /** Its translations the viewer may see: none while it is not published (see `commentTranslationSchema`). */
    translations: z.array(commentTranslationSchema).default([]),
    abilities: commentAbilities,
  })
  .meta({ id: 'Comment' });
export type CommentDto = z.infer<typeof commentSchema>;

/** Markdown; U+0000 is dropped and lone surrogates become U+FFFD (see `pastedText`). */
export const commentBody = pastedText()
  .refine((s) => s.trim().length > 0, 'Write something before sending')
  .pipe(z.string().max(COMMENT_BODY_MAX, `At most ${COMMENT_BODY_MAX.toLocaleString('en')} characters`));

export const tagRefs = z.array(storableString().trim().min(1).max(40)).max(10, 'At most 10 tags').default([]);

export const createCommentRequest = z.strictObject({
  questionId: z.uuid().nullish(),
  parentId: z.uuid().nullish(),
  body: commentBody,
  language: z.enum(COMMENT_LANGUAGES),
  /** Tag codes or slugs, e.g. ["16", "gcm-20"]. */
  tags: tagRefs,
  /** Chosen by the client once per draft; resending the same clientId returns the first comment. */
  clientId: z.uuid(),
});
export type CreateCommentRequest = z.input<typeof createCommentRequest>;

export const updateCommentRequest = z.strictObject({
  body: commentBody,
  language: z.enum(COMMENT_LANGUAGES).optional(),
  tags: tagRefs.optional(),
  /** The version the edit was based on; a stale one gets 409. */
  version: pgInteger().min(1),
});
export type UpdateCommentRequest = z.input<typeof updateCommentRequest>;

const reportNote = storableString().trim().max(REPORT_NOTE_MAX);

/**
 * `{ category, note? }`; the note is required for `other`. The first API's `{ reason }` is still
 * accepted and stored as `other` with the reason as its note.
 */
export const reportRequest = z
  .strictObject({
    category: z.enum(REPORT_CATEGORIES).optional(),
    note: reportNote.optional(),
    /** The first API: a free-text reason, stored as `other` with the reason as its note. */
    reason: reportNote.optional(),
  })
  .superRefine((r, ctx) => {
    if (r.reason !== undefined && (r.category !== undefined || r.note !== undefined))
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Send either a category (and a note) or a reason' });
    else if (r.reason === undefined && r.category === undefined)
      ctx.addIssue({ code: 'custom', path: ['category'], message: 'Choose what is wrong' });
    else if ((r.category ?? 'other') === 'other' && ((r.note ?? r.reason)?.length ?? 0) < 3)
      ctx.addIssue({
        code: 'custom',
        path: [r.reason !== undefined ? 'reason' : 'note'],
        message: 'Say briefly what is wrong',
      });
  })
  .transform((r) => {
    const note = r.note ?? r.reason;
    return { category: r.category ?? ('other' as const), note: note && note.length > 0 ? note : null };
  });
export type ReportRequest = z.input<typeof reportRequest>;

export const commentResponse = z.object({ comment: commentSchema });

export const listCommentsQuery = z.strictObject({
  /** A question id, or "none" for comments on the space as a whole. */
  questionId: z.union([z.uuid(), z.literal('none')]).optional(),
  language: z.enum(COMMENT_LANGUAGES).optional(),
  /** Tag code or slug. */
  tag: storableString().max(40).optional(),
  /** Only comments a chair marked relevant for the note. */
  highlighted: z.enum(['true', 'false']).optional(),
  /** Full-text search, in each comment's own language. */
  q: storableString().trim().max(200).optional(),
  cursor: storableString().max(200).optional(),
  /** Oldest first (the default) or newest first; a cursor continues in the order it was made in. */
  order: z.enum(['oldest', 'newest']).optional(),
  /** A permalink's comment: the list starts at it (inclusive); nothing if the viewer may not read it. */
  from: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ListCommentsQuery = z.input<typeof listCommentsQuery>;

export const commentListResponse = z.object({
  comments: z.array(commentSchema),
  /** Pass as `cursor` for the next page; null at the end. */
  nextCursor: z.string().nullable(),
});
export type CommentListResponse = z.infer<typeof commentListResponse>;

export const commentParams = z.object({ id: z.uuid() });

export const attachmentParams = z.object({ id: z.uuid() });
export const attachmentResponse = z.object({ attachment: attachmentSchema });

export const myCommentsQuery = z.strictObject({
  cursor: storableString().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type MyCommentsQuery = z.input<typeof myCommentsQuery>;

/** One of the signed-in user's own contributions, with the space it was written in. */
export const myCommentSchema = commentSchema
  .extend({ space: z.object({ id: z.uuid(), slug: z.string(), code: z.string(), title: z.string() }) })
  .meta({ id: 'MyComment' });
export type MyCommentDto = z.infer<typeof myCommentSchema>;

export const myCommentsResponse = z.object({
  /** Newest first, every status including withdrawn. */
  comments: z.array(myCommentSchema),
  /** Pass as `cursor` for the next page; null at the end. */
  nextCursor: z.string().nullable(),
});
export type MyCommentsResponse = z.infer<typeof myCommentsResponse>;
