import { createHash } from 'node:crypto';
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
 *
 * A shape `prepared.when` accepts is also a named prepared statement (`prepared.name` and a
 * digest of its text): PostgreSQL then parses it once per connection, not on every call, and
 * may keep its plan (a generic one, after five custom plans, only if it costs no more than they
 * did). For shapes whose values can call for different plans (a search for a common or a rare
 * word), `when` says no: an unnamed statement is planned with its values each time.
 */
export function shapedStatement<S extends object, V extends object>(
  build: (shape: S, v: Placeholders<V>) => SQL,
  options: { prepared?: { name: string; when: (shape: S) => boolean } } = {},
) {
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
      const statement = text(key, shape);
      const { prepared: named } = options;
      const name =
        named?.when(shape) === true
          ? `${named.name}_${createHash('sha1').update(statement.sql).digest('hex').slice(0, 16)}`
          : undefined;
      query = db._.session.prepareQuery(statement, undefined, name, false);
      prepared.set(key, query);
    }
    return (await query.execute(values as Record<string, unknown>)) as QueryResult<R>;
  };
}
