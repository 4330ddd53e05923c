import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll } from 'vitest';
import { createServer } from 'node:net';
import { type Config, testConfig } from '../../server/src/config.js';

export interface ReceivedMail {
  /** The envelope recipients (RCPT TO). */
  to: string[];
  raw: string;
  parsed: ParsedMail;
}

/**
 * A real SMTP server in the test process (the `smtp-server` package); what arrives is parsed with
 * `mailparser`. It can be stopped and started again on the same port, to play an outage.
 */
export interface TestSmtp {
  url: string;
  port: number;
  received: ReceivedMail[];
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves with the first message (arrived or arriving) that matches, or fails at the deadline. */
  waitFor(match: (m: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const port = await freePort();
  const received: ReceivedMail[] = [];
  let server: SMTPServer | undefined;
  const make = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw).then(
            (parsed) => {
              received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, parsed });
              callback();
            },
            (err: Error) => callback(err),
          );
        });
      },
    });
  const smtp: TestSmtp = {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    async start() {
      const s = make();
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(port, '127.0.0.1', () => resolve());
      });
      server = s;
    },
    async stop() {
      const s = server;
      server = undefined;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    waitFor: (match, timeoutMs = 15_000) => waitUntil(() => received.find(match), timeoutMs, 'an email that matches'),
  };
  await smtp.start();
  afterAll(() => smtp.stop());
  return smtp;
}

/** Polls `check` until it returns a value (not undefined/false), or fails at the deadline. No fixed sleeps. */
export async function waitUntil<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 15_000,
  what = 'the condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Mail settings for a test file (pass as `setupApp({ mail })`): a worker or not, SMTP or not, fast retries. */
export function mailConfig(overrides: Partial<Config['mail']> = {}): Config['mail'] {
  return { ...testConfig().mail, retryDelaySeconds: 1, ...overrides };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The reset link's token in an email body. */
export function resetTokenIn(text: string): string {
  const match = /\/reset-password#token=([a-z0-9]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no reset link in: ${text.slice(0, 500)}`);
  return match[1];
}

/** Waits until no job of these queues is left to run, so that counting what arrived is final. */
export const jobsDone = (
  db: { query(text: string, values: unknown[]): Promise<{ rows: unknown[] }> },
  queues: string[] = ['mail-send'],
  timeoutMs = 15_000,
) =>
  waitUntil(
    async () =>
      (
        await db.query(`select 1 from pgboss.job where name = any($1) and state not in ('completed', 'failed')`, [
          queues,
        ])
      ).rows.length === 0,
    timeoutMs,
    `every job of ${queues.join(', ')} to finish`,
  );
