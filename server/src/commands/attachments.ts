import { createHash } from 'node:crypto';
import { type AttachmentDto, MAX_ATTACHMENTS } from '@convene/shared';
import { count, eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Database, DbOrTx } from '../db/client.js';
import { type Attachment, type User, attachments } from '../db/schema/index.js';
import { AppError, conflict, notFound } from '../errors.js';
import { type Viewer, authorize } from '../policies/index.js';
import { maySeeAttachment } from '../policies/visibility.js';
import { attachmentUrl, loadComment } from '../queries/comments.js';
import { assertAcceptingComments } from './comments.js';

/** What the platform accepts, keyed by the type detected from the bytes themselves. */
const ACCEPTED: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

const MAX_FILENAME = 200;

/**
 * A filename safe to store and to send back: no directories, no control or bidirectional
 * override characters (which can disguise "gpj.exe" as "exe.jpg"), accents kept, at most 200
 * characters, and an extension that matches what the content really is.
 */
export function sanitizeFilename(raw: string, ext: string): string {
  const base = (raw.split(/[/\\]/).pop() ?? '')
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  // Drop whatever extension the client claimed; the detected one is appended below.
  const stem = base.replace(/\.[\p{L}\p{N}]{1,5}$/u, '').trim();
  const room = MAX_FILENAME - ext.length - 1;
  const cut = [...stem].slice(0, room).join('').trim();
  return `${cut || 'attachment'}.${ext}`;
}

/** Stops early (before reading a large upload) when the viewer may not attach to this comment. */
export async function assertMayAttach(db: DbOrTx, viewer: Viewer, commentId: string, options = { forUpdate: false }) {
  const loaded = await loadComment(db, commentId, viewer, options);
  authorize(viewer, 'comment.attach', loaded.scope);
  assertAcceptingComments(loaded.space);
  const [row] = await db.select({ n: count() }).from(attachments).where(eq(attachments.commentId, commentId));
  if ((row?.n ?? 0) >= MAX_ATTACHMENTS) {
    throw conflict('too_many_attachments', `A comment can have at most ${MAX_ATTACHMENTS} attachments.`);
  }
  return loaded;
}

/** A hidden comment hides its files too; the 404 names what was asked for. */
const asAttachment404 = (err: unknown): never => {
  throw err instanceof AppError && err.statusCode === 404 ? notFound('Attachment') : err;
};

const present = (a: Pick<Attachment, 'id' | 'filename' | 'size' | 'contentType'>): AttachmentDto => ({
  id: a.id,
  filename: a.filename,
  size: a.size,
  contentType: a.contentType,
  url: attachmentUrl(a.id),
});

/**
 * Stores an uploaded file with its comment. The type is recognised from the content (a
 * renamed executable stays refused); the count is checked again under the comment's lock so
 * two parallel uploads cannot make a fourth file. No live event: nothing public changes, and
 * the moderation queue shows attachments when it loads the comment.
 */
export async function addAttachment(
  db: Database,
  uploader: User,
  commentId: string,
  upload: { filename: string; data: Buffer },
): Promise<AttachmentDto> {
  const detected = await fileTypeFromBuffer(upload.data);
  const ext = detected ? ACCEPTED[detected.mime] : undefined;
  if (!detected || !ext) {
    throw new AppError(
      415,
      'unsupported_file_type',
      'Attach a PDF, Word (DOCX), OpenDocument (ODT), Excel (XLSX), PNG or JPEG file.',
      {
        fields: [{ field: 'file', message: 'Accepted types: PDF, DOCX, ODT, XLSX, PNG, JPEG' }],
      },
    );
  }
  const filename = sanitizeFilename(upload.filename, ext);
  const sha256 = createHash('sha256').update(upload.data).digest('hex');
  return db.transaction(async (tx) => {
    const { comment, scope } = await assertMayAttach(tx, uploader, commentId, { forUpdate: true });
    // With an edit of a published comment waiting, the file belongs to that edit (its version).
    const awaitingRevision = scope.hasPendingRevision ? comment.version : null;
    const [row] = await tx
      .insert(attachments)
      .values({
        commentId,
        uploaderId: uploader.id,
        filename,
        contentType: detected.mime,
        size: upload.data.length,
        sha256,
        data: upload.data,
        awaitingRevision,
      })
      .returning({
        id: attachments.id,
        filename: attachments.filename,
        size: attachments.size,
        contentType: attachments.contentType,
      });
    if (!row) throw new Error('attachment insert failed');
    return present(row);
  });
}

/** The author removes a file while the comment may still take attachments. */
export async function removeAttachment(db: Database, user: User, attachmentId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [file] = await tx
      .select({ commentId: attachments.commentId, awaitingRevision: attachments.awaitingRevision })
      .from(attachments)
      .where(eq(attachments.id, attachmentId))
      .limit(1);
    if (!file) throw notFound('Attachment');
    const { scope, space } = await loadComment(tx, file.commentId, user, { forUpdate: true }).catch(asAttachment404);
    // Who may not see the file may not learn it exists: 404 (the refusal convention), then 403.
    if (!maySeeAttachment(user, scope, file)) throw notFound('Attachment');
    authorize(user, 'comment.attach', scope);
    assertAcceptingComments(space);
    await tx.delete(attachments).where(eq(attachments.id, attachmentId));
  });
}

/** A file with its bytes, only for a viewer who may read its comment; anything else is a 404. */
export async function loadAttachmentForDownload(db: DbOrTx, attachmentId: string, viewer: Viewer): Promise<Attachment> {
  const [file] = await db.select().from(attachments).where(eq(attachments.id, attachmentId)).limit(1);
  if (!file) throw notFound('Attachment');
  // comment.read already hides pending, rejected and withdrawn comments from all but author and staff.
  const { scope } = await loadComment(db, file.commentId, viewer).catch(asAttachment404);
  if (!maySeeAttachment(viewer, scope, file)) throw notFound('Attachment');
  return file;
}
