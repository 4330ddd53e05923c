import multipart from '@fastify/multipart';
import {
  MAX_ATTACHMENT_BYTES,
  attachmentParams,
  attachmentResponse,
  commentParams,
  errorResponse,
  okResponse,
} from '@convene/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addAttachment,
  assertMayAttach,
  loadAttachmentForDownload,
  removeAttachment,
} from '../../commands/attachments.js';
import { AppError, fieldInvalid } from '../../errors.js';
import { requireSignedIn } from '../../policies/index.js';

const tags = ['attachments'];

/** Only for the OpenAPI document: request.body stays empty, the handler reads the stream. */
const uploadForm = z
  .object({ file: z.unknown().meta({ type: 'string', format: 'binary', description: 'The file (one)' }) })
  .nullish();

const tooLarge = () =>
  new AppError(413, 'file_too_large', `A file may be at most ${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB.`);

/**
 * `Content-Disposition: attachment` with an ASCII fallback and the exact UTF-8 name (RFC 6266 /
 * RFC 5987), so accents survive and no quote or line break can break out of the header.
 */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

const incomplete = () =>
  new AppError(400, 'upload_incomplete', 'The upload was cut off before the file was complete. Please send it again.');
const tooManyFiles = () =>
  new AppError(400, 'too_many_files', 'Send one file per request, in the field "file".', {
    fields: [{ field: 'file', message: 'One file per request' }],
  });

/** A request body that ended before the multipart stream did (a dropped connection, a cut body). */
function isCutOff(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | undefined;
  return (
    e?.code === 'ERR_STREAM_PREMATURE_CLOSE' ||
    e?.code === 'ECONNRESET' ||
    /terminated early|Unexpected end of (form|multipart data)/i.test(e?.message ?? '')
  );
}

/**
 * Reads the one file of a multipart upload into memory, refusing anything over the limit, a body
 * cut off mid-file (400 `upload_incomplete`) and a second file (400 `too_many_files`, never silently
 * dropped). Other fields are ignored.
 */
async function readUpload(request: FastifyRequest): Promise<{ filename: string; data: Buffer }> {
  if (!request.isMultipart()) {
    throw new AppError(415, 'unsupported_media_type', 'Send the file as multipart/form-data in a field named "file".');
  }
  const { RequestFileTooLargeError, FilesLimitError } = request.server.multipartErrors;
  let upload: { filename: string; data: Buffer } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      if (upload || part.fieldname !== 'file') {
        part.file.resume();
        throw upload ? tooManyFiles() : fieldInvalid('file', 'Attach one file in the field "file"');
      }
      const data = await part.toBuffer();
      // A truncated file is never stored, even if the plugin was configured not to throw.
      if (part.file.truncated) throw tooLarge();
      upload = { filename: part.filename, data };
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof RequestFileTooLargeError) throw tooLarge();
    if (err instanceof FilesLimitError) throw tooManyFiles();
    if (isCutOff(err) || request.raw.aborted) throw incomplete();
    throw err;
  }
  if (!upload) throw fieldInvalid('file', 'Attach one file in the field "file"');
  return upload;
}

export const attachmentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  // Registered here, not app-wide: only this plugin's routes take multipart bodies.
  await app.register(multipart, {
    // Two files let the second one be seen and refused (400), not silently dropped.
    limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 2, fields: 10, parts: 12 },
    throwFileSizeLimit: true,
  });

  app.post(
    '/comments/:id/attachments',
    {
      // Room for one full-size file plus the multipart framing.
      bodyLimit: MAX_ATTACHMENT_BYTES + 64 * 1024,
      // Counted before the body is read: a refused upload costs nothing.
      onRequest: app.limit('upload'),
      schema: {
        tags,
        summary: 'Attach a file to your comment (multipart/form-data, one field named "file")',
        description:
          'The author only, while the comment is pending or has a pending revision. One file per request (a second one is 400 `too_many_files`; a body cut off mid-file is 400 `upload_incomplete`). At most 3 files per comment, 10 MB each. Accepted types, recognised from the content: PDF, DOCX, ODT, XLSX, PNG, JPEG (415 `unsupported_file_type` otherwise; 413 `file_too_large`; 409 `too_many_attachments`).',
        consumes: ['multipart/form-data'],
        params: commentParams,
        // Documents the form for OpenAPI; the multipart stream itself is read by the handler.
        body: uploadForm,
        response: {
          201: attachmentResponse,
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          404: errorResponse,
          409: errorResponse,
          413: errorResponse,
          415: errorResponse,
          429: errorResponse,
        },
      },
    },
    async (request, reply) => {
      requireSignedIn(request.user);
      // Refuse before reading up to 10 MB that would be thrown away.
      await assertMayAttach(db, request.user, request.params.id);
      const upload = await readUpload(request);
      const attachment = await addAttachment(db, request.user, request.params.id, upload);
      return reply.status(201).send({ attachment });
    },
  );

  app.get(
    '/attachments/:id',
    {
      schema: {
        tags,
        summary: 'Download an attachment (only for viewers who may see its comment)',
        description:
          'Served as a download (`Content-Disposition: attachment`) with the type detected at upload and `X-Content-Type-Options: nosniff`.',
        params: attachmentParams,
        response: {
          200: z.instanceof(Buffer).meta({ description: 'The file bytes', type: 'string', format: 'binary' }),
          404: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const file = await loadAttachmentForDownload(db, request.params.id, request.user);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', contentDisposition(file.filename))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header('content-length', file.data.length)
        .send(file.data);
    },
  );

  app.delete(
    '/attachments/:id',
    {
      schema: {
        tags,
        summary: 'Remove a file from your comment while it may still take attachments',
        params: attachmentParams,
        response: { 200: okResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse },
      },
    },
    async (request) => {
      requireSignedIn(request.user);
      await removeAttachment(db, request.user, request.params.id);
      return { ok: true as const };
    },
  );
};
