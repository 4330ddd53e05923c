/**
 * Type-level tests, checked by `npm run typecheck` (tsc -p tests) and never run: events and audit
 * rows can only be written with a transaction handle, and a pool is not one. Each
 * `@ts-expect-error` fails the typecheck if the line below it ever compiles.
 */
import { type AuditEntry, type NewEvent, appendEvent, recordModeration } from '../../server/src/commands/events.js';
import type { Database, DbOrTx, Tx } from '../../server/src/db/client.js';

declare const db: Database;
declare const tx: Tx;
declare const either: DbOrTx;
declare const event: NewEvent;
declare const entry: AuditEntry;

// @ts-expect-error a pool is not a transaction
export const poolAsTx: Tx = db;
// @ts-expect-error "either" may be the pool
export const eitherAsTx: Tx = either;

export async function outsideATransaction(): Promise<void> {
  // @ts-expect-error an event is written only inside its command's transaction
  await appendEvent(db, event);
  // @ts-expect-error an audit row too
  await recordModeration(db, entry);
  // @ts-expect-error nor with a handle that may be the pool
  await appendEvent(either, event);
}

export async function insideATransaction(): Promise<void> {
  await appendEvent(tx, event);
  await recordModeration(tx, entry);
  await db.transaction(async (t) => {
    await appendEvent(t, event);
    await recordModeration(t, entry);
  });
}
