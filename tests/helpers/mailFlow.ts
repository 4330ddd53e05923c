import type PgBoss from 'pg-boss';
import { expect } from 'vitest';
import type { TestClient, TestContext } from './app.js';
import type { Person } from './factories.js';
import type { ReceivedMail } from './smtp.js';

/** Helpers of the mail test files: who a message went to, its raw headers, posting and deciding comments. */

export const mailTo = (email: string) => (m: ReceivedMail) => m.to.includes(email.toLowerCase());

/** A header as sent (mailparser turns List-* headers into objects; the raw line is what a client reads). */
export const header = (m: ReceivedMail, name: string) => {
  const line = m.parsed.headerLines.find((h) => h.key === name)?.line ?? '';
  return line
    .slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
};

export const unsubscribeLink = (m: ReceivedMail) => {
  const match = /^<(.+)>$/.exec(header(m, 'list-unsubscribe'));
  if (!match?.[1]) throw new Error(`no List-Unsubscribe in ${m.parsed.subject}`);
  return match[1];
};

export const draft = (body: string, extra: Record<string, unknown> = {}) => ({
  body,
  language: 'en',
  clientId: crypto.randomUUID(),
  ...extra,
});

export async function post(person: Person, slug: string, body: string, extra: Record<string, unknown> = {}) {
  const res = await person.client.post(`/api/spaces/${slug}/comments`, draft(body, extra));
  expect(res.status).toBe(201);
  return res.body.comment as { id: string; version: number; status: string };
}

export async function decide(
  c: TestContext,
  moderator: TestClient,
  id: string,
  action: 'approve' | 'reject' | 'restore',
  reason?: string,
) {
  const { rows } = await c.db.pool.query('select version from comments where id = $1', [id]);
  const res = await moderator.post(`/api/comments/${id}/decision`, {
    action,
    version: rows[0].version,
    ...(reason ? { reason } : {}),
  });
  expect(res.status).toBe(200);
  return res.body.comment;
}

/** A job as a worker would get it, to run a handler by hand. */
export const manualJob = (id: string) =>
  ({ id: 'manual', name: 'manual', data: { id }, retryCount: 0, retryLimit: 3 }) as PgBoss.JobWithMetadata<{
    id: string;
  }>;
