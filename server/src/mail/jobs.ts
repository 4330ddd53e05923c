import { sql, type SQL } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { Database, Tx } from '../db/client.js';

/** The queues, each created at start-up (pg-boss 10 needs a queue before a job is sent to it). */
export const QUEUES = {
  /** Delivers one row of `mail_messages` (data: `{ id }`). */
  mailSend: 'mail-send',
  /** Looks up the account of a password-reset request and writes its email (data: `{ email }`). */
  passwordReset: 'password-reset-request',
  /** Renders one row of `notifications` for its recipient, or drops it (data: `{ id }`). */
  mailNotify: 'mail-notify',
  /** Writes the verification email of a new (or "resend") unverified account (data: `{ userId }`). */
  emailVerification: 'email-verification',
  /** Dead letters of `mail-send`: a delivery pg-boss gave up on (data: `{ id }`); its row becomes `failed`. */
  mailSendFailed: 'mail-send-failed',
  /** Dead letters of `mail-notify`: a notification that could not be rendered; it becomes `failed`. */
  mailNotifyFailed: 'mail-notify-failed',
  /** Scheduled: "closes in 3 days" and "has closed" to followers, the summary to chairs (`reminders.ts`). */
  closingReminders: 'mail-closing-reminders',
  /** Scheduled: moderators hear of items waiting in their queue (`staffAlerts.ts`). */
  staffAlerts: 'mail-staff-alerts',
  /** Scheduled: deletes the rows of `mail_messages` past their retention (`retention.ts`). */
  mailRetention: 'mail-retention',
  /** Scheduled: the daily digests of held notifications (`digests.ts`). */
  digestDaily: 'mail-digest-daily',
  /** Scheduled: the weekly digests (`digests.ts`). */
  digestWeekly: 'mail-digest-weekly',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/**
 * Where pg-boss moves a job once it gives up on it (its last retry failed, or it expired while
 * active): a worker of the dead-letter queue records the failure on the app's own rows.
 */
const DEAD_LETTERS: Partial<Record<QueueName, QueueName>> = {
  [QUEUES.mailSend]: QUEUES.mailSendFailed,
  [QUEUES.mailNotify]: QUEUES.mailNotifyFailed,
};

/**
 * The scheduled jobs: pg-boss cron (UTC). The schedule is a row per queue in pg-boss's own
 * table, so registering it again (every instance does, at start) keeps one; pg-boss's clock
 * (`MAIL_SCHEDULE`, in any number of instances) creates at most one job per minute for it, and a
 * `singleton` queue runs at most one of them at a time across instances.
 */
export const SCHEDULES: { queue: QueueName; cron: string }[] = [
  { queue: QUEUES.closingReminders, cron: '*/5 * * * *' },
  { queue: QUEUES.staffAlerts, cron: '* * * * *' },
  { queue: QUEUES.mailRetention, cron: '17 3 * * *' },
  // Digests: daily at 07:00 UTC, weekly on Mondays at 07:00 UTC.
  { queue: QUEUES.digestDaily, cron: '0 7 * * *' },
  { queue: QUEUES.digestWeekly, cron: '0 7 * * 1' },
];
const SCHEDULED = new Set<QueueName>(SCHEDULES.map((s) => s.queue));

export interface JobsOptions {
  pollingIntervalSeconds: number;
  /** Maintenance (expiring and archiving jobs) in this instance. */
  supervise: boolean;
  /** pg-boss's cron clock in this instance (creates the jobs of `SCHEDULES` when due). */
  schedule?: boolean;
  onError(err: unknown): void;
}

/**
 * pg-boss (its own `pgboss` schema, created and migrated by pg-boss on start) running over the
 * app's pool. `sendInTx` inserts a job through the caller's transaction: the job exists if and
 * only if what caused it was committed. pg-boss starts on first use, so an instance that runs no
 * worker and sends nothing (most test files) pays nothing for it.
 */
export class Jobs {
  readonly boss: PgBoss;
  private started: Promise<void> | undefined;
  private stopped = false;
  /** Set once stopped: a poll still in flight then finds nothing instead of using a pool being closed. */
  private closed = false;
  private readonly workers = new Map<QueueName, string>();
  /** pg-boss statements running now; `stop` lets them finish (a job's completion must be written). */
  private inflight = 0;
  private drained: (() => void)[] = [];

  constructor(
    db: Database,
    private readonly options: JobsOptions,
  ) {
    const pool = db.$client;
    this.boss = new PgBoss({
      db: {
        executeSql: async (text, values) => {
          if (this.closed) return closedResult(text);
          this.inflight += 1;
          try {
            return await pool.query(text, values);
          } catch (err) {
            // pg-boss fires a job's complete or fail without awaiting it: a rejection there (the
            // database went away mid-job) crashed the process. Reported instead; the job stays
            // active until it expires and is retried, as after a crash, without the crash.
            if (!isCompletion(text)) throw err;
            options.onError(err);
            return { rows: [{ count: 0 }], rowCount: 1 };
          } finally {
            this.inflight -= 1;
            if (this.inflight === 0) for (const done of this.drained.splice(0)) done();
          }
        },
      },
      supervise: options.supervise,
      schedule: options.schedule ?? false,
      migrate: true,
    });
    this.boss.on('error', (err) => options.onError(err));
  }

  start(): Promise<void> {
    this.started ??= (async () => {
      await this.boss.start();
      await ensureQueues(this.boss);
    })().catch((err: unknown) => {
      // A start that failed (the database away for a moment) is tried again by the next caller,
      // not kept: a kept rejection failed every later job of the instance until it restarted.
      this.started = undefined;
      throw err;
    });
    return this.started;
  }

  /** Inserts a job in the transaction `tx`; it becomes visible to workers when `tx` commits. */
  async sendInTx(tx: Tx, queue: QueueName, data: object, options: PgBoss.SendOptions = {}): Promise<string> {
    await this.start();
    const id = await this.boss.send(queue, data, { ...options, db: txExecutor(tx) });
    if (!id) throw new Error(`pg-boss refused a job for ${queue}`);
    return id;
  }

  /**
   * `sendInTx` for several jobs of one queue, in one statement (pg-boss's `insert`; the queues
   * exist once started). Options are those `insert` takes per job: retries and expiry.
   */
  async insertInTx(
    tx: Tx,
    queue: QueueName,
    data: readonly object[],
    options: Omit<PgBoss.JobInsert, 'id' | 'name' | 'data'> = {},
  ): Promise<void> {
    if (data.length === 0) return;
    await this.start();
    await this.boss.insert(
      data.map((d) => ({ ...options, name: queue, data: d })),
      { db: txExecutor(tx) },
    );
  }

  /** Inserts a job on its own (no transaction of the caller's). */
  async send(queue: QueueName, data: object, options: PgBoss.SendOptions = {}): Promise<string | null> {
    await this.start();
    const id = await this.boss.send(queue, data, options);
    this.nudge(queue);
    return id;
  }

  /** Wakes this instance's worker of the queue now instead of at its next poll. */
  nudge(queue: QueueName): void {
    const worker = this.workers.get(queue);
    if (worker && !this.stopped) this.boss.notifyWorker(worker);
  }

  /**
   * Runs `handler` for each job of the queue, one at a time. pg-boss's worker waits its polling
   * interval after every fetch, even one that found a job: 500 followers' emails would go out
   * one every 2 s. So a job handled wakes the worker at once (`nudge`), and it waits only when a
   * fetch found nothing (or the job failed: its retry has its own delay).
   */
  async work<T extends object>(queue: QueueName, handler: (job: PgBoss.JobWithMetadata<T>) => Promise<void>) {
    await this.start();
    const id = await this.boss.work<T>(
      queue,
      { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: this.options.pollingIntervalSeconds },
      async ([job]) => {
        if (!job) return;
        await handler(job);
        this.nudge(queue);
      },
    );
    this.workers.set(queue, id);
  }

  /** Registers every schedule of `SCHEDULES` (an upsert per queue: one row each, however many instances). */
  async registerSchedules(): Promise<void> {
    await this.start();
    for (const { queue, cron } of SCHEDULES) await this.boss.schedule(queue, cron, {}, { tz: 'UTC' });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (!this.started) return;
    await this.started.catch(() => undefined);
    // Waits for jobs in progress (up to the timeout); never closes the app's pool (not ours).
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
    // pg-boss does not await a job's complete/fail: let those still running reach the database.
    if (this.inflight > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 5_000);
        this.drained.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    this.closed = true;
  }
}

/**
 * What pg-boss gets once the queue is stopped: nothing found, nothing changed. Its complete and
 * fail commands (a job of an internal queue, such as the cron's, ending after the stop; pg-boss
 * does not await them) read `rows[0].count`: an empty result there crashed the process on SIGTERM.
 */
function closedResult(text: string): { rows: unknown[]; rowCount: number } {
  return isCompletion(text) ? { rows: [{ count: 0 }], rowCount: 1 } : { rows: [], rowCount: 0 };
}

/** pg-boss's complete and fail commands (and the others whose result is a count of jobs). */
const isCompletion = (text: string) => /SELECT COUNT\(\*\) FROM results/i.test(text);

/** Creates every queue (idempotent); also used by the test set-up to prepare its template. */
export async function ensureQueues(boss: PgBoss): Promise<void> {
  const names = Object.values(QUEUES);
  const deadLetters = new Set(Object.values(DEAD_LETTERS));
  // A dead-letter queue exists before the queue that names it.
  for (const name of [...names.filter((n) => deadLetters.has(n)), ...names.filter((n) => !deadLetters.has(n))]) {
    const deadLetter = DEAD_LETTERS[name];
    const policy = SCHEDULED.has(name) ? 'singleton' : 'standard';
    await retryOnDeadlock(() => boss.createQueue(name, { name, policy, ...(deadLetter ? { deadLetter } : {}) }));
    // A queue created by an earlier version gains its dead letter.
    if (deadLetter) await retryOnDeadlock(() => boss.updateQueue(name, { name, policy, deadLetter }));
  }
}

/**
 * Instances starting together on a new database (replicas, the cluster test) create the same
 * queues at once, and pg-boss's create_queue (it attaches a partition table) can deadlock there:
 * PostgreSQL aborts one of them (40P01). The statement is idempotent, so the loser runs it again.
 */
async function retryOnDeadlock(step: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await step();
      return;
    } catch (err) {
      if ((err as { code?: unknown }).code !== '40P01' || attempt >= 10) throw err;
    }
  }
}

/**
 * pg-boss's `db` option over a drizzle transaction: its `$1…$n` text becomes one drizzle SQL with
 * the same parameters, run on the transaction's connection.
 */
function txExecutor(tx: Tx): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const parts = text.split(/\$(\d+)/);
      const chunks: SQL[] = [];
      parts.forEach((part, i) => {
        chunks.push(i % 2 === 0 ? sql.raw(part) : sql`${sql.param(values[Number(part) - 1] ?? null)}`);
      });
      const result = await tx.execute(sql.join(chunks, sql.raw('')));
      return { rows: result.rows };
    },
  };
}
