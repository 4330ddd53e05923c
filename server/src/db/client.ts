import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { AppError } from '../errors.js';
import * as schema from './schema/index.js';

export type Database = NodePgDatabase<typeof schema> & { $client: pg.Pool };
/**
 * A transaction handle. A pool (`Database`) is not assignable to it (it has no `rollback`, among
 * others; tests/types/transactions.test-d.ts keeps it so): whatever writes events or audit rows
 * takes a `Tx`, so it can only run inside the transaction of the change it belongs to.
 */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
/** For reads and for writes that stand alone (sessions, profile): either handle. */
export type DbOrTx = Database | Tx;

export interface DbHandle {
  db: Database;
  pool: pg.Pool;
  close(): Promise<void>;
}

/** SQLSTATEs after which PostgreSQL has rolled the whole transaction back and it may simply run again. */
const RETRYABLE = new Set(['40P01', '40001']);
/** Attempts of one transaction in all (the first and two retries) before answering 503. */
export const TRANSACTION_ATTEMPTS = 3;

/** The SQLSTATE of a deadlock (40P01) or serialization failure (40001), under drizzle's wrapper too. */
export function retryableCode(err: unknown): string | null {
  for (let e = err, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && RETRYABLE.has(code)) return code;
  }
  return null;
}

/** How many transactions ran again after a deadlock or serialization failure (for tests and metrics). */
export const transactionRetries = { count: 0 };

/**
 * Runs `attempt` (a whole transaction, or one autocommitted statement) and runs it again, at most
 * TRANSACTION_ATTEMPTS times in all, when PostgreSQL aborted it as a deadlock victim (40P01) or
 * for a serialization failure (40001): nothing of the failed attempt was kept, so running it again
 * is the documented remedy. Still failing after that: a 503 the client may retry, never a 500.
 */
export async function retryingTransaction<T>(attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      const code = retryableCode(err);
      if (!code) throw err;
      if (n >= TRANSACTION_ATTEMPTS) {
        throw new AppError(503, 'busy', 'The server is busy with concurrent changes; try again.', {
          retryAfterSeconds: 1,
          sqlstate: code,
        });
      }
      transactionRetries.count += 1;
    }
  }
}

/**
 * `max`: the pool's size (10). `connectTimeoutMs` (5 s): how long a request waits for a free
 * connection of a full pool (then 503 `busy`, `plugins/errors.ts`), or for a new one to connect.
 */
export function createDb(
  connectionString: string,
  options: { max?: number; connectTimeoutMs?: number } = {},
): DbHandle {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
  });
  // An idle client losing its server (restart, network) must not crash the process.
  pool.on('error', () => {});
  // Nor may a checked-out one (a transaction between two statements): pg-pool removes its own
  // listener while a client is out, and PostgreSQL shutting down (57P01) then crashed the app.
  // The transaction's next statement fails instead, and the broken client leaves the pool.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = drizzle(pool, { schema });
  // Every top-level transaction runs again after a deadlock or serialization failure
  // (`retryingTransaction`). Its callback is run from the start, so it must do nothing outside
  // the database that cannot happen twice; read-only transactions (exports stream as they read)
  // are not retried: they take no row locks and cannot be a deadlock's victim.
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn, config) =>
    config?.accessMode === 'read only'
      ? transaction(fn, config)
      : retryingTransaction(() => transaction(fn, config))) as typeof db.transaction;
  return { db, pool, close: () => pool.end() };
}
