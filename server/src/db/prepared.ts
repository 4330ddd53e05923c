import type { DbOrTx } from './client.js';

/**
 * A query built once per database handle (drizzle's `.prepare(name)`), for the few statements
 * every request runs (the session, the space): drizzle then no longer rebuilds their SQL on each
 * call, and PostgreSQL parses and plans each once per connection (a named prepared statement).
 * Each name must stand for one SQL text. Transactions (a handle of their own) prepare again.
 */
export function preparedPer<P>(make: (db: DbOrTx) => P): (db: DbOrTx) => P {
  const byHandle = new WeakMap<DbOrTx, P>();
  return (db) => {
    let prepared = byHandle.get(db);
    if (prepared === undefined) {
      prepared = make(db);
      byHandle.set(db, prepared);
    }
    return prepared;
  };
}
