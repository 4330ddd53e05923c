import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
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

export function createDb(connectionString: string, options: { max?: number } = {}): DbHandle {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, connectionTimeoutMillis: 5_000 });
  // An idle client losing its server (restart, network) must not crash the process.
  pool.on('error', () => {});
  // Nor may a checked-out one (a transaction between two statements): pg-pool removes its own
  // listener while a client is out, and PostgreSQL shutting down (57P01) then crashed the app.
  // The transaction's next statement fails instead, and the broken client leaves the pool.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = drizzle(pool, { schema });
  return { db, pool, close: () => pool.end() };
}
