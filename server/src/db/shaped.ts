import { type Placeholder, type SQL, sql } from 'drizzle-orm';
import { PgDialect, type PgPreparedQuery, type PreparedQueryConfig } from 'drizzle-orm/pg-core';
import type { QueryResult, QueryResultRow } from 'pg';
import type { DbOrTx } from './client.js';
import { preparedPer } from './prepared.js';

const dialect = new PgDialect();

/** Each value of a statement as a placeholder of its name: what a shaped statement is built with. */
export type Placeholders<V> = { readonly [K in keyof V & string]: Placeholder<K> };

const placeholders = new Proxy(
  {},
  { get: (_, name) => (typeof name === 'string' ? sql.placeholder(name) : undefined) },
) as Placeholders<object>;

/**
 * A statement whose SQL text depends only on its shape (which filters are set, which kind of
 * viewer), its values coming in as placeholders. drizzle builds the text of a shape once; each
 * call then only fills in the values, so a hot read no longer pays for drizzle rebuilding and
 * rendering its SQL on every request. `build` is given the shape and the placeholders, nothing
 * else, so one shape is always one text; a shape is made of flags, so there are few of them.
 */
export function shapedStatement<S extends object, V extends object>(build: (shape: S, v: Placeholders<V>) => SQL) {
  const texts = new Map<string, { sql: string; params: unknown[] }>();
  const text = (key: string, shape: S) => {
    let query = texts.get(key);
    if (query === undefined) {
      query = dialect.sqlToQuery(build(shape, placeholders as Placeholders<V>));
      texts.set(key, query);
    }
    return query;
  };
  // drizzle's prepared query of each shape, per database handle (as `db.execute` would make anew each call).
  const preparedOf = preparedPer(() => new Map<string, PgPreparedQuery<PreparedQueryConfig>>());
  return async <R extends QueryResultRow>(db: DbOrTx, shape: S, values: V): Promise<QueryResult<R>> => {
    const key = JSON.stringify(shape);
    const prepared = preparedOf(db);
    let query = prepared.get(key);
    if (query === undefined) {
      query = db._.session.prepareQuery(text(key, shape), undefined, undefined, false);
      prepared.set(key, query);
    }
    return (await query.execute(values as Record<string, unknown>)) as QueryResult<R>;
  };
}
