import { errorResponse, okResponse } from '@convene/shared';
import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type MailMessage, mailMessages, MAIL_STATUSES } from '../../db/schema/index.js';
import { AppError, badRequest, notFound } from '../../errors.js';
import { retryOptions } from '../../mail/compose.js';
import { QUEUES } from '../../mail/jobs.js';
import { isSensitiveKind } from '../../mail/kinds.js';
import { authorize } from '../../policies/index.js';

const tags = ['admin'];

const summary = z.object({
  id: z.uuid(),
  kind: z.string(),
  transport: z.enum(['smtp', 'mailbox']),
  status: z.enum(MAIL_STATUSES),
  to: z.string(),
  subject: z.string(),
  locale: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
const detail = summary.extend({
  headers: z.record(z.string(), z.string()),
  /** Null when not kept (a secret sent over SMTP) or not shown (a secret still in the SMTP outbox). */
  html: z.string().nullable(),
  text: z.string().nullable(),
});
export const mailboxListResponse = z.object({
  messages: z.array(summary),
  counts: z.object({ queued: z.number().int(), sent: z.number().int(), failed: z.number().int() }),
  nextCursor: z.string().nullable(),
});
export const mailboxMessageResponse = z.object({ message: detail });

const present = (m: MailMessage): z.infer<typeof summary> => ({
  id: m.id,
  kind: m.kind,
  transport: m.transport,
  status: m.status,
  to: m.toAddress,
  subject: m.subject,
  locale: m.locale,
  attempts: m.attempts,
  lastError: m.lastError,
  createdAt: m.createdAt.toISOString(),
  sentAt: m.sentAt?.toISOString() ?? null,
});

/** The cursor: the last row's creation time and id (newest first). */
const encodeCursor = (m: MailMessage) => Buffer.from(`${m.createdAt.toISOString()}|${m.id}`).toString('base64url');
function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at = '', id = ''] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at);
  if (Number.isNaN(date.getTime()) || !z.uuid().safeParse(id).success)
    throw badRequest('cursor: Invalid cursor', [{ field: 'cursor', message: 'Invalid cursor' }]);
  return { at: date, id };
}

/**
 * Administrators: every email the app wrote, newest first. Without SMTP_URL this is the development
 * mailbox (each message's HTML and text); with it, the outbox: what is queued, sent or failed.
 */
export const mailboxRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get(
    '/admin/mailbox',
    {
      schema: {
        tags,
        summary: 'Emails written by the app, newest first (administrators)',
        querystring: z.strictObject({
          status: z.enum(MAIL_STATUSES).optional(),
          cursor: z.string().max(200).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: mailboxListResponse, 400: errorResponse, 401: errorResponse, 403: errorResponse },
      },
    },
    async (request) => {
      authorize(request.user, 'user.manage');
      const { status, cursor, limit } = request.query;
      const after = cursor ? decodeCursor(cursor) : undefined;
      const rows = await db
        .select()
        .from(mailMessages)
        .where(
          and(
            status ? eq(mailMessages.status, status) : undefined,
            after
              ? or(
                  lt(mailMessages.createdAt, after.at),
                  and(eq(mailMessages.createdAt, after.at), lt(mailMessages.id, after.id)),
                )
              : undefined,
          ),
        )
        .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
        .limit(limit + 1);
      const countRows = await db
        .select({ status: mailMessages.status, n: sql<number>`count(*)::int` })
        .from(mailMessages)
        .groupBy(mailMessages.status);
      const counts = { queued: 0, sent: 0, failed: 0 };
      for (const r of countRows) counts[r.status] = r.n;
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        messages: page.map(present),
        counts,
        nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
      };
    },
  );

  app.get(
    '/admin/mailbox/:id',
    {
      schema: {
        tags,
        summary: 'One email with its headers, HTML and text (administrators)',
        params: z.object({ id: z.uuid() }),
        response: { 200: mailboxMessageResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse },
      },
    },
    async (request) => {
      authorize(request.user, 'user.manage');
      const [m] = await db.select().from(mailMessages).where(eq(mailMessages.id, request.params.id)).limit(1);
      if (!m) throw notFound('Message');
      // A reset link on its way over SMTP is the recipient's secret, not the administrator's.
      const hidden = m.transport === 'smtp' && isSensitiveKind(m.kind);
      return {
        message: { ...present(m), headers: m.headers, html: hidden ? null : m.html, text: hidden ? null : m.text },
      };
    },
  );

  app.post(
    '/admin/mailbox/:id/retry',
    {
      schema: {
        tags,
        summary: 'Send a failed email again (administrators)',
        params: z.object({ id: z.uuid() }),
        response: {
          200: okResponse,
          401: errorResponse,
          403: errorResponse,
          404: errorResponse,
          409: errorResponse,
        },
      },
    },
    async (request) => {
      authorize(request.user, 'user.manage');
      const { id } = request.params;
      await db.transaction(async (tx) => {
        const [m] = await tx
          .update(mailMessages)
          .set({ status: 'queued' })
          .where(and(eq(mailMessages.id, id), eq(mailMessages.status, 'failed')))
          .returning({ id: mailMessages.id });
        if (!m) {
          const [exists] = await tx.select({ id: mailMessages.id }).from(mailMessages).where(eq(mailMessages.id, id));
          if (!exists) throw notFound('Message');
          throw new AppError(409, 'not_failed', 'Only a failed email can be sent again.');
        }
        await app.jobs.sendInTx(tx, QUEUES.mailSend, { id }, retryOptions(app.config));
      });
      app.jobs.nudge(QUEUES.mailSend);
      return { ok: true as const };
    },
  );
};
